// The terms of the search index: characters, character pairs, pinyin syllable and initial pairs,
// of bodies and (apart) of titles.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/search/readings.h"

namespace content::search {

// Packed as an SQLite INTEGER below 2^45: the field in bit 44 and the kind in bits 42-43, so
// each field's and kind's terms lie together.
using TermId = int64_t;
inline constexpr int k_term_bits = 45;

enum class Field : int64_t { Body = 0, Title = 1 };
enum class TermKind : int64_t { Char = 0, Bigram = 1, SyllablePair = 2 };

inline TermId make_term(TermKind kind, int64_t payload) {
    return static_cast<int64_t>(kind) << 42 | payload;
}
inline TermId in_field(Field field, TermId term) {
    return static_cast<int64_t>(field) << 44 | term;
}
inline TermId char_term(char32_t c) {
    return make_term(TermKind::Char, c);
}
inline TermId bigram_term(char32_t a, char32_t b) {
    return make_term(TermKind::Bigram, static_cast<int64_t>(a) << 21 | b);
}
inline TermId syllable_bigram_term(pinyin::SyllableId a, pinyin::SyllableId b) {
    return make_term(TermKind::SyllablePair, static_cast<int64_t>(a) << 10 | b);
}
// Initials (the first letter of a reading) are numbered above every syllable: 512 + letter, and
// for titles zh, ch and sh after them.
inline pinyin::SyllableId initial_id(char letter) {
    return static_cast<pinyin::SyllableId>(512 + (letter - 'a'));
}
inline pinyin::SyllableId initial_id(std::string_view initial) {
    if (initial.size() == 2 && initial[1] == 'h') {
        switch (initial[0]) {
            case 'z':
                return 512 + 26;
            case 'c':
                return 512 + 27;
            case 's':
                return 512 + 28;
            default:
                break;
        }
    }
    return initial_id(initial[0]);
}
inline TermId initial_bigram_term(char a, char b) {
    return syllable_bigram_term(initial_id(a), initial_id(b));
}
// A single syllable or initial, paired with nothing (titles only).
inline constexpr pinyin::SyllableId k_no_syllable = 1023;
inline TermId syllable_term(pinyin::SyllableId s) {
    return syllable_bigram_term(s, k_no_syllable);
}
inline TermId initial_term(std::string_view initial) {
    return syllable_term(initial_id(initial));
}

// Every distinct term of a folded text, sorted: each character but separators (is_separator),
// each pair of neighbours, and for two neighbouring Han characters every pair of their readings
// and of their initials, so a polyphone is found by any reading. Titles also get each Han
// character's readings and initials alone: one typed syllable or letter is matched in titles,
// never in bodies, where it would match nearly everything.
std::vector<TermId> text_terms(const std::u32string& folded, Field field = Field::Body);

}  // namespace content::search
