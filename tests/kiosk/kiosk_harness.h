// Test harness: a kiosk App on the sample data with a virtual clock, driven by synthetic taps.
#pragma once

#include <doctest/doctest.h>

#include <memory>

#include "content/date_time.h"
#include "content/sha256.h"
#include "display/utf8.h"
#include "kiosk/app.h"
#include "tests/test_paths.h"

namespace kiosk_test {

inline const int64_t k_now_ms = *content::parse_beijing_time("2026-11-27 10:00") * 1000;

inline std::unique_ptr<fonts::FontSet> real_fonts() {
    std::string error;
    std::vector<std::string> warnings;
    auto set = fonts::FontSet::open(fonts::FontConfig{}, error, warnings);
    REQUIRE_MESSAGE(set, error);
    return set;
}

// Every text a screen draws, one command per line.
inline std::string all_text(const kiosk::Screen& screen) {
    std::u32string out;
    for (const auto& command : screen.draw.commands) {
        if (const auto* t = std::get_if<display::TextCommand>(&command)) {
            for (const auto& g : t->glyphs)
                out.push_back(g.cp);
            out.push_back(U'\n');
        }
    }
    return display::encode_utf8(out);
}

struct Harness {
    std::unique_ptr<kiosk::App> app;
    int64_t now = k_now_ms;

    Harness(const std::filesystem::path& data, display::Size size = {1920, 1080}) {
        kiosk::Options o;
        o.data_dir = data.string();
        o.size = size;
        o.now_ms = k_now_ms;
        content::BoardConfig c;
        c.board_name = "桂花里社区信息公开栏";
        c.pin_sha256 = content::sha256_hex("246810");
        c.hot_searches = {"低保", "医保", "停水", "加装电梯"};
        app = std::make_unique<kiosk::App>(o, c, real_fonts());
        app->tick(now);
    }
    void wait(int64_t ms) {
        for (int64_t end = now + ms; now < end;)
            app->tick(now += 100);
    }
    void key(kiosk::Key key) {
        app->key({key, 0}, now);
        wait(500);
    }
    // Taps the target labelled exactly `label`, else the first whose label contains it.
    bool tap(const std::string& label) {
        const auto& targets = app->screen().targets;
        auto it = std::find_if(targets.begin(), targets.end(),
                               [&](const auto& t) { return t.label == label; });
        if (it == targets.end()) {
            it = std::find_if(targets.begin(), targets.end(), [&](const auto& t) {
                return t.label.find(label) != std::string::npos;
            });
        }
        if (it == targets.end()) {
            return false;
        }
        const float x = it->rect.x + it->rect.w / 2, y = it->rect.y + it->rect.h / 2;
        app->pointer({kiosk::PointerPhase::Down, 1, x, y, now});
        app->pointer({kiosk::PointerPhase::Up, 1, x, y, now + 50});
        wait(500);
        return true;
    }
};

}  // namespace kiosk_test
