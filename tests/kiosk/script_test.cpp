// The scripted-session format: every step parses, and mistakes name the line.
#include <doctest/doctest.h>

#include "kiosk/input/rotation.h"
#include "kiosk/script.h"

using namespace kiosk;

TEST_CASE("every step kind parses") {
    const ParsedScript s = parse_script("t.script",
                                        "# a tour\n"
                                        "size 1080x1920\n"
                                        "tap 10 20\n"
                                        "tap-target 财务\n"
                                        "long-press 5 5 5200\n"
                                        "swipe 900 500 100 500 300\n"
                                        "key back\n"
                                        "key 7\n"
                                        "wait 91000\n"
                                        "screenshot out/a b.png\n"
                                        "expect-screen home\n"
                                        "expect-text 第 1 / 3 页\n"
                                        "expect-no-missing-glyphs\n");
    REQUIRE(s.errors.empty());
    REQUIRE(s.steps.size() == 12);
    CHECK(s.steps[0].size == display::Size{1080, 1920});
    CHECK(s.steps[2].text == "财务");
    CHECK(s.steps[3].ms == 5200);
    CHECK(s.steps[4].ms == 300);
    CHECK(s.steps[6].key.digit == 7);
    CHECK(s.steps[8].text == "out/a b.png");
    CHECK(s.steps[10].text == "第 1 / 3 页");
    CHECK(s.steps[10].line == 12);
}

TEST_CASE("mistakes are reported with file and line") {
    const ParsedScript s = parse_script("t.script", "tap 10\nkey jump\nfly\nsize big\n");
    REQUIRE(s.errors.size() == 4);
    CHECK(s.errors[0] == "t.script:1: tap needs X Y");
    CHECK(s.errors[1].find("t.script:2: unknown key 'jump'") == 0);
    CHECK(s.errors[2] == "t.script:3: unknown step 'fly'");
}

TEST_CASE("touches on a rotated panel map to upright coordinates") {
    struct Row {
        int rotation;
        float px, py, lx, ly;
    };
    const display::Size panel{1920, 1080};
    for (const Row& r :
         {Row{0, 100, 50, 100, 50}, Row{90, 1919, 0, 0, 0}, Row{90, 0, 1079, 1079, 1919},
          Row{180, 0, 0, 1919, 1079}, Row{270, 0, 1079, 0, 0}}) {
        CAPTURE(r.rotation);
        float x = 0, y = 0;
        to_logical(r.px, r.py, panel, r.rotation, x, y);
        CHECK(x == r.lx);
        CHECK(y == r.ly);
    }
    CHECK(logical_size(panel, 90) == display::Size{1080, 1920});
    CHECK(logical_size(panel, 180) == panel);
}
