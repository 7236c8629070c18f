// The navigation state machine, pure.
#include "kiosk/navigation.h"

#include <algorithm>

namespace kiosk {

const char* screen_name(ScreenId id) {
    switch (id) {
        case ScreenId::Home:
            return "home";
        case ScreenId::Category:
            return "category";
        case ScreenId::Notice:
            return "notice";
        case ScreenId::Attract:
            return "attract";
        case ScreenId::PinPad:
            return "pin";
        case ScreenId::Technician:
            return "technician";
        case ScreenId::TouchTest:
            return "touch-test";
        case ScreenId::Search:
            return "search";
        case ScreenId::Off:
            return "off";
    }
    return "home";
}

Navigator::Navigator(NavConfig config, int64_t now_ms)
    : m_config(std::move(config)), m_last_input_ms(now_ms) {}

void Navigator::go(ScreenId screen, int64_t now_ms) {
    m_state.screen = screen;
    m_state.pressed.reset();
    m_guard_until_ms = now_ms + m_config.tap_guard_ms;
}

void Navigator::go_home(int64_t now_ms) {
    m_state.category.clear();
    m_state.category_page = 0;
    m_state.notice_id.clear();
    m_state.notice_page = 0;
    m_state.pin_digits.clear();
    m_state.touched_cells.clear();
    m_state.search = {};
    go(ScreenId::Home, now_ms);
}

void Navigator::say(std::string message, int64_t now_ms) {
    m_state.message = std::move(message);
    m_message_until_ms = now_ms + m_config.message_ms;
}

void Navigator::back(int64_t now_ms) {
    switch (m_state.screen) {
        case ScreenId::Notice:
            if (m_state.notice_return == ScreenId::Category && !m_state.category.empty()) {
                go(ScreenId::Category, now_ms);
            } else if (m_state.notice_return == ScreenId::Search) {
                go(ScreenId::Search, now_ms);
            } else {
                go_home(now_ms);
            }
            break;
        case ScreenId::TouchTest:
            go(ScreenId::Technician, now_ms);
            break;
        default:
            go_home(now_ms);
            break;
    }
}

bool Navigator::turn_page(int delta, const Screen& shown) {
    int& page = m_state.screen == ScreenId::Notice   ? m_state.notice_page
                : m_state.screen == ScreenId::Search ? m_state.search.page
                                                     : m_state.category_page;
    const int next = std::clamp(shown.page + delta, 0, std::max(0, shown.page_count - 1));
    if (next == shown.page) {
        return false;
    }
    page = next;
    return true;
}

bool Navigator::pin_digit(const std::string& digit, int64_t now_ms) {
    if (now_ms < m_pin_locked_until_ms) {
        say("尝试次数过多，请稍后再试", now_ms);
        return true;
    }
    m_state.pin_digits += digit;
    if (m_state.pin_digits.size() < 6) {
        return true;
    }
    const bool ok = m_check_pin && m_check_pin(m_state.pin_digits, m_config.pin_sha256);
    m_state.pin_digits.clear();
    if (ok) {
        m_state.pin_failures = 0;
        go(ScreenId::Technician, now_ms);
        return true;
    }
    if (++m_state.pin_failures >= 3) {
        m_pin_locked_until_ms = now_ms + 60'000;
        m_state.pin_failures = 0;
        go_home(now_ms);
        return true;
    }
    say("密码不正确", now_ms);
    return true;
}

bool Navigator::act(const Action& a, const Screen& shown, int64_t now_ms) {
    switch (a.kind) {
        case ActionKind::OpenCategory:
            m_state.category = a.target;
            m_state.category_page = 0;
            go(ScreenId::Category, now_ms);
            return true;
        case ActionKind::OpenNotice:
            m_state.notice_return =
                m_state.screen == ScreenId::Category || m_state.screen == ScreenId::Search
                    ? m_state.screen
                    : ScreenId::Home;
            m_state.notice_id = a.target;
            m_state.notice_page = 0;
            go(ScreenId::Notice, now_ms);
            return true;
        case ActionKind::Back:
            back(now_ms);
            return true;
        case ActionKind::Home:
            go_home(now_ms);
            return true;
        case ActionKind::PageNext:
            return turn_page(+1, shown);
        case ActionKind::PagePrev:
            return turn_page(-1, shown);
        case ActionKind::ToggleLargeType:
            m_state.large_type = !m_state.large_type;
            m_state.notice_page = 0;
            m_state.category_page = 0;
            return true;
        case ActionKind::Stay:
            return true;
        case ActionKind::PinDigit:
            return pin_digit(a.target, now_ms);
        case ActionKind::PinErase:
            if (!m_state.pin_digits.empty()) {
                m_state.pin_digits.pop_back();
            }
            return true;
        case ActionKind::OpenTouchTest:
            m_state.touched_cells.clear();
            go(ScreenId::TouchTest, now_ms);
            return true;
        case ActionKind::TouchCell:
            m_state.touched_cells.insert(std::atoi(a.target.c_str()));
            return true;
        case ActionKind::ExitTechnician:
            go_home(now_ms);
            return true;
        case ActionKind::OpenSearch:
            m_state.search = {};
            m_state.search.mode = m_ime_available ? KeyboardMode::Pinyin : KeyboardMode::Initials;
            go(ScreenId::Search, now_ms);
            return true;
        case ActionKind::TypeLetter:
        case ActionKind::TypeDigit:
        case ActionKind::PickCandidate:
        case ActionKind::SearchErase:
        case ActionKind::SearchClear:
        case ActionKind::SearchMode:
        case ActionKind::HotSearch:
            return search_action(a);
        case ActionKind::None:
            return false;
    }
    return false;
}

// Typing on the search screen. Fast typing is never slowed by the tap guard, which only follows
// a change of screen.
bool Navigator::search_action(const Action& a) {
    SearchState& s = m_state.search;
    constexpr size_t k_max_query_bytes = 96;
    s.page = 0;
    switch (a.kind) {
        case ActionKind::TypeLetter:
            if (s.mode == KeyboardMode::Pinyin) {
                if (s.pinyin.size() < 24)
                    s.pinyin += a.target;
            } else if (s.query.size() < k_max_query_bytes) {
                s.query += a.target;
            }
            return true;
        case ActionKind::TypeDigit:
            if (s.query.size() < k_max_query_bytes)
                s.query += a.target;
            return true;
        case ActionKind::PickCandidate: {
            const size_t colon = a.target.find(':');
            const size_t letters = colon == std::string::npos
                                       ? s.pinyin.size()
                                       : static_cast<size_t>(std::atoi(a.target.c_str()));
            const std::string text =
                colon == std::string::npos ? a.target : a.target.substr(colon + 1);
            if (s.query.size() + text.size() <= k_max_query_bytes)
                s.query += text;
            // Drop the letters the candidate stood for (apostrophes do not count as letters).
            size_t used = 0, cut = 0;
            while (cut < s.pinyin.size() && used < letters) {
                used += s.pinyin[cut] != '\'';
                ++cut;
            }
            s.pinyin.erase(0, cut);
            return true;
        }
        case ActionKind::SearchErase:
            if (!s.pinyin.empty()) {
                s.pinyin.pop_back();
            } else {
                // Remove one whole UTF-8 character.
                while (!s.query.empty() &&
                       (static_cast<unsigned char>(s.query.back()) & 0xC0) == 0x80)
                    s.query.pop_back();
                if (!s.query.empty())
                    s.query.pop_back();
            }
            return true;
        case ActionKind::SearchClear:
            s.query.clear();
            s.pinyin.clear();
            return true;
        case ActionKind::SearchMode:
            s.mode = a.target == "initials" ? KeyboardMode::Initials
                     : a.target == "digits" ? KeyboardMode::Digits
                                            : KeyboardMode::Pinyin;
            s.pinyin.clear();
            return true;
        case ActionKind::HotSearch:
            s.query = a.target;
            s.pinyin.clear();
            return true;
        default:
            return false;
    }
}

bool Navigator::screen_hours(int64_t now_ms) const {
    const int64_t beijing_seconds = now_ms / 1000 + 8 * 3600;
    const int minute = static_cast<int>((beijing_seconds % 86400 + 86400) % 86400 / 60);
    for (const content::DailyPeriod& quiet : m_config.quiet_hours) {
        if (quiet.contains(minute)) {
            return false;
        }
    }
    const int start = m_config.on_start_minute, end = m_config.on_end_minute;
    return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
}

bool Navigator::on_gesture(const Gesture& g, const Screen& shown, int64_t now_ms) {
    m_last_input_ms = now_ms;
    const bool warned = m_state.idle_warning;
    m_state.idle_warning = false;
    if (g.kind != GestureKind::Hold) {
        m_hold_fired = false;
    }
    if (m_state.screen == ScreenId::Attract || m_state.screen == ScreenId::Off) {
        // The first touch only wakes the screen; nothing under the finger is acted on.
        go_home(now_ms);
        m_swallow_until_release = g.kind == GestureKind::Press;
        return true;
    }
    if (m_swallow_until_release) {
        m_swallow_until_release = g.kind != GestureKind::Tap && g.kind != GestureKind::Release &&
                                  g.kind != GestureKind::Swipe;
        return warned;
    }
    switch (g.kind) {
        case GestureKind::Press: {
            const TouchTarget* t = shown.hit(g.x, g.y);
            m_state.pressed = t ? std::optional(t->rect) : std::nullopt;
            return true;  // the pressed look shows in the next frame
        }
        case GestureKind::Release:
            m_state.pressed.reset();
            return true;
        case GestureKind::Tap: {
            m_state.pressed.reset();
            if (warned) {
                return true;  // any touch keeps the resident where they are
            }
            if (now_ms < m_guard_until_ms) {
                return true;  // a flood of taps does not fall through to the next screen
            }
            const TouchTarget* t = shown.hit(g.x, g.y);
            return (t && act(t->action, shown, now_ms)) || true;
        }
        case GestureKind::Swipe:
            if (m_state.screen != ScreenId::Notice && m_state.screen != ScreenId::Category &&
                m_state.screen != ScreenId::Search) {
                return warned;
            }
            if (g.direction == SwipeDirection::Left || g.direction == SwipeDirection::Up) {
                return turn_page(+1, shown) || warned;
            }
            return turn_page(-1, shown) || warned;
        case GestureKind::Hold:
            if (!m_hold_fired && !m_config.pin_sha256.empty() &&
                g.duration_ms >= m_config.technician_hold_ms && g.x < m_config.corner_px &&
                g.y < m_config.corner_px && m_state.screen != ScreenId::PinPad &&
                m_state.screen != ScreenId::Technician) {
                m_hold_fired = true;
                m_state.pin_digits.clear();
                go(ScreenId::PinPad, now_ms);
                m_swallow_until_release = true;
                return true;
            }
            return warned;
    }
    return warned;
}

bool Navigator::on_key(const KeyEvent& k, const Screen& shown, int64_t now_ms) {
    m_last_input_ms = now_ms;
    m_state.idle_warning = false;
    if (m_state.screen == ScreenId::Attract || m_state.screen == ScreenId::Off) {
        go_home(now_ms);
        return true;
    }
    switch (k.key) {
        case Key::Back:
            return act({ActionKind::Back, ""}, shown, now_ms);
        case Key::Home:
            return act({ActionKind::Home, ""}, shown, now_ms);
        case Key::Left:
        case Key::Up:
            return act({ActionKind::PagePrev, ""}, shown, now_ms);
        case Key::Right:
        case Key::Down:
            return act({ActionKind::PageNext, ""}, shown, now_ms);
        case Key::LargeType:
            return act({ActionKind::ToggleLargeType, ""}, shown, now_ms);
        case Key::Digit:
            if (m_state.screen == ScreenId::PinPad) {
                return act({ActionKind::PinDigit, std::to_string(k.digit)}, shown, now_ms);
            }
            return false;
        case Key::Erase:
            return m_state.screen == ScreenId::PinPad &&
                   act({ActionKind::PinErase, ""}, shown, now_ms);
        case Key::Enter:
            return false;
    }
    return false;
}

bool Navigator::on_tick(int64_t now_ms) {
    bool changed = false;
    if (!m_state.message.empty() && now_ms >= m_message_until_ms) {
        m_state.message.clear();
        changed = true;
    }
    const int64_t idle = now_ms - m_last_input_ms;
    if (m_state.screen == ScreenId::Off) {
        if (screen_hours(now_ms)) {
            go_home(now_ms);
            return true;
        }
        return changed;
    }
    if (!screen_hours(now_ms) && idle >= m_config.idle_home_ms) {
        m_state.idle_warning = false;
        m_state.large_type = false;
        go_home(now_ms);
        go(ScreenId::Off, now_ms);
        return true;
    }
    const bool at_rest = m_state.screen == ScreenId::Home && !m_state.large_type;
    if (m_state.screen == ScreenId::Attract) {
        const int64_t index = (now_ms - m_attract_since_ms) / m_config.attract_cycle_ms;
        if (index != m_state.attract_index) {
            m_state.attract_index = static_cast<int>(index);
            changed = true;
        }
        return changed;
    }
    if (!at_rest && idle >= m_config.idle_home_ms) {
        m_state.idle_warning = false;
        m_state.large_type = false;
        go_home(now_ms);
        return true;
    }
    const int64_t warn_at = std::max<int64_t>(0, m_config.idle_home_ms - m_config.idle_warning_ms);
    if (!at_rest && idle >= warn_at && !m_state.idle_warning) {
        m_state.idle_warning = true;
        return true;
    }
    if (at_rest && idle >= m_config.attract_ms) {
        m_state.attract_index = 0;
        m_attract_since_ms = now_ms;
        go(ScreenId::Attract, now_ms);
        return true;
    }
    return changed;
}

bool Navigator::on_content(const ContentFacts& facts, int64_t now_ms) {
    bool changed = true;  // counts and lists may differ: rebuild
    for (const std::string& id : facts.live_emergencies) {
        const bool fresh = m_seen_emergencies.insert(id).second;
        if (fresh && !m_first_content) {
            // A new emergency comes up at once over whatever is on screen.
            m_state.notice_return = ScreenId::Home;
            m_state.notice_id = id;
            m_state.notice_page = 0;
            m_state.idle_warning = false;
            m_last_input_ms = now_ms;
            go(ScreenId::Notice, now_ms);
            m_first_content = false;
            return true;
        }
    }
    m_first_content = false;
    if (m_state.screen == ScreenId::Notice && !facts.live_notices.count(m_state.notice_id)) {
        say("您查看的内容已更新或撤下", now_ms);
        back(now_ms);
    }
    return changed;
}

}  // namespace kiosk
