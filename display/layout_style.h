// How a notice body is set: sizes, spacing and colours for document layout.
#pragma once

#include <array>

#include "display/geometry.h"
#include "display/paragraph_layout.h"

namespace display {

enum class FirstLineIndent { None, TwoEm };

struct LayoutStyle {
    float body_size = 40;  // px; the kiosk scales it with the screen
    // Heading sizes as multiples of the body size, for levels 1..6.
    std::array<float, 6> heading_scale{1.5f, 1.3f, 1.15f, 1.05f, 1.0f, 1.0f};
    // Line pitch (baseline to baseline) as a multiple of the font size. China's 适老化 rules
    // and WCAG 1.4.12 ask for at least 1.5.
    float line_spacing = 1.6f;
    // Baseline-to-baseline distance between the last line of a block and the first line of
    // the next, as a multiple of the line pitch: at least 1.3 (适老化). 1.5 at 40 px gives a
    // 38 px blank between paragraphs, on top of the line gap.
    float paragraph_spacing = 1.5f;
    FirstLineIndent indent = FirstLineIndent::TwoEm;
    Alignment alignment = Alignment::Justify;
    float list_indent_em = 2.0f;  // per nesting level, the marker hangs inside it
    float quote_indent_em = 1.5f;
    float max_image_height = 0;  // px; 0: images keep their aspect at the full width

    Color text{20, 20, 20, 255};
    Color heading{20, 20, 20, 255};
    Color emphasis{170, 20, 20, 255};  // emphasised runs; ≈7:1 on white
    Color muted{90, 90, 90, 255};      // image captions, placeholders
    Color rule{160, 160, 160, 255};
    Color table_header_fill{238, 238, 238, 255};
    Color quote_bar{200, 200, 200, 255};
    Color placeholder_fill{232, 232, 232, 255};

    float heading_size(int level) const;
    float pitch(float size) const { return size * line_spacing; }
    // Paragraph options for body text at this style (indent and alignment).
    ParagraphOptions body_options() const;
};

// The style a notice body is drawn in at `body_size` px: the product's defaults.
LayoutStyle notice_style(float body_size);

}  // namespace display
