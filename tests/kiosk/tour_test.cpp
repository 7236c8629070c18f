// Every screen at every display size: the scripted tour runs through the kiosk binary with no
// missing glyph, and every screen's touch targets are large enough and apart.
#include <doctest/doctest.h>

#include <SDL.h>

#include <cstdlib>
#include <functional>

#include "content/date_time.h"
#include "content/sha256.h"
#include "display/sdl_painter.h"
#include "kiosk/app.h"
#include "kiosk/screens/theme.h"
#include "tests/kiosk/kiosk_harness.h"
#include "tests/sample_db.h"

using namespace kiosk;

namespace {

const display::Size k_sizes[] = {{1920, 1080}, {1366, 768}, {1080, 1920}, {3840, 2160}};
using kiosk_test::k_now_ms;

std::string size_name(display::Size s) {
    return std::to_string(s.w) + "x" + std::to_string(s.h);
}

using kiosk_test::real_fonts;

// Targets at least 60×60 px at 1080p (scaled) and at least 8 px (scaled) apart; a target that
// covers the whole screen (the idle warning, attract mode) holds the others and is skipped.
void check_targets(const Screen& screen, display::Size size) {
    const float s = ui_scale(size);
    std::vector<display::Rect> rects;
    std::vector<std::string> labels;
    for (const auto& t : screen.targets) {
        if (t.rect.w >= static_cast<float>(size.w) && t.rect.h >= static_cast<float>(size.h)) {
            continue;
        }
        CAPTURE(t.label);
        CHECK(t.rect.w >= 60 * s - 0.5f);
        CHECK(t.rect.h >= 60 * s - 0.5f);
        rects.push_back(t.rect);
        labels.push_back(t.label);
    }
    for (size_t i = 0; i < rects.size(); ++i) {
        for (size_t j = i + 1; j < rects.size(); ++j) {
            const auto& a = rects[i];
            const auto& b = rects[j];
            const float gap_x = std::max(b.x - a.right(), a.x - b.right());
            const float gap_y = std::max(b.y - a.bottom(), a.y - b.bottom());
            CAPTURE(screen.name);
            CAPTURE(labels[i]);
            CAPTURE(labels[j]);
            CHECK(std::max(gap_x, gap_y) >= 8 * s - 0.5f);
        }
    }
}

using kiosk_test::Harness;

}  // namespace

TEST_CASE("the scripted tour runs at every display size with no missing glyph") {
    const auto data = test_fixtures::sample_data_dir("tour-cli");
    for (const display::Size size : k_sizes) {
        CAPTURE(size_name(size));
        const auto out = data / size_name(size);
        std::filesystem::create_directories(out);
        const std::string command =
            "cd " + out.string() + " && " + (test_paths::bin_dir() / "kiosk").string() +
            " --config " + (test_paths::sample_dir() / "kiosk.toml").string() + " --data " +
            data.string() + " --now '2026-11-27 10:00' --size " + size_name(size) + " --script " +
            (test_paths::source_dir() / "kiosk" / "tour.script").string() + " 2> tour.log";
        CHECK(std::system(command.c_str()) == 0);
        CHECK(std::filesystem::exists(out / "14-touch-test.png"));
    }
}

TEST_CASE("every screen's targets are big enough and apart, at every size and type size") {
    const auto data = test_fixtures::sample_data_dir("tour-targets");
    for (const display::Size size : k_sizes) {
        CAPTURE(size_name(size));
        Harness h(data, size);
        const std::function<void()> visit = [&] { check_targets(h.app->screen(), size); };
        visit();  // home
        REQUIRE(h.tap("财务"));
        visit();  // category
        REQUIRE(h.tap("第三季度"));
        CHECK(h.app->screen().name == "notice");
        visit();
        REQUIRE(h.tap("大字模式"));
        visit();  // notice in large type
        REQUIRE(h.tap("首页"));
        visit();  // home in large type
        REQUIRE(h.tap("查找内容"));
        visit();  // search with hot searches
        REQUIRE(h.tap("停水"));
        visit();  // search with results
        REQUIRE(h.tap("首页"));
        h.wait(72'000);
        CHECK(h.app->nav().idle_warning);
        visit();
        h.wait(320'000);
        CHECK(h.app->screen().name == "attract");
        visit();
    }
}

TEST_CASE("every sample notice renders every page without a missing glyph") {
    const auto data = test_fixtures::sample_data_dir("tour-notices");
    Harness h(data, {1920, 1080});
    auto fonts = real_fonts();
    content::Store store =
        content::Store::open((data / "content.db").string(), content::OpenMode::ReadOnly);
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    int notices = 0, pages = 0;
    {
        display::SdlPainter painter(renderer, *fonts, nullptr);
        for (const auto& info : content::k_categories) {
            for (const auto& n :
                 store.notices_in_category(info.category, k_now_ms / 1000, 0, 100).items) {
                CAPTURE(n.id);
                h.key(Key::Home);
                REQUIRE(h.tap(std::string(info.name)));
                // Open the notice through its card, page by page of the category if needed.
                bool opened = false;
                for (int i = 0; i < 5 && !opened; ++i) {
                    opened = h.tap(n.title);
                    if (!opened) {
                        h.key(Key::Right);
                    }
                }
                REQUIRE(opened);
                REQUIRE(h.app->screen().name == "notice");
                ++notices;
                for (int page = 0; page < h.app->screen().page_count; ++page) {
                    const display::PaintStats stats = painter.paint(h.app->screen().draw);
                    CHECK(stats.missing_glyphs == 0);
                    ++pages;
                    h.key(Key::Right);
                }
            }
        }
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    CHECK(notices >= 35);
    CHECK(pages > notices);
}
