// Internal to document layout: an image block as a picture slice (or a placeholder box while
// the picture is absent) and caption lines with its alternative text.
#pragma once

#include <vector>

#include "display/block.h"
#include "display/laid_out_document.h"
#include "display/layout_style.h"

namespace display {

void layout_image(const Block& block, size_t index, const FontMetrics& metrics,
                  const LayoutStyle& style, float width, float space_before,
                  std::vector<Slice>& out);

}  // namespace display
