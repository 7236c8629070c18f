// Internal to document layout: a table as one slice per row.
//
// Columns are sized from their content: each column's minimum is its widest unbreakable unit
// (a number with its unit, a Latin word; at least two em unless the column is narrower) and
// its maximum its widest cell on one line. If the maxima fit they are used, stretched to the
// full width; otherwise columns get their minimum, then the columns wanting least more get
// their maximum, and the rest share what is left, so CJK text wraps in the long columns. The header
// row is bold on a tinted band above a strong rule; thin rules separate the other rows.
#pragma once

#include <vector>

#include "display/block.h"
#include "display/laid_out_document.h"
#include "display/layout_style.h"

namespace display {

void layout_table(const Block& table, size_t block, const FontMetrics& metrics,
                  const LayoutStyle& style, float width, float space_before,
                  std::vector<Slice>& out);

// Column widths (without padding) for content that wants [min, max] each, in `room`.
std::vector<float> column_widths(const std::vector<float>& min, const std::vector<float>& max,
                                 float room);

}  // namespace display
