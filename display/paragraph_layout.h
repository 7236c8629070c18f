// Pure paragraph layout: text, a font and a width in; lines of positioned glyphs out.
//
//   auto lines = display::layout_paragraph("通知正文……", metrics, 40, Weight::Regular, 960,
//                                          {.first_line_indent = 80});
//   lines[0].glyphs[0].x == 80  (two-em indent at 40 px)
//
// Lines break at the tailored opportunities of line_break.h, greedily filling each line. A
// full-width closing mark at the end of a line is set half-width (its advance becomes ½ em),
// which lets a line take one more mark before anything is pushed down (先挤进，后推出). Two
// full-width marks in a row are compressed the same way ("。”" takes 1½ em, not 2). Justified
// lines stretch only the gaps next to CJK characters and Latin word spaces, never the gaps
// inside a Latin word or a number. A paragraph never ends with a single character alone on
// its last line: one more character is pulled down from the line above.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "display/block.h"
#include "display/font_metrics.h"

namespace display {

// Justify: every line but the last (and lines ended by a hard break) fills the width.
enum class Alignment { Justify, Start, Center, End };

struct ParagraphOptions {
    float first_line_indent = 0;  // px, e.g. two em for body paragraphs
    Alignment alignment = Alignment::Justify;
};

// A glyph's pen position from the line's left edge (squeezes and justification applied).
struct LineGlyph {
    char32_t cp = 0;
    float x = 0;
    float advance = 0;  // the room it takes on this line (½ em when squeezed)
    uint16_t run = 0;   // index of the Run it came from
};

enum class LineEnd { Wrapped, HardBreak, ParagraphEnd };

struct Line {
    // Code points [begin, end) of the paragraph's text, including the break whitespace at the
    // end, which has no glyphs.
    size_t begin = 0;
    size_t end = 0;
    // Where the set text ends, before justification: the indent plus the advances, with a
    // closing mark at the end counted half-width.
    float width = 0;
    LineEnd ending = LineEnd::Wrapped;
    bool justified = false;
    std::vector<LineGlyph> glyphs;
};

std::vector<Line> layout_paragraph(const Runs& runs, const FontMetrics& metrics, float size_px,
                                   float width, const ParagraphOptions& options = {});
std::vector<Line> layout_paragraph(std::string_view utf8, const FontMetrics& metrics, float size_px,
                                   Weight weight, float width,
                                   const ParagraphOptions& options = {});
std::vector<Line> layout_paragraph(std::u32string_view text, const FontMetrics& metrics,
                                   float size_px, Weight weight, float width,
                                   const ParagraphOptions& options = {});

// The text of a line, from its glyphs.
std::u32string line_text(const Line& line);

}  // namespace display
