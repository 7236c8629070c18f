// The app's own input events, independent of SDL: pointer samples in, gestures and keys out.
#pragma once

#include <cstdint>

namespace kiosk {

enum class PointerPhase { Down, Move, Up, Cancel };

// One finger or the mouse; coordinates in the app's logical (upright) pixels.
struct PointerEvent {
    PointerPhase phase = PointerPhase::Down;
    int64_t finger = 0;
    float x = 0;
    float y = 0;
    int64_t t_ms = 0;
};

enum class GestureKind { Press, Release, Tap, Hold, Swipe };
enum class SwipeDirection { Left, Right, Up, Down };

struct Gesture {
    GestureKind kind = GestureKind::Tap;
    float x = 0;  // where the finger is (Press, Tap, Hold) or started (Swipe)
    float y = 0;
    SwipeDirection direction = SwipeDirection::Left;
    float speed = 0;          // swipes: pixels per second
    int64_t duration_ms = 0;  // Hold: how long the finger has stayed still
};

enum class Key { Back, Home, Left, Right, Up, Down, Enter, Digit, Erase, LargeType };

struct KeyEvent {
    Key key = Key::Enter;
    int digit = 0;  // Key::Digit: 0..9
};

}  // namespace kiosk
