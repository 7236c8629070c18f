// Image blocks: the picture scaled into the column, its alternative text as a caption below,
// and a placeholder box while the picture is absent.
#include "display/image_layout.h"

#include <algorithm>

#include "display/line_drawing.h"
#include "display/paragraph_layout.h"
#include "display/text_line.h"

namespace display {
namespace {

constexpr const char* k_absent_label = "图片暂不可用";

// Fits the image into the column: at most twice its pixel size (small plans stay legible
// without turning to mush), at most `max_height` tall. Unknown size: a 4:3 box.
Rect image_box(const Block& block, float width, float max_height) {
    float w = width, h = width * 3 / 4;
    if (block.image_width > 0 && block.image_height > 0) {
        w = std::min(width, 2.0f * static_cast<float>(block.image_width));
        h = w * static_cast<float>(block.image_height) / static_cast<float>(block.image_width);
    }
    if (max_height > 0 && h > max_height) {
        w *= max_height / h;
        h = max_height;
    }
    return {(width - w) / 2, 0, w, h};
}

}  // namespace

void layout_image(const Block& block, size_t index, const FontMetrics& metrics,
                  const LayoutStyle& style, float width, float space_before,
                  std::vector<Slice>& out) {
    const Rect box = image_box(block, width, style.max_image_height);
    Slice picture;
    picture.height = box.h;
    picture.space_before = space_before;
    picture.block = index;
    if (block.presence == ImagePresence::Present && !block.asset.empty()) {
        picture.commands.push_back(ImageCommand{box, block.asset});
    } else {
        const float size = style.body_size * 0.8f;
        picture.commands.push_back(FillCommand{box, style.placeholder_fill, 0});
        picture.commands.push_back(FrameCommand{box, style.rule, std::max(1.0f, size / 16)});
        picture.commands.push_back(place_line(k_absent_label, metrics, size, Weight::Regular,
                                              style.muted, box, Align::Center));
    }
    if (block.alt.empty()) {
        out.push_back(std::move(picture));
        return;
    }
    picture.keep = Keep::WithNext;  // the caption stays with its picture
    out.push_back(std::move(picture));
    // The caption: smaller, centred lines under the picture.
    const float size = style.body_size * 0.8f;
    const float pitch = style.pitch(size);
    const Runs caption = plain(block.alt);
    const TextLook look{size, style.muted, style.muted};
    for (const Line& line :
         layout_paragraph(caption, metrics, size, width, {0, Alignment::Center})) {
        Slice slice;
        slice.height = pitch;
        slice.block = index;
        draw_line(line, caption, look, 0, baseline_in_box(metrics, size, pitch), slice.commands);
        out.push_back(std::move(slice));
    }
}

}  // namespace display
