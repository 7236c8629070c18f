// libespeak-ng behind SpeechEngine (see speech_engine.h).
#include "kiosk/speech/speech_engine.h"

#include <espeak-ng/speak_lib.h>

#include <cstdio>
#include <stdexcept>

namespace kiosk::speech {

namespace {

bool g_open = false;

int collect(short* wav, int count, espeak_EVENT* events) {
    if (events == nullptr) {
        return 0;
    }
    auto* out = static_cast<Synthesis*>(events->user_data);
    for (espeak_EVENT* e = events; e->type != espeakEVENT_LIST_TERMINATED; ++e) {
        if (e->type == espeakEVENT_WORD && out != nullptr) {
            out->words.push_back({out->samples.size(), static_cast<size_t>(e->text_position)});
        }
    }
    if (wav != nullptr && count > 0 && out != nullptr) {
        out->samples.insert(out->samples.end(), wav, wav + count);
    }
    return 0;  // keep going
}

}  // namespace

std::unique_ptr<SpeechEngine> SpeechEngine::open(std::string& error) {
    if (g_open) {
        error = "the speech engine is already open in this process";
        return nullptr;
    }
    const int rate =
        espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        error = "libespeak-ng could not start (is espeak-ng-data installed?)";
        return nullptr;
    }
    if (espeak_SetVoiceByName("cmn-latn-pinyin") != EE_OK) {
        espeak_Terminate();
        error = "the espeak-ng voice cmn-latn-pinyin is missing (install espeak-ng-data)";
        return nullptr;
    }
    espeak_SetSynthCallback(collect);
    g_open = true;
    return std::unique_ptr<SpeechEngine>(new SpeechEngine(rate));
}

SpeechEngine::~SpeechEngine() {
    espeak_Terminate();
    g_open = false;
}

Synthesis SpeechEngine::synthesize(std::string_view engine_text, int words_per_minute) {
    Synthesis out;
    espeak_SetParameter(espeakRATE, words_per_minute, 0);
    const std::string text(engine_text);
    espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                 &out);
    espeak_Synchronize();
    return out;
}

void write_wav(const std::string& path, const std::vector<int16_t>& samples, int sample_rate) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
        throw std::runtime_error("cannot write " + path);
    }
    auto u32 = [&](uint32_t v) {
        const unsigned char b[4] = {
            static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
            static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 24)};
        std::fwrite(b, 1, 4, f);
    };
    auto u16 = [&](uint16_t v) {
        const unsigned char b[2] = {static_cast<unsigned char>(v),
                                    static_cast<unsigned char>(v >> 8)};
        std::fwrite(b, 1, 2, f);
    };
    const uint32_t data_bytes = static_cast<uint32_t>(samples.size() * 2);
    std::fwrite("RIFF", 1, 4, f);
    u32(36 + data_bytes);
    std::fwrite("WAVEfmt ", 1, 8, f);
    u32(16);
    u16(1);  // PCM
    u16(1);  // mono
    u32(static_cast<uint32_t>(sample_rate));
    u32(static_cast<uint32_t>(sample_rate) * 2);
    u16(2);
    u16(16);
    std::fwrite("data", 1, 4, f);
    u32(data_bytes);
    for (int16_t s : samples) {
        u16(static_cast<uint16_t>(s));
    }
    const bool ok = std::fflush(f) == 0;
    std::fclose(f);
    if (!ok) {
        throw std::runtime_error("cannot write " + path);
    }
}

}  // namespace kiosk::speech
