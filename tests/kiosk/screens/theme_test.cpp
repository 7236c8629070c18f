// 适老化 colour rules: contrast computed from the theme's colours.
#include <doctest/doctest.h>

#include "kiosk/screens/theme.h"

using namespace kiosk;

TEST_CASE("contrast ratios follow WCAG") {
    CHECK(contrast_ratio({0, 0, 0, 255}, {255, 255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({255, 255, 255, 255}, {255, 255, 255, 255}) == doctest::Approx(1.0));
    CHECK(contrast_ratio({118, 118, 118, 255}, {255, 255, 255, 255}) ==
          doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("every colour pair of the theme meets 7:1 for body text and 4.5:1 otherwise") {
    for (const ContrastPair& pair : contrast_pairs(Theme{})) {
        CAPTURE(pair.what);
        CHECK(contrast_ratio(pair.fg, pair.bg) >= pair.minimum);
    }
}

TEST_CASE("type sizes: body at least 32 px at 1080p, 48 px in large type, titles larger") {
    const Theme t;
    CHECK(t.body_px >= 32);
    CHECK(t.small_px >= 32);
    CHECK(t.body_px * type_factor(TypeSize::Large) >= 48);
    CHECK(t.title_px > t.body_px);
    // An em of 8.3 mm at 500 mm is about 1°; a 32 px em at 1080 lines on a 43-inch panel
    // (0.49 mm pixels) is 15.7 mm. Sizes scale with the short side of the display.
    CHECK(ui_scale({3840, 2160}) == doctest::Approx(2.0));
    CHECK(ui_scale({1080, 1920}) == doctest::Approx(1.0));
}

TEST_CASE("each early-warning level has its own band colour, yellow with dark text") {
    const Theme t;
    const AlertColours red = alert_colours(t, content::AlertLevel::Red);
    const AlertColours orange = alert_colours(t, content::AlertLevel::Orange);
    const AlertColours yellow = alert_colours(t, content::AlertLevel::Yellow);
    const AlertColours blue = alert_colours(t, content::AlertLevel::Blue);
    CHECK(red.band.r > red.band.g);
    CHECK(orange.band.r > orange.band.g);
    CHECK(orange.band.g > orange.band.b);
    CHECK(yellow.band.r > 200);
    CHECK(yellow.band.g > 150);
    CHECK(blue.band.b > blue.band.r);
    CHECK(yellow.text.r < 100);  // dark text on yellow
    CHECK(red.text.r == 255);
}
