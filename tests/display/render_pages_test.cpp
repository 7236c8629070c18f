// Rendered notice pages: golden images compared with a tolerance, no missing glyphs, atlas
// eviction drawing the same pixels, and the same pixels in a window as on a surface.
//
// Goldens live in tests/display/golden/ (800×600 PNG). After an intended change of the look,
// regenerate them with
//     KIOSK_UPDATE_GOLDEN=1 build/bin/test_display -tc='render: golden*'
// then look at every changed PNG before committing it: the goldens are what a reader saw.
#include <doctest/doctest.h>

#include <SDL.h>
#include <SDL_image.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "display/document_layout.h"
#include "display/pagination.h"
#include "display/sdl_painter.h"
#include "tests/display/real_fonts.h"
#include "tests/display/sample_notices.h"
#include "tests/display/software_canvas.h"

namespace {

constexpr int k_width = 800;
constexpr int k_height = 600;
constexpr float k_margin = 40;
constexpr float k_body = 24;

const test_display::SampleNotice& notice(const std::string& id) {
    static const auto notices = test_display::sample_notices();
    for (const auto& n : notices) {
        if (n.id == id) {
            return n;
        }
    }
    FAIL("no sample notice ", id);
    return notices.front();
}

// Page `page` of a notice's body set in 800×600 with 40 px margins at 24 px.
display::DrawList notice_page(const std::string& id, size_t page) {
    const auto style = display::notice_style(k_body);
    const auto doc = display::layout_document(notice(id).blocks, test_display::real_metrics(),
                                              style, k_width - 2 * k_margin);
    const auto pages = display::paginate(doc, k_height - 2 * k_margin);
    REQUIRE(page < pages.size());
    display::DrawList list;
    display::draw_page(pages[page], k_margin, k_margin, list);
    return list;
}

std::filesystem::path golden_path(const std::string& name) {
    return test_paths::source_dir() / "tests" / "display" / "golden" / (name + ".png");
}

void check_golden(const std::string& name, const display::DrawList& list) {
    test_display::SoftwareCanvas canvas(k_width, k_height);
    REQUIRE(canvas.ok());
    display::SdlPainter painter(canvas.renderer(), test_display::real_fonts(), nullptr);
    const display::PaintStats stats = painter.paint(list);
    SDL_RenderPresent(canvas.renderer());
    CHECK(stats.missing_glyphs == 0);
    const auto scratch = test_paths::scratch_dir("golden-" + name);
    canvas.save_png(scratch / (name + ".png"));  // to look at when the comparison fails
    const auto golden = golden_path(name);
    if (std::getenv("KIOSK_UPDATE_GOLDEN")) {
        std::filesystem::create_directories(golden.parent_path());
        REQUIRE(canvas.save_png(golden));
        MESSAGE("updated ", golden.string());
        return;
    }
    std::unique_ptr<SDL_Surface, decltype(&SDL_FreeSurface)> loaded(
        IMG_Load(golden.string().c_str()), SDL_FreeSurface);
    REQUIRE_MESSAGE(loaded, "missing golden ", golden.string(),
                    " (KIOSK_UPDATE_GOLDEN=1 makes it)");
    std::unique_ptr<SDL_Surface, decltype(&SDL_FreeSurface)> expected(
        SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0), SDL_FreeSurface);
    // Tolerance: FreeType versions differ in antialiasing by a few levels; a line moved by a
    // pixel or a changed glyph differs in far more than 0.5% of the page.
    const int differing = test_display::differing_pixels(canvas.surface(), expected.get(), 48);
    INFO("compare ", (scratch / (name + ".png")).string(), " with ", golden.string());
    CHECK(differing < k_width * k_height / 200);
}

}  // namespace

TEST_CASE("render: golden annual report, first page (heading, indented justified paragraphs)") {
    check_golden("annual-report-1", notice_page("government-2026-annual-report", 0));
}

TEST_CASE("render: golden annual report, table page") {
    check_golden("annual-report-2", notice_page("government-2026-annual-report", 1));
}

TEST_CASE("render: golden anti-fraud notice (numbered list, bold runs)") {
    check_golden("anti-fraud-1", notice_page("affairs-2026-anti-fraud", 0));
}

TEST_CASE("render: golden elevator notice (image placeholder, table)") {
    check_golden("elevator-1", notice_page("government-2026-guiyuan-5-elevator", 0));
}
