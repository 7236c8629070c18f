// Pinyin with tone numbers for Han text: the longest dictionary word first, then each character's
// default reading, so the speech engine's own guesses never decide (银行 yin2 hang2, 行长 hang2
// zhang3).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::speech {

enum class SyllableSource { Word, Character, Override, Letter, Number };

struct Syllable {
    std::string pinyin;  // "hang2"; letters as their spoken names ("ei1" for A)
    size_t index = 0;    // code point index in the text that was read
    SyllableSource source = SyllableSource::Character;
};

struct OverrideProblem {
    int line = 0;
    std::string message;
};

class Readings {
public:
    // The tables generated at build time from Debian's dictionaries (readings_gen.py) plus the
    // curated list kiosk/speech/overrides.tsv. Built once, on first use.
    static const Readings& builtin();

    // Adds override lines "词语<TAB>ci2 yu3" ('#' starts a comment); an override wins over the
    // dictionaries. Bad lines are reported with their line number and skipped.
    std::vector<OverrideProblem> add_overrides(std::string_view text);

    // Reads `text` (already normalised: numbers as words). Han characters get syllables; Latin
    // letters are spelled by name; anything else (punctuation, characters without a reading)
    // gets none, so a rare character is a short pause, never a spelled-out code point.
    std::vector<Syllable> read(std::u32string_view text) const;

    // The default reading of one character, or empty.
    std::string_view character_reading(char32_t c) const;

private:
    struct Table {
        const char* blob = nullptr;
        std::vector<uint32_t> lines;  // offsets of sorted "key\tvalue" lines
        std::string_view find(std::string_view key) const;
    };
    Table m_chars;
    Table m_words;
    std::unordered_map<std::u32string, std::vector<std::string>> m_overrides;
    size_t m_longest_override = 0;

    Readings();
};

// Whether `s` is one pinyin syllable with a tone number 1-5 ("zhang3", "lv4", "de5").
bool is_tone_syllable(std::string_view s);

}  // namespace kiosk::speech
