// Layout style helpers.
#include "display/layout_style.h"

#include <algorithm>

namespace display {

float LayoutStyle::heading_size(int level) const {
    const size_t index = static_cast<size_t>(std::clamp(level, 1, 6) - 1);
    return body_size * heading_scale[index];
}

ParagraphOptions LayoutStyle::body_options() const {
    ParagraphOptions options;
    options.first_line_indent = indent == FirstLineIndent::TwoEm ? 2 * body_size : 0;
    options.alignment = alignment;
    return options;
}

LayoutStyle notice_style(float body_size) {
    LayoutStyle style;
    style.body_size = body_size;
    return style;
}

}  // namespace display
