// Unicode facts the safety checker needs: UTF-8 decoding with byte offsets, invisible characters,
// character kinds (what may be dropped between the characters of a word) and look-alike scripts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "content/utf8.h"

namespace content::safety {

// Decodes the code point at `pos` and advances `pos` past it. An invalid byte decodes as U+FFFD
// with `valid` false and advances by exactly one byte, so offsets always move forward.
char32_t decode_utf8(std::string_view text, size_t& pos, bool& valid);
using content::append_utf8;
using content::to_utf8;

// Characters that a notice never needs and that spam uses to hide or reverse words, rejected
// outright: zero-width characters (U+200B–U+200F), bidirectional embeddings, overrides and
// isolates (U+202A–U+202E, U+2066–U+2069), U+FEFF, word joiners, soft hyphen, tag characters,
// private-use characters (U+E000–U+F8FF and planes 15–16), noncharacters, and C0/C1 controls
// other than \n and \t. (\r before \n and U+200D inside an emoji sequence are the caller's
// exceptions.)
bool is_invisible(char32_t c);

// Emoji pictographs: U+200D (zero width joiner) between two of them is legitimate
// (👨‍👩‍👧).
bool is_pictograph(char32_t c);

enum class CharKind : uint8_t {
    Word,     // letters of any script, digits, Han characters, kana: what words are made of
    Mark,     // combining marks and variation selectors: dropped with no trace
    Space,    // any space but a newline (U+3000 included)
    Newline,  // \n
    Soft,     // punctuation and symbols spam inserts inside words: . * _ ~ - · emoji ★ ' "
    Hard,  // punctuation that separates words in ordinary text: ，、：“”（）【】/ | — …
    SentenceEnd,  // punctuation that ends a sentence: 。；！？ and ; ! ?
};

// The kind of a folded character; folding has already turned "，" into "," and "．" into ".",
// so only 。 and 、 among the Chinese punctuation reach this function in their own form.
// (A lone "." is Soft: Chinese text ends sentences with 。, and spam writes 博.彩.)
CharKind char_kind(char32_t folded);

inline bool is_ascii_digit(char32_t c) {
    return c >= '0' && c <= '9';
}
inline bool is_ascii_letter(char32_t c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline bool is_ascii_alnum(char32_t c) {
    return is_ascii_letter(c) || is_ascii_digit(c);
}
// Latin letters after folding (a–z, Latin-1, Latin Extended A/B and Additional, IPA).
bool is_latin_letter(char32_t c);
// Greek and Cyrillic letters (the scripts whose letters pass for Latin ones).
bool is_greek_or_cyrillic(char32_t c);

}  // namespace content::safety
