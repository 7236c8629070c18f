// Gesture recognition from pointer samples, pure.
#include "kiosk/input/gesture_recognizer.h"

#include <cmath>

namespace kiosk {

std::vector<Gesture> GestureRecognizer::on_pointer(const PointerEvent& e) {
    std::vector<Gesture> out;
    switch (e.phase) {
        case PointerPhase::Down:
            m_fingers.insert(e.finger);
            if (m_fingers.size() > 1) {
                // A second finger, a palm or ten fingers at once: nothing they do counts.
                if (m_track == Track::Tracking || m_track == Track::Moved) {
                    out.push_back({GestureKind::Release, m_x, m_y});
                }
                m_track = Track::Cancelled;
            } else {
                m_track = Track::Tracking;
                m_x0 = m_x = e.x;
                m_y0 = m_y = e.y;
                m_t0 = e.t_ms;
                out.push_back({GestureKind::Press, e.x, e.y});
            }
            break;
        case PointerPhase::Move:
            if (m_track == Track::Tracking || m_track == Track::Moved) {
                m_x = e.x;
                m_y = e.y;
                if (m_track == Track::Tracking &&
                    std::hypot(e.x - m_x0, e.y - m_y0) > m_tuning.slop_px * m_scale) {
                    m_track = Track::Moved;
                    out.push_back({GestureKind::Release, e.x, e.y});
                }
            }
            break;
        case PointerPhase::Up:
        case PointerPhase::Cancel:
            out = finish(e);
            break;
    }
    return out;
}

std::vector<Gesture> GestureRecognizer::finish(const PointerEvent& e) {
    std::vector<Gesture> out;
    const bool last = m_fingers.erase(e.finger) > 0 && m_fingers.empty();
    if (!last) {
        return out;
    }
    const Track track = m_track;
    m_track = Track::Idle;
    if (e.phase == PointerPhase::Cancel || track == Track::Cancelled || track == Track::Idle) {
        return out;
    }
    const float dx = e.x - m_x0, dy = e.y - m_y0;
    const float distance = std::hypot(dx, dy);
    const int64_t dt = std::max<int64_t>(1, e.t_ms - m_t0);
    if (track == Track::Tracking && distance <= m_tuning.slop_px * m_scale) {
        out.push_back({GestureKind::Release, e.x, e.y});
        if (dt <= m_tuning.tap_max_ms) {
            out.push_back({GestureKind::Tap, e.x, e.y});
        }
        return out;
    }
    if (distance >= m_tuning.swipe_min_px * m_scale && dt <= m_tuning.swipe_max_ms) {
        Gesture g{GestureKind::Swipe, m_x0, m_y0};
        if (std::fabs(dx) >= std::fabs(dy)) {
            g.direction = dx < 0 ? SwipeDirection::Left : SwipeDirection::Right;
        } else {
            g.direction = dy < 0 ? SwipeDirection::Up : SwipeDirection::Down;
        }
        g.speed = distance * 1000.0f / static_cast<float>(dt);
        out.push_back(g);
    }
    return out;
}

std::optional<Gesture> GestureRecognizer::on_tick(int64_t now_ms) {
    if (m_track != Track::Tracking || m_fingers.size() != 1) {
        return std::nullopt;
    }
    Gesture g{GestureKind::Hold, m_x, m_y};
    g.duration_ms = now_ms - m_t0;
    return g;
}

}  // namespace kiosk
