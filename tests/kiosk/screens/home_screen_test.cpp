// The home screen from the sample community: the model, the draw list, and a headless render with
// the real fonts in which the six category names are drawn without any missing glyph.
#include <doctest/doctest.h>

#include <SDL.h>
#include <SDL_image.h>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include "content/date_time.h"
#include "display/sdl_painter.h"
#include "display/utf8.h"
#include "kiosk/content_reader.h"
#include "kiosk/screens/home_screen.h"
#include "tests/sample_db.h"

using namespace kiosk;

namespace {

const int64_t k_now = *content::parse_beijing_time("2026-11-27 10:00");

std::unique_ptr<fonts::FontSet> real_fonts() {
    std::string error;
    std::vector<std::string> warnings;
    auto set = fonts::FontSet::open(fonts::FontConfig{}, error, warnings);
    REQUIRE_MESSAGE(set, error);
    return set;
}

// Every text the screen draws, as UTF-8.
std::vector<std::string> texts(const Screen& screen) {
    std::vector<std::string> out;
    for (const auto& command : screen.draw.commands) {
        if (const auto* t = std::get_if<display::TextCommand>(&command)) {
            std::u32string s;
            for (const auto& g : t->glyphs) {
                s.push_back(g.cp);
            }
            out.push_back(display::encode_utf8(s));
        }
    }
    return out;
}

bool contains(const std::vector<std::string>& all, const std::string& needle) {
    return std::find(all.begin(), all.end(), needle) != all.end();
}

}  // namespace

TEST_CASE("the home model counts live sample notices per category at a fixed time") {
    ContentReader reader(test_fixtures::sample_data_dir("home-model").string());
    const HomeModel model = reader.home("桂花里社区信息公开栏", k_now);
    REQUIRE(model.counts.size() == 6);
    int total = 0;
    for (const auto& c : model.counts) {
        CHECK(c.live >= 5);
        total += c.live;
    }
    // 40 sample notices, one expired, one not yet started.
    const content::SourceTree tree = content::load_source_tree(test_paths::sample_dir());
    int live = 0;
    for (const auto& n : tree.notices) {
        live += content::is_live(n, k_now);
    }
    CHECK(total == live);
    CHECK(live < static_cast<int>(tree.notices.size()));
    REQUIRE_FALSE(model.highlighted.empty());
    CHECK(model.highlighted.front().priority == content::Priority::Emergency);
    CHECK(model.last_updated);
}

TEST_CASE("the home screen shows the board, the date, six tiles with counts and targets") {
    ContentReader reader(test_fixtures::sample_data_dir("home-draw").string());
    auto fonts = real_fonts();
    const display::FontSetMetrics metrics(*fonts);
    const Screen screen = build_home(reader.home("桂花里社区信息公开栏", k_now), NavState{},
                                     Theme{}, metrics, {1920, 1080});
    const auto all = texts(screen);
    CHECK(contains(all, "桂花里社区信息公开栏"));
    CHECK(contains(all, "2026年11月27日 星期五"));
    CHECK(contains(all, "10:00"));
    int tiles = 0;
    for (const auto& info : content::k_categories) {
        CAPTURE(info.name);
        CHECK(contains(all, std::string(info.name)));
        for (const auto& t : screen.targets) {
            tiles += t.action.kind == ActionKind::OpenCategory && t.action.target == info.key;
        }
    }
    CHECK(tiles == 6);
}

TEST_CASE("without a database the home screen stays calm and says content is updating") {
    ContentReader reader((test_paths::scratch_dir("home-nodb") / "missing").string());
    auto fonts = real_fonts();
    const display::FontSetMetrics metrics(*fonts);
    const Screen screen =
        build_home(reader.home("桂花里社区", k_now), NavState{}, Theme{}, metrics, {1920, 1080});
    CHECK(contains(texts(screen), "内容更新中"));
}

