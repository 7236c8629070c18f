// Internal to paragraph layout: where each line of a paragraph ends.
#pragma once

#include <vector>

#include "display/paragraph_setting.h"

namespace display {

// Greedy first fit over the break opportunities: each line takes as much as fits. `first` is
// the room on the first line (the width minus the indent), `rest` on every other line.
//
// A unit that cannot be broken (a Latin word, a number with its unit, ——) and is wider than a
// whole line is split at a sensible point (after "/" "-" "." or at a grapheme boundary that
// does not put a closing mark at a line start) instead of overflowing. Finally, a last line
// holding a single character gets one more pulled down from the line above.
std::vector<LineSpan> fit_lines(const ParagraphSetting& setting, float first, float rest);

// Characters that count on a line: graphemes that are not punctuation or spaces.
size_t letter_count(const ParagraphSetting& setting, size_t begin, size_t end);

}  // namespace display
