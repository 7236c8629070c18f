// Gestures from synthetic pointer samples, including the accidents residents make.
#include <doctest/doctest.h>

#include "kiosk/input/gesture_recognizer.h"

using namespace kiosk;

namespace {

std::vector<GestureKind> kinds(const std::vector<Gesture>& gestures) {
    std::vector<GestureKind> out;
    for (const auto& g : gestures) {
        out.push_back(g.kind);
    }
    return out;
}

std::vector<Gesture> feed(GestureRecognizer& r, std::initializer_list<PointerEvent> events) {
    std::vector<Gesture> out;
    for (const auto& e : events) {
        for (const auto& g : r.on_pointer(e)) {
            out.push_back(g);
        }
    }
    return out;
}

using P = PointerPhase;

}  // namespace

TEST_CASE("a quick touch and release in place is a press then a tap") {
    GestureRecognizer r;
    const auto g =
        feed(r, {{P::Down, 1, 100, 100, 0}, {P::Move, 1, 105, 102, 40}, {P::Up, 1, 106, 103, 90}});
    CHECK(kinds(g) == std::vector{GestureKind::Press, GestureKind::Release, GestureKind::Tap});
    CHECK(g.back().x == 106);
}

TEST_CASE("a drag that ends off the button is never a tap") {
    GestureRecognizer r;
    const auto g = feed(
        r, {{P::Down, 1, 100, 100, 0}, {P::Move, 1, 160, 100, 300}, {P::Up, 1, 170, 100, 1500}});
    CHECK(kinds(g) == std::vector{GestureKind::Press, GestureKind::Release});
}

TEST_CASE("swipes report direction and speed") {
    struct Row {
        const char* why;
        float x2, y2;
        SwipeDirection direction;
    };
    for (const Row& row :
         {Row{"next page", -300, 10, SwipeDirection::Left},
          Row{"previous page", 300, -20, SwipeDirection::Right},
          Row{"up", 5, -250, SwipeDirection::Up}, Row{"down", -10, 260, SwipeDirection::Down}}) {
        CAPTURE(row.why);
        GestureRecognizer r;
        const auto g = feed(r, {{P::Down, 1, 500, 500, 0},
                                {P::Move, 1, 500 + row.x2 / 2, 500 + row.y2 / 2, 100},
                                {P::Up, 1, 500 + row.x2, 500 + row.y2, 200}});
        REQUIRE_FALSE(g.empty());
        CHECK(g.back().kind == GestureKind::Swipe);
        CHECK(g.back().direction == row.direction);
        CHECK(g.back().speed > 1000);
    }
}

TEST_CASE("a slow drag is not a swipe") {
    GestureRecognizer r;
    const auto g = feed(
        r, {{P::Down, 1, 500, 500, 0}, {P::Move, 1, 300, 500, 1000}, {P::Up, 1, 100, 500, 2500}});
    CHECK(kinds(g) == std::vector{GestureKind::Press, GestureKind::Release});
}

TEST_CASE("a second finger, a palm or ten fingers cancel the gesture until all are lifted") {
    GestureRecognizer r;
    std::vector<PointerEvent> events{{P::Down, 1, 100, 100, 0}};
    for (int f = 2; f <= 10; ++f) {
        events.push_back({P::Down, f, 100.0f + f * 30, 300, 10});
    }
    for (int f = 10; f >= 1; --f) {
        events.push_back({P::Up, f, 100.0f + f * 30, 300, 60});
    }
    std::vector<Gesture> g;
    for (const auto& e : events) {
        for (const auto& x : r.on_pointer(e)) {
            g.push_back(x);
        }
    }
    CHECK(kinds(g) == std::vector{GestureKind::Press, GestureKind::Release});
    CHECK_FALSE(r.finger_down());
    // The next single touch works normally.
    const auto next = feed(r, {{P::Down, 1, 10, 10, 100}, {P::Up, 1, 10, 10, 150}});
    CHECK(next.back().kind == GestureKind::Tap);
}

TEST_CASE("holding still reports a hold with its duration; a held touch is not a tap") {
    GestureRecognizer r;
    feed(r, {{P::Down, 1, 20, 20, 0}});
    const auto hold = r.on_tick(5200);
    REQUIRE(hold);
    CHECK(hold->kind == GestureKind::Hold);
    CHECK(hold->duration_ms == 5200);
    const auto g = feed(r, {{P::Up, 1, 20, 20, 5300}});
    CHECK(kinds(g) == std::vector{GestureKind::Release});
    CHECK_FALSE(r.on_tick(6000));
}
