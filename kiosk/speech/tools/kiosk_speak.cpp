// kiosk-speak: what read-aloud will say, as pinyin, as words or as a WAV file (staff, tests,
// console).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "content/file_read.h"
#include "content/store.h"
#include "kiosk/speech/notice_speech.h"
#include "kiosk/speech/readings.h"
#include "kiosk/speech/sentence_plan.h"
#include "kiosk/speech/speech_engine.h"

namespace {

using namespace kiosk::speech;

std::vector<SpokenSentence> plan_text(const std::string& text, const Readings& readings) {
    return plan_sentences(text, readings);
}

std::vector<SpokenSentence> plan_notice(const std::string& data, const std::string& id,
                                        const Readings& readings) {
    content::Store store = content::Store::open(data + "/content.db", content::OpenMode::ReadOnly);
    const std::optional<content::Notice> notice = store.notice(id);
    if (!notice) {
        throw std::runtime_error("no notice '" + id + "' in " + data + "/content.db");
    }
    std::vector<SpokenSentence> out;
    for (const SpeechPart& part :
         notice_speech_parts(*notice, content::parse_markdown(notice->body))) {
        for (SpokenSentence& s : plan_sentences(part.text, readings)) {
            out.push_back(std::move(s));
        }
    }
    return out;
}

int write_speech(const std::vector<SpokenSentence>& sentences, const std::string& wav, int rate) {
    std::string error;
    auto engine = SpeechEngine::open(error);
    if (!engine) {
        std::fprintf(stderr, "kiosk-speak: %s\n", error.c_str());
        return 1;
    }
    std::vector<int16_t> all;
    const std::vector<int16_t> gap(static_cast<size_t>(engine->sample_rate() / 5), 0);
    for (const SpokenSentence& s : sentences) {
        const Synthesis syn = engine->synthesize(s.engine_text, rate);
        all.insert(all.end(), syn.samples.begin(), syn.samples.end());
        all.insert(all.end(), gap.begin(), gap.end());
    }
    write_wav(wav, all, engine->sample_rate());
    std::fprintf(stderr, "kiosk-speak: %zu sentences, %.1f s of speech in %s\n", sentences.size(),
                 static_cast<double>(all.size()) / engine->sample_rate(), wav.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kiosk-speak: what the board's read-aloud says for a text or a notice"};
    bool pinyin = false;
    bool words = false;
    std::string wav;
    std::string data;
    std::string notice;
    std::string overrides;
    int rate = 150;
    std::vector<std::string> text;
    app.add_flag("--pinyin", pinyin, "print each sentence's syllables (pinyin, tone numbers 1-5)");
    app.add_flag("--words", words, "print each sentence as normalised words");
    app.add_option("--wav", wav, "write the speech to this WAV file");
    app.add_option("--data", data, "the board's data folder (content.db), with --notice");
    app.add_option("--notice", notice, "read this notice from --data");
    app.add_option("--overrides", overrides, "extra readings: lines 词语<TAB>ci2 yu3");
    app.add_option("--rate", rate, "speaking rate in words per minute")->check(CLI::Range(80, 400));
    app.add_option("text", text, "the text to read");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if ((notice.empty() != data.empty()) || (notice.empty() && text.empty()) ||
        (!pinyin && !words && wav.empty())) {
        std::fprintf(stderr,
                     "kiosk-speak: give TEXT or --data DIR --notice ID, and --pinyin, "
                     "--words or --wav FILE (see --help)\n");
        return 2;
    }
    try {
        Readings readings = Readings::builtin();
        if (!overrides.empty()) {
            for (const OverrideProblem& p :
                 readings.add_overrides(content::read_file_capped(overrides, 1 << 20))) {
                std::fprintf(stderr, "%s:%d: %s\n", overrides.c_str(), p.line, p.message.c_str());
            }
        }
        std::string joined;
        for (const std::string& t : text) {
            joined += (joined.empty() ? "" : " ") + t;
        }
        const std::vector<SpokenSentence> sentences =
            notice.empty() ? plan_text(joined, readings) : plan_notice(data, notice, readings);
        for (const SpokenSentence& s : sentences) {
            if (words) {
                std::printf("%s\n", s.words.c_str());
            }
            if (pinyin) {
                std::string line;
                for (const std::string& syl : s.syllables) {
                    line += (line.empty() ? "" : " ") + syl;
                }
                std::printf("%s\n", line.c_str());
            }
        }
        if (!wav.empty()) {
            return write_speech(sentences, wav, rate);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk-speak: %s\n", e.what());
        return 1;
    }
    return 0;
}
