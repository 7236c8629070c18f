// Laid-out lines to text draw commands.
#include "display/line_drawing.h"

#include "display/char_class.h"

namespace display {

void draw_line(const Line& line, const Runs& runs, const TextLook& look, float x, float baseline,
               std::vector<DrawCommand>& out) {
    TextCommand* current = nullptr;
    uint16_t current_run = 0;
    for (const LineGlyph& g : line.glyphs) {
        // Without shaping, ZWJ, variation selectors and the like have nothing to draw.
        if (is_invisible(g.cp) || is_space(g.cp)) {
            continue;
        }
        if (!current || g.run != current_run) {
            const Run* run = g.run < runs.size() ? &runs[g.run] : nullptr;
            const Weight weight = run ? run->weight : Weight::Regular;
            const Color color =
                run && run->emphasis == Emphasis::Emphasis ? look.emphasis : look.color;
            if (!current || current->weight != weight || !(current->color == color)) {
                TextCommand text;
                text.size = look.size;
                text.weight = weight;
                text.color = color;
                out.push_back(std::move(text));
                current = &std::get<TextCommand>(out.back());
            }
            current_run = g.run;
        }
        current->glyphs.push_back({g.cp, x + g.x, baseline});
    }
}

float baseline_in_box(const FontMetrics& metrics, float size, float pitch) {
    const float ascent = metrics.ascent(size);
    const float descent = metrics.descent(size);
    return (pitch - (ascent + descent)) / 2 + ascent;
}

}  // namespace display
