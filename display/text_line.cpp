// Single-line text placement with ellipsis.
#include "display/text_line.h"

#include "display/utf8.h"

namespace display {

float line_width(std::string_view text, const FontMetrics& metrics, float size, Weight weight) {
    float width = 0;
    for (char32_t cp : decode_utf8(text)) {
        width += metrics.advance(cp, size, weight);
    }
    return width;
}

TextCommand place_line(std::string_view text, const FontMetrics& metrics, float size, Weight weight,
                       Color color, Rect box, Align align, Overflow overflow) {
    std::u32string chars = decode_utf8(text);
    for (char32_t& cp : chars) {
        if (cp == U'\n' || cp == U'\t') {
            cp = U' ';
        }
    }
    std::vector<float> advances;
    float width = 0;
    for (char32_t cp : chars) {
        advances.push_back(metrics.advance(cp, size, weight));
        width += advances.back();
    }
    if (width > box.w && overflow == Overflow::Ellipsis) {
        const float ellipsis = metrics.advance(U'…', size, weight);
        while (!chars.empty() && width + ellipsis > box.w) {
            width -= advances.back();
            advances.pop_back();
            chars.pop_back();
        }
        chars.push_back(U'…');
        advances.push_back(ellipsis);
        width += ellipsis;
    }
    float x = box.x;
    if (align == Align::Center) {
        x += (box.w - width) / 2;
    } else if (align == Align::End) {
        x += box.w - width;
    }
    // Centre the font's ascent+descent box in the rectangle.
    const float ascent = metrics.ascent(size);
    const float descent = metrics.descent(size);
    const float baseline = box.y + (box.h - (ascent + descent)) / 2 + ascent;
    TextCommand out;
    out.size = size;
    out.weight = weight;
    out.color = color;
    for (size_t i = 0; i < chars.size(); ++i) {
        if (overflow == Overflow::Clip && x + advances[i] > box.right() + 0.5f) {
            break;
        }
        out.glyphs.push_back({chars[i], x, baseline});
        x += advances[i];
    }
    return out;
}

}  // namespace display
