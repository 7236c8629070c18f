// Report pages drawn with the project's own renderer (display_core draw lists, painted by
// display_sdl's software renderer onto a surface, as `kiosk --screenshot` does) and saved as
// PNG: a page of text lines, coloured bars and boxes, in the product's Chinese fonts.
#pragma once

#include <memory>
#include <string>

#include "display/draw_list.h"
#include "display/text_line.h"

namespace publish {

class ReportCanvas {
public:
    // Opens the product's fonts (Debian paths); throws std::runtime_error naming what failed.
    ReportCanvas(int width, int height);
    ~ReportCanvas();
    ReportCanvas(const ReportCanvas&) = delete;
    ReportCanvas& operator=(const ReportCanvas&) = delete;

    int width() const { return m_width; }
    int height() const { return m_height; }
    void text(const std::string& text, float x, float y, float size, display::Color color,
              float width = 0, display::Align align = display::Align::Start,
              display::Weight weight = display::Weight::Regular);
    void box(display::Rect rect, display::Color color) { m_list.fill(rect, color); }
    void frame(display::Rect rect, display::Color color) { m_list.frame(rect, color, 2); }
    float text_width(const std::string& text, float size) const;

    // Paints and writes a PNG; returns the number of characters no font could draw, or throws.
    int save_png(const std::string& path);

private:
    struct Fonts;
    std::unique_ptr<Fonts> m_fonts;
    int m_width;
    int m_height;
    display::DrawList m_list;
};

}  // namespace publish
