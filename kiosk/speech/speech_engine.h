// Mandarin speech from pinyin with tone numbers, through libespeak-ng's cmn-latn-pinyin voice.
//
// The engine is given syllables the readings chose ("yin2 hang2"), never Chinese characters, so
// its own guesses never decide a reading. libespeak-ng keeps global state: one engine a process.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::speech {

struct WordMark {
    size_t sample = 0;         // where the word starts in the sentence's samples
    size_t text_position = 0;  // its position (characters, from 1) in the engine text
};

struct Synthesis {
    std::vector<int16_t> samples;  // mono, 16-bit, at SpeechEngine::sample_rate()
    std::vector<WordMark> words;   // the engine's own position events
};

class SpeechEngine {
public:
    // Opens libespeak-ng with the cmn-latn-pinyin voice. Returns null and sets `error` (one line
    // for the log) when the library's data or the voice is missing.
    static std::unique_ptr<SpeechEngine> open(std::string& error);
    ~SpeechEngine();
    SpeechEngine(const SpeechEngine&) = delete;
    SpeechEngine& operator=(const SpeechEngine&) = delete;

    int sample_rate() const { return m_rate; }

    // Synthesises one sentence (engine text from plan_sentences()). `words_per_minute` sets the
    // pace: 150 is calm, as an announcer reads to elderly listeners.
    Synthesis synthesize(std::string_view engine_text, int words_per_minute = 150);

private:
    explicit SpeechEngine(int rate) : m_rate(rate) {}
    int m_rate;
};

// Writes mono 16-bit PCM as a RIFF WAVE file. Throws std::runtime_error naming the path.
void write_wav(const std::string& path, const std::vector<int16_t>& samples, int sample_rate);

}  // namespace kiosk::speech
