// The glyph atlas and painter: eviction draws the same pixels as a roomy atlas, a warm page
// rasterises nothing, and a window (SDL's dummy video driver) shows the same pixels as a
// surface. A window on a real X server (Xvfb) is compared with the headless frame by
// tests/kiosk/window_test.cpp, through the whole kiosk.
#include <doctest/doctest.h>

#include <SDL.h>

#include <vector>

#include "display/document_layout.h"
#include "display/pagination.h"
#include "display/sdl_painter.h"
#include "tests/display/real_fonts.h"
#include "tests/display/sample_notices.h"
#include "tests/display/software_canvas.h"

namespace {

constexpr int k_width = 800;
constexpr int k_height = 600;

// 600 distinct Han characters at 40 px in a grid: far more than a small atlas holds.
display::DrawList many_glyphs() {
    display::DrawList list;
    display::TextCommand text;
    text.size = 40;
    text.color = {20, 20, 20, 255};
    for (int i = 0; i < 600; ++i) {
        const float x = static_cast<float>(i % 20) * 40, y = 36 + static_cast<float>(i / 20) * 20;
        text.glyphs.push_back({static_cast<char32_t>(0x4E00 + 7 * i), x, y});
    }
    list.text(std::move(text));
    return list;
}

// The first page of the longest sample notice at 24 px.
display::DrawList report_page() {
    for (const auto& notice : test_display::sample_notices()) {
        if (notice.id == "government-2026-annual-report") {
            const auto doc = display::layout_document(notice.blocks, test_display::real_metrics(),
                                                      display::notice_style(24), 720);
            const auto pages = display::paginate(doc, 520);
            display::DrawList list;
            display::draw_page(pages.at(0), 40, 40, list);
            return list;
        }
    }
    FAIL("the annual report is missing from the sample");
    return {};
}

}  // namespace

TEST_CASE("atlas: evicting pages mid-frame draws exactly what a roomy atlas draws") {
    const display::DrawList list = many_glyphs();
    test_display::SoftwareCanvas roomy(k_width, k_height), small(k_width, k_height);
    REQUIRE(roomy.ok());
    REQUIRE(small.ok());
    display::SdlPainter roomy_painter(roomy.renderer(), test_display::real_fonts(), nullptr);
    // Two 256² pages hold about 50 glyphs of 40 px: 600 glyphs evict pages many times within
    // one paint, so the painter must flush quads before a page they use is overwritten.
    display::SdlPainter small_painter(small.renderer(), test_display::real_fonts(), nullptr,
                                      {256, 2});
    roomy_painter.paint(list);
    small_painter.paint(list);
    SDL_RenderPresent(roomy.renderer());
    SDL_RenderPresent(small.renderer());
    const auto stats = small_painter.atlas().stats();
    CHECK(stats.evictions > 5);
    CHECK(stats.pages <= 2);
    CHECK(stats.texture_bytes == 2u * 256 * 256 * 4);
    CHECK(roomy_painter.atlas().stats().evictions == 0);
    CHECK(test_display::differing_pixels(roomy.surface(), small.surface(), 0) == 0);
    // And again, from whatever the small atlas holds now.
    small_painter.paint(list);
    SDL_RenderPresent(small.renderer());
    CHECK(test_display::differing_pixels(roomy.surface(), small.surface(), 0) == 0);
}

TEST_CASE("atlas: a page drawn again from a warm atlas rasterises nothing") {
    test_display::SoftwareCanvas canvas(k_width, k_height);
    REQUIRE(canvas.ok());
    display::SdlPainter painter(canvas.renderer(), test_display::real_fonts(), nullptr);
    const display::DrawList page = report_page();
    const auto first = painter.paint(page);
    const int64_t cold = painter.atlas().stats().rasterised;
    CHECK(cold > 50);  // distinct glyphs of the page
    CHECK(first.missing_glyphs == 0);
    painter.paint(page);
    CHECK(painter.atlas().stats().rasterised == cold);
}

TEST_CASE("render: a window (dummy video driver) shows the same pixels as a surface") {
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    REQUIRE(SDL_InitSubSystem(SDL_INIT_VIDEO) == 0);
    SDL_Window* window = SDL_CreateWindow("test", 0, 0, k_width, k_height, SDL_WINDOW_HIDDEN);
    REQUIRE(window);
    // The kiosk's window path: the software renderer on the window's surface.
    SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    REQUIRE(renderer);
    const display::DrawList page = report_page();
    std::vector<uint32_t> shown(static_cast<size_t>(k_width * k_height));
    {
        display::SdlPainter painter(renderer, test_display::real_fonts(), nullptr);
        painter.paint(page);
        REQUIRE(SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, shown.data(),
                                     k_width * 4) == 0);
    }
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);

    test_display::SoftwareCanvas canvas(k_width, k_height);
    display::SdlPainter painter(canvas.renderer(), test_display::real_fonts(), nullptr);
    painter.paint(page);
    SDL_RenderPresent(canvas.renderer());
    int differing = 0;
    for (int y = 0; y < k_height; ++y) {
        for (int x = 0; x < k_width; ++x) {
            const uint32_t a = shown[static_cast<size_t>(y * k_width + x)] & 0xFFFFFF;
            differing += a != (canvas.pixel(x, y) & 0xFFFFFF);
        }
    }
    CHECK(differing == 0);
}
