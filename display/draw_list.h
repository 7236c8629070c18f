// The display-independent result of building a screen: rectangles, positioned glyphs, images.
// The SDL backend rasterises it; tests inspect it directly.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "display/font_metrics.h"
#include "display/geometry.h"

namespace display {

// A glyph's pen position: x at the left of its advance, y on the baseline.
struct PlacedGlyph {
    char32_t cp = 0;
    float x = 0;
    float y = 0;
};

struct TextCommand {
    float size = 0;
    Weight weight = Weight::Regular;
    Color color;
    std::vector<PlacedGlyph> glyphs;
};

struct FillCommand {
    Rect rect;
    Color color;
    float radius = 0;  // rounded corners
};

struct FrameCommand {
    Rect rect;
    Color color;
    float thickness = 1;
};

// An image by content address (sha256), scaled into `rect`.
struct ImageCommand {
    Rect rect;
    std::string asset;
};

using DrawCommand = std::variant<FillCommand, FrameCommand, TextCommand, ImageCommand>;

struct DrawList {
    Color clear{255, 255, 255, 255};
    std::vector<DrawCommand> commands;

    void fill(Rect rect, Color color, float radius = 0) {
        commands.push_back(FillCommand{rect, color, radius});
    }
    void frame(Rect rect, Color color, float thickness) {
        commands.push_back(FrameCommand{rect, color, thickness});
    }
    void text(TextCommand text) { commands.push_back(std::move(text)); }
    void image(Rect rect, std::string asset) {
        commands.push_back(ImageCommand{rect, std::move(asset)});
    }
};

}  // namespace display
