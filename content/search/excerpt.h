// Highlight spans and body excerpts: from matches in folded text to byte offsets in what the
// screen shows.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/search/text.h"

namespace content::search {

struct TextSpan {
    size_t begin = 0;  // byte offsets, [begin, end)
    size_t end = 0;
    bool operator==(const TextSpan&) const = default;
};

using CharSpanList = std::vector<std::pair<size_t, size_t>>;  // [begin, end) characters

// Sorted, merged byte spans of the original text for character spans of its folding.
std::vector<TextSpan> byte_spans(const FoldedText& folded, CharSpanList chars);

struct Excerpt {
    std::string text;
    std::vector<TextSpan> spans;
};

// About `length` characters of `original` around the first match (or from the start): from the
// beginning of the match's line when that is close, newlines shown as spaces, "…" where the text
// was cut.
Excerpt make_excerpt(std::string_view original, const FoldedText& folded,
                     const CharSpanList& matches, size_t length);

}  // namespace content::search
