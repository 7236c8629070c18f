// Lays out a notice body (display blocks) into a column of slices, ready to paginate.
//
//   const auto doc = display::layout_document(blocks, metrics, display::notice_style(40), 960);
//   const auto pages = display::paginate(doc, 900);
//   display::draw_page(pages[0], 60, 120, draw_list);
#pragma once

#include <vector>

#include "display/block.h"
#include "display/font_metrics.h"
#include "display/laid_out_document.h"
#include "display/layout_style.h"

namespace display {

LaidOutDocument layout_document(const std::vector<Block>& blocks, const FontMetrics& metrics,
                                const LayoutStyle& style, float width);

}  // namespace display