TEST_CASE("a headless render of the home screen draws every category name from a real font") {
    ContentReader reader(test_fixtures::sample_data_dir("home-render").string());
    auto fonts = real_fonts();
    const display::FontSetMetrics metrics(*fonts);
    const display::Size size{1920, 1080};
    const Screen screen =
        build_home(reader.home("桂花里社区信息公开栏", k_now), NavState{}, Theme{}, metrics, size);

    // Every glyph of the six names comes from Noto Sans CJK SC (faces 0 and 1: regular, bold).
    for (const auto& info : content::k_categories) {
        for (char32_t cp : display::decode_utf8(info.name)) {
            const auto src = fonts->resolve(cp, fonts::Weight::Bold);
            CHECK_FALSE(src.missing());
            CHECK(fonts->face_path(src.face).find("NotoSansCJK") != std::string::npos);
        }
    }

    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, size.w, size.h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    REQUIRE(renderer);
    display::PaintStats stats;
    {
        display::SdlPainter painter(renderer, *fonts, &reader);
        stats = painter.paint(screen.draw);
        SDL_RenderPresent(renderer);
    }
    CHECK(stats.missing_glyphs == 0);
    CHECK(stats.glyphs > 60);

    // Inside each tile, the name's band has dark text pixels on the white tile.
    int tiles_with_ink = 0;
    for (const auto& t : screen.targets) {
        if (t.action.kind != ActionKind::OpenCategory) {
            continue;
        }
        int dark = 0;
        const auto* pixels = static_cast<const uint32_t*>(surface->pixels);
        for (int y = static_cast<int>(t.rect.y + t.rect.h * 0.2f); y < t.rect.y + t.rect.h * 0.55f;
             ++y) {
            for (int x = static_cast<int>(t.rect.x); x < t.rect.right(); ++x) {
                const uint32_t p = pixels[y * surface->pitch / 4 + x];
                const int luminance = ((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF);
                dark += luminance < 3 * 80;
            }
        }
        tiles_with_ink += dark > 500;
    }
    CHECK(tiles_with_ink == 6);
    if (const char* out = std::getenv("KIOSK_TEST_SCREENSHOT")) {
        IMG_SavePNG(surface, out);
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
}

TEST_CASE("kiosk --screenshot writes a PNG of the first frame and exits 0") {
    const auto data = test_fixtures::sample_data_dir("home-cli");
    const auto png = data / "home.png";
    const std::string command = (test_paths::bin_dir() / "kiosk").string() + " --config " +
                                (test_paths::sample_dir() / "kiosk.toml").string() + " --data " +
                                data.string() + " --size 1366x768 --screenshot " + png.string() +
                                " 2>" + (data / "stderr.txt").string();
    CHECK(std::system(command.c_str()) == 0);
    SDL_Surface* image = IMG_Load(png.string().c_str());
    REQUIRE(image);
    CHECK(image->w == 1366);
    CHECK(image->h == 768);
    SDL_FreeSurface(image);
}

TEST_CASE("kiosk --check-config refuses a configuration whose main font is missing") {
    const auto dir = test_paths::scratch_dir("check-config-fonts");
    const std::string kiosk = (test_paths::bin_dir() / "kiosk").string();
    {
        std::ofstream(dir / "good.toml") << "[board]\nid = \"hall\"\n";
        std::ofstream(dir / "bad.toml")
            << "[board]\nid = \"hall\"\n[fonts]\nregular = \"/nonexistent/NotoSansCJK.ttc\"\n";
    }
    CHECK(std::system((kiosk + " --check-config --config " + (dir / "good.toml").string() +
                       " >/dev/null 2>&1")
                          .c_str()) == 0);
    const std::string err = (dir / "err.txt").string();
    const int status = std::system(
        (kiosk + " --check-config --config " + (dir / "bad.toml").string() + " >/dev/null 2>" + err)
            .c_str());
    CHECK(WEXITSTATUS(status) == 1);
    std::ifstream in(err);
    const std::string said((std::istreambuf_iterator<char>(in)), {});
    CHECK(said.find("/nonexistent/NotoSansCJK.ttc") != std::string::npos);
}
