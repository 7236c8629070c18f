// Queries typed in Latin letters read as pinyin: full ("yibao", "yi bao", "xi'an"), initials
// ("zcjd" for 政策解读) and mixed ("yib", "jiazdt"), matched against Han text by any reading of
// a character.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/search/readings.h"

namespace content::search {

// How one character is typed: a whole syllable ("bao"); an initial, the first letter of a
// syllable or zh/ch/sh ("b", "zh"); or, last in the query only, the start of a syllable still
// being typed ("zhua").
enum class PieceKind { Whole, Initial, Prefix };

struct PinyinPiece {
    std::string letters;
    PieceKind kind = PieceKind::Whole;
    pinyin::SyllableId syllable = 0;  // for Whole
};

// One way to read the letters: one piece per character.
using PinyinSplit = std::vector<PinyinPiece>;

struct PinyinQuery {
    std::string letters;
    // Every reading with the fewest pieces, as pinyin keyboards segment: "xian" is 先 (one
    // piece) while 西安 is typed "xi'an"; "fangan" is fang an (方案) or fan gan (反感); "zcjd" is
    // four initials.
    std::vector<PinyinSplit> splits;
};

// A folded query of ASCII letters, spaces and apostrophes (which separate syllables), with 1 to
// 48 letters that can be read as pinyin; anything else is not pinyin.
std::optional<PinyinQuery> parse_pinyin_query(std::u32string_view folded);

// Whether a character can be typed as `piece` (an ASCII letter stands for itself).
bool piece_matches(char32_t c, const PinyinPiece& piece);

// Number of characters of a match starting at text[start] (one per piece), or 0.
size_t pinyin_match_at(std::u32string_view text, size_t start, const PinyinQuery& query);

// Non-overlapping matches, left to right, as [begin, end) character indices; at most `max`.
std::vector<std::pair<size_t, size_t>> find_pinyin(std::u32string_view text,
                                                   const PinyinQuery& query, size_t max);

}  // namespace content::search
