// Sentence cutting and reading (see sentence_plan.h).
#include "kiosk/speech/sentence_plan.h"

#include "content/utf8.h"
#include "kiosk/speech/text_normalizer.h"

namespace kiosk::speech {

namespace {

bool ends_sentence(char32_t c) {
    return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'!' || c == U'?' ||
           c == U';' || c == U'\n';
}
bool closes(char32_t c) {
    return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'）' || c == U')' ||
           c == U'"';
}
bool is_pause(char32_t c) {
    return c == U'，' || c == U'、' || c == U'：' || c == U'；' || c == U',' || c == U':';
}

struct Cut {
    size_t begin;
    size_t end;
};

// Byte ranges of the sentences of `text`.
std::vector<Cut> cut_sentences(std::string_view text) {
    std::vector<Cut> cuts;
    size_t begin = 0;
    size_t pos = 0;
    size_t chars = 0;
    size_t last_comma = std::string::npos;
    while (pos < text.size()) {
        bool valid = true;
        const char32_t c = content::decode_utf8_at(text, pos, valid);
        ++chars;
        if (is_pause(c)) {
            last_comma = pos;
        }
        bool cut = ends_sentence(c);
        if (cut) {
            size_t peek = pos;
            while (peek < text.size()) {
                size_t next = peek;
                const char32_t d = content::decode_utf8_at(text, next, valid);
                if (!closes(d) && (!ends_sentence(d) || d == U'\n')) {
                    break;
                }
                peek = next;
            }
            pos = peek;
        } else if (chars >= k_max_sentence_chars) {
            if (last_comma != std::string::npos && last_comma > begin) {
                pos = last_comma;
            }
            cut = true;
        }
        if (cut) {
            cuts.push_back({begin, pos});
            begin = pos;
            chars = 0;
            last_comma = std::string::npos;
        }
    }
    if (begin < text.size()) {
        cuts.push_back({begin, text.size()});
    }
    return cuts;
}

}  // namespace

std::vector<SpokenSentence> plan_sentences(std::string_view text, const Readings& readings) {
    std::vector<SpokenSentence> out;
    for (const Cut& cut : cut_sentences(text)) {
        SpokenSentence s;
        s.begin = cut.begin;
        s.end = cut.end;
        s.words = normalize_for_speech(text.substr(cut.begin, cut.end - cut.begin));
        const std::u32string words = content::from_utf8(s.words);
        const std::vector<Syllable> syllables = readings.read(words);
        if (syllables.empty()) {
            continue;
        }
        // Engine text: syllables separated by spaces, a comma where the text pauses (and where
        // a character had no reading), a full stop at the end.
        size_t next = 0;
        for (size_t k = 0; k < syllables.size(); ++k) {
            const Syllable& syl = syllables[k];
            bool pause = false;
            for (size_t q = next; q < syl.index; ++q) {
                pause = pause || is_pause(words[q]) || words[q] > 0x2E80;
            }
            if (pause && !s.engine_text.empty()) {
                s.engine_text += ",";
            }
            if (!s.engine_text.empty()) {
                s.engine_text += ' ';
            }
            s.engine_text += syl.pinyin;
            s.syllables.push_back(syl.pinyin);
            next = (k + 1 < syllables.size() && syllables[k + 1].index == syl.index)
                       ? syl.index
                       : syl.index + 1;
        }
        s.engine_text += '.';
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace kiosk::speech
