// Distributes a laid-out document over pages of a given height, and draws a page.
//
// Rules: a line (any slice) is never cut between pages; a heading never ends a page (it moves
// to the next page with what follows it); a table row is never split, unless it is taller than
// a whole page, when it is cut at a line boundary as a last resort; the blank above a slice
// is dropped at the top of a page. Every glyph lands on exactly one page.
#pragma once

#include <vector>

#include "display/draw_list.h"
#include "display/laid_out_document.h"

namespace display {

struct Page {
    // Commands in page coordinates: (0, 0) is the top-left of the page's text column.
    std::vector<DrawCommand> commands;
    float height = 0;        // used height
    size_t first_block = 0;  // source blocks on this page (for "go to the page of block N")
    size_t last_block = 0;
};

std::vector<Page> paginate(const LaidOutDocument& document, float page_height);

// Appends the page's commands to `out`, with the page's top-left at (x, y).
void draw_page(const Page& page, float x, float y, DrawList& out);

}  // namespace display
