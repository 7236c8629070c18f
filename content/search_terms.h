// The terms of the body search index: characters, character pairs, pinyin syllables and pairs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/pinyin.h"

namespace content {

// Packed as an SQLite INTEGER: the kind in bits 42-43, so each kind's terms lie together.
using TermId = int64_t;

enum class TermKind : int64_t { Char = 0, Bigram = 1, SyllableBigram = 2 };

inline TermId make_term(TermKind kind, int64_t payload) {
    return static_cast<int64_t>(kind) << 42 | payload;
}
inline TermId char_term(char32_t c) {
    return make_term(TermKind::Char, c);
}
inline TermId bigram_term(char32_t a, char32_t b) {
    return make_term(TermKind::Bigram, static_cast<int64_t>(a) << 21 | b);
}
inline TermId syllable_bigram_term(pinyin::SyllableId a, pinyin::SyllableId b) {
    return make_term(TermKind::SyllableBigram, static_cast<int64_t>(a) << 10 | b);
}
// Initials (the first letter of a reading) are numbered above every syllable: 512 + letter.
inline pinyin::SyllableId initial_id(char letter) {
    return static_cast<pinyin::SyllableId>(512 + (letter - 'a'));
}
inline TermId initial_bigram_term(char a, char b) {
    return syllable_bigram_term(initial_id(a), initial_id(b));
}

// Every distinct term of a folded text, sorted: each character but separators (is_separator),
// each pair of neighbours, and for two neighbouring Han characters every pair of their readings
// and of their initials, so a polyphone is found by any reading.
std::vector<TermId> text_terms(const std::u32string& folded);

}  // namespace content
