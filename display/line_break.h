// Line-break opportunities for Chinese text: libunibreak (UAX #14, language "zh") tailored to
// the rules of W3C clreq and GB/T 15834-2011 §5.1.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace display {

// May a line end after this character?
enum class BreakAfter : uint8_t { Never, Allowed, Mandatory };

// One entry per code point of `text`. The last entry is always Mandatory (end of text).
std::vector<BreakAfter> line_breaks(std::u32string_view text);

// Does a new grapheme cluster start at `i`? False inside emoji ZWJ sequences, before combining
// marks, variation selectors and skin-tone modifiers, and between the two halves of a flag.
bool starts_grapheme(std::u32string_view text, size_t i);

// Characters that count when deciding whether a line holds a single character: graphemes that
// are not punctuation, spaces or invisible. "了。" counts 1, "2026年" counts 5.
size_t letter_count(std::u32string_view text);

}  // namespace display
