// The terms of the search index, as the FTS5 tokenizer (tokenizer.h) emits them: each character,
// each pair of neighbours, each pair of neighbours' readings, and in titles each reading and
// initial alone; every term at the position of the character it starts, so FTS5 phrase queries
// over pairs find runs of any length exactly.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace content::search {

enum class Field { Body, Title };

// Marks that keep kinds of terms apart. Text never yields them: control characters are separators.
inline constexpr char k_pair_mark = '\x01';
inline constexpr char k_syllable_mark = '\x02';
inline constexpr char k_initial_mark = '\x03';
// A Latin letter pairs with pinyin as an initial of itself ("aed培训" is a e d p x); its spelling
// in a pair is the letter and this, so that it never matches a whole syllable.
inline constexpr char k_letter_rest = '#';
// Between the two readings' rests in a pair term.
inline constexpr char k_rest_separator = '|';

// A folded character or pair of characters, as UTF-8.
std::string char_term(char32_t c);
std::string bigram_term(char32_t a, char32_t b);
// Two neighbours read as `a` and `b` (syllables such as "yi", "bao", or a letter spelled "b#"):
// the mark, both first letters, then the rest of each, so a query can ask by prefix for both
// initials ("\1yb"), a whole syllable and an initial ("\1ybi|") or two syllables ("\1ybi|ao").
std::string reading_pair_term(std::string_view a, std::string_view b);
// Titles only: one reading, or one initial (a letter, or zh/ch/sh), alone.
std::string syllable_term(std::string_view syllable);
std::string initial_term(std::string_view initial);

// Where a term lies: at the next position, or at the same one as the term before.
enum class TermPosition { Next, Same };

struct TermSink {
    // Returns false to stop. `begin`/`end` are indices into the folded text.
    std::function<bool(std::string_view term, TermPosition position, size_t begin, size_t end)>
        emit;
};

// Emits the terms of a folded text in order. Each character but separators (is_separator) takes
// a position, with its term first; at the same position follow its pair with the next character
// (when no separator is between them) and, for two neighbours that can be typed as pinyin (Han
// characters with readings, Latin letters), every pair of their readings (polyphones give every
// combination). Titles also get each reading and initial of a character alone: one typed
// syllable or letter is matched in titles, never in bodies, where it would match nearly all.
// Returns false when the sink stopped it.
bool emit_terms(std::u32string_view folded, Field field, const TermSink& sink);

}  // namespace content::search
