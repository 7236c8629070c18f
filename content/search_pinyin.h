// Queries typed in Latin letters read as pinyin: full ("yibao", "yi bao", "xi'an"), initials
// ("zcjd" for 政策解读) and mixed ("yib"), matched against Han text by any reading of a character.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/pinyin.h"

namespace content {

struct PinyinQuery {
    std::string letters;             // a-z only
    std::vector<uint8_t> group_end;  // for each letter, where its group (between separators) ends
};

// A folded query of ASCII letters, spaces and apostrophes, with at least one letter and at most
// 48, reads as pinyin; anything else does not.
std::optional<PinyinQuery> parse_pinyin_query(std::u32string_view folded);

// How a character may consume letters: any non-empty start of one of its readings ("zcjd",
// "yib"), or only a whole reading ("yibao"). A character never consumes across a separator, and
// an ASCII letter in the text matches itself.
enum class SyllableMatch { Prefix, Whole };

// Number of characters of a match starting at text[start], or 0 when none starts there.
size_t pinyin_match_at(std::u32string_view text, size_t start, const PinyinQuery& query,
                       SyllableMatch mode);

// Non-overlapping matches, left to right, as [begin, end) character indices; at most `max`.
std::vector<std::pair<size_t, size_t>> find_pinyin(std::u32string_view text,
                                                   const PinyinQuery& query, SyllableMatch mode,
                                                   size_t max);

// The ways to cut the letters into whole syllables ("xian": xian | xi an), at most `max`.
std::vector<std::vector<pinyin::SyllableId>> whole_syllable_splits(const PinyinQuery& query,
                                                                   size_t max);

// The initials of the ways to cut the letters into starts of syllables, without repeats, at
// most `max` ("yib": yi b -> "yb"; "zcjd" -> "zcjd").
std::vector<std::string> prefix_split_initials(const PinyinQuery& query, size_t max);

}  // namespace content
