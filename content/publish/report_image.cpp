// ReportCanvas: a draw list painted by SdlPainter on a software renderer, saved with SDL2_image.
#include "content/publish/report_image.h"

#include <SDL.h>
#include <SDL_image.h>

#include <stdexcept>

#include "display/font_metrics.h"
#include "display/sdl_painter.h"

namespace publish {

struct ReportCanvas::Fonts {
    std::unique_ptr<fonts::FontSet> set;
    std::unique_ptr<display::FontSetMetrics> metrics;
};

ReportCanvas::ReportCanvas(int width, int height)
    : m_fonts(std::make_unique<Fonts>()), m_width(width), m_height(height) {
    std::string error;
    std::vector<std::string> warnings;
    m_fonts->set = fonts::FontSet::open(fonts::FontConfig{}, error, warnings);
    if (!m_fonts->set)
        throw std::runtime_error("cannot open the fonts for the report image: " + error);
    m_fonts->metrics = std::make_unique<display::FontSetMetrics>(*m_fonts->set);
    m_list.clear = {255, 255, 255, 255};
}

ReportCanvas::~ReportCanvas() = default;

void ReportCanvas::text(const std::string& text, float x, float y, float size, display::Color color,
                        float width, display::Align align, display::Weight weight) {
    const float w = width > 0 ? width : static_cast<float>(m_width) - x;
    m_list.text(display::place_line(text, *m_fonts->metrics, size, weight, color,
                                    {x, y, w, size * 1.5f}, align));
}

float ReportCanvas::text_width(const std::string& text, float size) const {
    return display::line_width(text, *m_fonts->metrics, size, display::Weight::Regular);
}

int ReportCanvas::save_png(const std::string& path) {
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, m_width, m_height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surface)
        throw std::runtime_error(std::string("cannot allocate the image: ") + SDL_GetError());
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    int missing = 0;
    std::string error;
    {
        display::SdlPainter painter(renderer, *m_fonts->set, nullptr);
        missing = painter.paint(m_list).missing_glyphs;
        SDL_RenderPresent(renderer);
        if (IMG_SavePNG(surface, path.c_str()) != 0)
            error = "cannot write " + path + ": " + SDL_GetError();
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    if (!error.empty())
        throw std::runtime_error(error);
    return missing;
}

}  // namespace publish
