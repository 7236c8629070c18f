// The terms of the body search index: characters, character pairs, pinyin syllables and pairs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/pinyin.h"

namespace content {

// Packed as an SQLite INTEGER: the kind in the low two bits.
using TermId = int64_t;

enum class TermKind : int64_t { Char = 0, Bigram = 1, Syllable = 2, SyllableBigram = 3 };

inline TermId char_term(char32_t c) {
    return (static_cast<TermId>(c) << 2) | static_cast<TermId>(TermKind::Char);
}
inline TermId bigram_term(char32_t a, char32_t b) {
    return (((static_cast<TermId>(a) << 21) | b) << 2) | static_cast<TermId>(TermKind::Bigram);
}
inline TermId syllable_term(pinyin::SyllableId s) {
    return (static_cast<TermId>(s) << 2) | static_cast<TermId>(TermKind::Syllable);
}
inline TermId syllable_bigram_term(pinyin::SyllableId a, pinyin::SyllableId b) {
    return (((static_cast<TermId>(a) << 10) | b) << 2) |
           static_cast<TermId>(TermKind::SyllableBigram);
}
// Initials (the first letter of a reading) share the syllable kinds, numbered above every
// syllable: 512 + letter.
inline pinyin::SyllableId initial_id(char letter) {
    return static_cast<pinyin::SyllableId>(512 + (letter - 'a'));
}
inline TermId initial_term(char letter) {
    return syllable_term(initial_id(letter));
}
inline TermId initial_bigram_term(char a, char b) {
    return syllable_bigram_term(initial_id(a), initial_id(b));
}

// Every distinct term of a folded text, sorted. Spaces separate: no pair spans one. A Han
// character contributes each of its readings and their initials, and two neighbouring Han
// characters every pair of their readings and of their initials, so a polyphone is found by
// any reading.
std::vector<TermId> text_terms(const std::u32string& folded);

}  // namespace content
