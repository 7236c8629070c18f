// The navigation state machine driven by synthetic gestures, keys, ticks and content changes.
#include <doctest/doctest.h>

#include "content/sha256.h"
#include "kiosk/navigation.h"

using namespace kiosk;

namespace {

// A screen with named targets, enough for the navigator to hit-test.
Screen screen_with(std::initializer_list<std::pair<Action, display::Rect>> targets, int page = 0,
                   int pages = 1) {
    Screen s;
    for (const auto& [action, rect] : targets) {
        s.targets.push_back({rect, action, action.target});
    }
    s.page = page;
    s.page_count = pages;
    return s;
}

Gesture tap(float x, float y) {
    return {GestureKind::Tap, x, y};
}

const Screen k_home = screen_with({{{ActionKind::OpenCategory, "finance"}, {0, 0, 100, 100}},
                                   {{ActionKind::OpenNotice, "pin-1"}, {100, 0, 100, 100}},
                                   {{ActionKind::ToggleLargeType, ""}, {200, 0, 100, 100}}});
const Screen k_category = screen_with({{{ActionKind::OpenNotice, "n-1"}, {0, 0, 100, 100}},
                                       {{ActionKind::Back, ""}, {0, 200, 100, 100}},
                                       {{ActionKind::PageNext, ""}, {200, 200, 100, 100}}},
                                      0, 3);

NavConfig config() {
    NavConfig c;
    c.pin_sha256 = content::sha256_hex("246810");
    return c;
}

bool check(const std::string& digits, const std::string& sha) {
    return content::sha256_hex(digits) == sha;
}

}  // namespace

TEST_CASE("home, category, notice and back again keep the reader's place") {
    Navigator nav(config(), 0);
    CHECK(nav.on_gesture(tap(50, 50), k_home, 1000));
    CHECK(nav.state().screen == ScreenId::Category);
    CHECK(nav.state().category == "finance");
    nav.on_gesture(tap(250, 250), k_category, 2000);
    CHECK(nav.state().category_page == 1);
    const Screen category_page2 =
        screen_with({{{ActionKind::OpenNotice, "n-9"}, {0, 0, 100, 100}}}, 1, 3);
    nav.on_gesture(tap(50, 50), category_page2, 3000);
    CHECK(nav.state().screen == ScreenId::Notice);
    CHECK(nav.state().notice_id == "n-9");
    nav.on_key({Key::Back, 0}, Screen{}, 4000);
    CHECK(nav.state().screen == ScreenId::Category);
    CHECK(nav.state().category_page == 1);
    nav.on_key({Key::Back, 0}, Screen{}, 5000);
    CHECK(nav.state().screen == ScreenId::Home);
}

TEST_CASE("a notice opened from home goes back home") {
    Navigator nav(config(), 0);
    nav.on_gesture(tap(150, 50), k_home, 1000);
    CHECK(nav.state().screen == ScreenId::Notice);
    nav.on_key({Key::Back, 0}, Screen{}, 2000);
    CHECK(nav.state().screen == ScreenId::Home);
}

TEST_CASE("swipes turn pages within bounds") {
    Navigator nav(config(), 0);
    nav.on_gesture(tap(50, 50), k_home, 1000);
    Screen last = k_category;
    last.page = 2;
    Gesture left{GestureKind::Swipe, 500, 500, SwipeDirection::Left, 2000};
    CHECK(nav.on_gesture(left, k_category, 2000));
    CHECK(nav.state().category_page == 1);
    CHECK_FALSE(nav.on_gesture(left, last, 3000));  // already on the last page
    Gesture right{GestureKind::Swipe, 500, 500, SwipeDirection::Right, 2000};
    nav.on_gesture(right, last, 4000);
    CHECK(nav.state().category_page == 1);
}

