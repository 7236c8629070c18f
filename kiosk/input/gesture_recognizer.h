// Turns pointer samples into gestures, pure: tap, hold (long press), swipe with direction and
// speed. Accidents are harmless: a second finger or a palm cancels the gesture until every finger
// is lifted, and a drag that ends elsewhere is never a tap.
#pragma once

#include <optional>
#include <set>
#include <vector>

#include "kiosk/input/input_event.h"

namespace kiosk {

struct GestureTuning {
    float slop_px = 24;          // movement still counted as a tap (at 1080p; scaled)
    float swipe_min_px = 90;     // shortest swipe
    int64_t swipe_max_ms = 900;  // slower than this is a drag, not a swipe
    int64_t tap_max_ms = 700;    // held longer: a hold, not a tap
};

class GestureRecognizer {
public:
    explicit GestureRecognizer(GestureTuning tuning = {}) : m_tuning(tuning) {}
    void set_scale(float scale) { m_scale = scale; }

    std::vector<Gesture> on_pointer(const PointerEvent& event);
    // Reports a Hold while a single finger stays still (for the technician corner).
    std::optional<Gesture> on_tick(int64_t now_ms);
    bool finger_down() const { return !m_fingers.empty(); }

private:
    enum class Track { Idle, Tracking, Moved, Cancelled };

    std::vector<Gesture> finish(const PointerEvent& event);

    GestureTuning m_tuning;
    float m_scale = 1;
    std::set<int64_t> m_fingers;
    Track m_track = Track::Idle;
    float m_x0 = 0, m_y0 = 0, m_x = 0, m_y = 0;
    int64_t m_t0 = 0;
};

}  // namespace kiosk
