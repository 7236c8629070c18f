// A single line of text without wrapping (labels, buttons, titles that fit), with ellipsis.
#pragma once

#include <string_view>

#include "display/draw_list.h"

namespace display {

enum class Align { Start, Center, End };
enum class Overflow { Clip, Ellipsis };

// Width of `text` set on one line.
float line_width(std::string_view text, const FontMetrics& metrics, float size, Weight weight);

// Places `text` on one line inside `box`, vertically centred; cuts it with "…" when too wide.
TextCommand place_line(std::string_view text, const FontMetrics& metrics, float size, Weight weight,
                       Color color, Rect box, Align align, Overflow overflow = Overflow::Ellipsis);

}  // namespace display
