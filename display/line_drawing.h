// Internal to document layout: turns laid-out lines into slices of text draw commands.
#pragma once

#include <vector>

#include "display/block.h"
#include "display/laid_out_document.h"
#include "display/layout_style.h"
#include "display/paragraph_layout.h"

namespace display {

// The look of one block's text: size and the colour of plain and emphasised runs.
struct TextLook {
    float size = 0;
    Color color;
    Color emphasis;
};

// Appends the glyphs of `line` at (x, baseline) as text commands, one per run of glyphs with
// the same weight and colour.
void draw_line(const Line& line, const Runs& runs, const TextLook& look, float x, float baseline,
               std::vector<DrawCommand>& out);

// Baseline offset from the top of a line box `pitch` high: the font's ascent and descent
// centred in the box (half the leading above, half below).
float baseline_in_box(const FontMetrics& metrics, float size, float pitch);

}  // namespace display