TEST_CASE("a flood of taps does not fall through to the next screen") {
    Navigator nav(config(), 0);
    nav.on_gesture(tap(50, 50), k_home, 1000);
    REQUIRE(nav.state().screen == ScreenId::Category);
    // The second tap of a double tap lands on the category's first card: ignored.
    nav.on_gesture(tap(50, 50), k_category, 1100);
    CHECK(nav.state().screen == ScreenId::Category);
    nav.on_gesture(tap(50, 50), k_category, 1600);
    CHECK(nav.state().screen == ScreenId::Notice);
}

TEST_CASE("a press shows on the target under the finger and clears on release") {
    Navigator nav(config(), 0);
    CHECK(nav.on_gesture({GestureKind::Press, 50, 50}, k_home, 100));
    REQUIRE(nav.state().pressed);
    CHECK(nav.state().pressed->x == 0);
    nav.on_gesture({GestureKind::Release, 50, 50}, k_home, 200);
    CHECK_FALSE(nav.state().pressed);
}

TEST_CASE("idle: a warning first, for at least 20 seconds, then home in standard type") {
    Navigator nav(config(), 0);
    nav.on_gesture(tap(50, 50), k_home, 0);
    nav.on_gesture(tap(250, 50), k_home, 0);  // ignored by the tap guard
    nav.on_key({Key::LargeType, 0}, k_category, 1000);
    CHECK(nav.state().large_type);
    CHECK_FALSE(nav.on_tick(60'000));
    CHECK(nav.on_tick(71'000));
    CHECK(nav.state().idle_warning);
    CHECK(nav.state().screen == ScreenId::Category);
    // Staying: a tap anywhere clears the warning and acts on nothing.
    nav.on_gesture(tap(50, 50), k_category, 75'000);
    CHECK_FALSE(nav.state().idle_warning);
    CHECK(nav.state().screen == ScreenId::Category);
    // Not staying.
    nav.on_tick(75'000 + 70'000);
    CHECK(nav.state().idle_warning);
    nav.on_tick(75'000 + 90'000);
    CHECK(nav.state().screen == ScreenId::Home);
    CHECK_FALSE(nav.state().large_type);
    CHECK_FALSE(nav.state().idle_warning);
}

TEST_CASE("attract mode cycles, and the first touch leaves it without acting") {
    Navigator nav(config(), 0);
    CHECK(nav.on_tick(300'000));
    CHECK(nav.state().screen == ScreenId::Attract);
    nav.on_tick(300'000 + 12'000);
    CHECK(nav.state().attract_index == 1);
    Screen attract = screen_with({{{ActionKind::OpenNotice, "x"}, {0, 0, 2000, 2000}}});
    nav.on_gesture({GestureKind::Press, 50, 50}, attract, 400'000);
    CHECK(nav.state().screen == ScreenId::Home);
    nav.on_gesture({GestureKind::Release, 50, 50}, k_home, 400'050);
    nav.on_gesture(tap(50, 50), k_home, 400'060);
    CHECK(nav.state().screen == ScreenId::Home);  // the tap under the first touch did nothing
}

TEST_CASE("the technician menu needs a 5-second hold in the corner and the PIN") {
    Navigator nav(config(), 0);
    nav.set_pin_checker(&check);
    CHECK_FALSE(
        nav.on_gesture({GestureKind::Hold, 20, 20, SwipeDirection::Left, 0, 3000}, k_home, 3000));
    CHECK_FALSE(
        nav.on_gesture({GestureKind::Hold, 900, 20, SwipeDirection::Left, 0, 6000}, k_home, 6000));
    CHECK(nav.state().screen == ScreenId::Home);
    nav.on_gesture({GestureKind::Hold, 20, 20, SwipeDirection::Left, 0, 5000}, k_home, 8000);
    REQUIRE(nav.state().screen == ScreenId::PinPad);
    for (int d : {1, 2, 3, 4, 5, 6}) {
        nav.on_key({Key::Digit, d}, Screen{}, 9000);
    }
    CHECK(nav.state().screen == ScreenId::PinPad);
    CHECK(nav.state().message == "密码不正确");
    for (int d : {2, 4, 6, 8, 1, 0}) {
        nav.on_key({Key::Digit, d}, Screen{}, 10000);
    }
    CHECK(nav.state().screen == ScreenId::Technician);
}

TEST_CASE("three wrong PINs lock the pad and go home") {
    Navigator nav(config(), 0);
    nav.set_pin_checker(&check);
    nav.on_gesture({GestureKind::Hold, 20, 20, SwipeDirection::Left, 0, 5000}, k_home, 5000);
    for (int attempt = 0; attempt < 3; ++attempt) {
        for (int i = 0; i < 6; ++i) {
            nav.on_key({Key::Digit, 9}, Screen{}, 6000);
        }
    }
    CHECK(nav.state().screen == ScreenId::Home);
}

TEST_CASE("without a configured PIN the menu cannot be opened") {
    Navigator nav(NavConfig{}, 0);
    nav.on_gesture({GestureKind::Hold, 20, 20, SwipeDirection::Left, 0, 9000}, k_home, 9000);
    CHECK(nav.state().screen == ScreenId::Home);
}

TEST_CASE("a new emergency comes up at once; a withdrawn notice goes back calmly") {
    Navigator nav(config(), 0);
    nav.on_content({{"old-sos"}, {"old-sos", "n-1"}}, 0);
    CHECK(nav.state().screen == ScreenId::Home);  // known at start: shown in the home band only
    nav.on_gesture(tap(50, 50), k_home, 1000);
    nav.on_gesture(tap(50, 50), k_category, 2000);
    REQUIRE(nav.state().screen == ScreenId::Notice);
    nav.on_content({{"old-sos"}, {"old-sos"}}, 3000);
    CHECK(nav.state().screen == ScreenId::Category);
    CHECK(nav.state().message == "您查看的内容已更新或撤下");
    nav.on_content({{"old-sos", "new-sos"}, {"old-sos", "new-sos"}}, 4000);
    CHECK(nav.state().screen == ScreenId::Notice);
    CHECK(nav.state().notice_id == "new-sos");
}

TEST_CASE("outside the screen-on hours the screen goes dark when idle and a touch lights it") {
    NavConfig c = config();
    c.on_start_minute = 6 * 60 + 30;  // 06:30
    c.on_end_minute = 22 * 60;        // 22:00
    // 2026-11-27 21:58 Beijing time is 13:58 UTC.
    const int64_t t0 = 1795787880000;  // 2026-11-27 21:58:00 +08:00
    Navigator nav(c, t0);
    CHECK_FALSE(nav.on_tick(t0 + 60'000));
    CHECK(nav.state().screen == ScreenId::Home);
    nav.on_tick(t0 + 2 * 60'000 + 90'000);  // 22:01:30, idle for 3.5 minutes
    CHECK(nav.state().screen == ScreenId::Off);
    nav.on_gesture({GestureKind::Press, 10, 10}, Screen{}, t0 + 10 * 60'000);
    CHECK(nav.state().screen == ScreenId::Home);
    nav.on_tick(t0 + 10 * 60'000 + 91'000);
    CHECK(nav.state().screen == ScreenId::Off);
    nav.on_tick(t0 + 8 * 3600'000 + 40 * 60'000);  // 06:38 the next morning
    CHECK(nav.state().screen == ScreenId::Home);
}

TEST_CASE("quiet hours darken an idle screen like off-hours, and it lights again after them") {
    NavConfig c = config();
    c.quiet_hours = {{22 * 60, 22 * 60 + 30}};  // 22:00-22:30
    const int64_t t0 = 1795787880000;           // 2026-11-27 21:58:00 +08:00
    Navigator nav(c, t0);
    nav.on_tick(t0 + 60'000);  // 21:59, still before the quiet period
    CHECK(nav.state().screen == ScreenId::Home);
    nav.on_tick(t0 + 2 * 60'000 + 90'000);  // 22:01:30, idle
    CHECK(nav.state().screen == ScreenId::Off);
    nav.on_tick(t0 + 33 * 60'000);  // 22:31
    CHECK(nav.state().screen == ScreenId::Home);
}
