// Navigation as a pure state machine: gestures, keys, clock ticks and content changes in; the
// state of what to show out. No SDL, no clock: every call takes the time.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/schedule.h"
#include "display/geometry.h"
#include "kiosk/input/input_event.h"
#include "kiosk/screens/screen.h"

namespace kiosk {

enum class ScreenId { Home, Category, Notice, Attract, PinPad, Technician, TouchTest, Search, Off };

enum class KeyboardMode { Pinyin, Initials, Digits };

// What the resident has typed on the search screen: committed text, plus letters still being
// turned into characters by the pinyin input method.
struct SearchState {
    std::string query;
    std::string pinyin;
    KeyboardMode mode = KeyboardMode::Pinyin;
    int page = 0;
};
const char* screen_name(ScreenId id);

struct NavConfig {
    int64_t idle_home_ms = 90'000;     // back home after this long without a touch
    int64_t idle_warning_ms = 20'000;  // the warning shows this long before
    int64_t attract_ms = 300'000;      // attract mode after this long
    int64_t attract_cycle_ms = 12'000;
    int64_t tap_guard_ms = 350;  // taps right after a screen change are ignored
    int64_t technician_hold_ms = 5'000;
    float corner_px = 150;   // the technician corner, top left
    std::string pin_sha256;  // empty: no technician menu
    int64_t message_ms = 6'000;
    // Screen-on hours in Beijing minutes of the day, [start, end); end < start spans midnight.
    // Outside them the screen goes dark once nobody is using it; a touch lights it again.
    int on_start_minute = 0;
    int on_end_minute = 24 * 60;
    // Quiet hours ([display] quiet_hours) go dark once idle in the same way.
    std::vector<content::DailyPeriod> quiet_hours;
};

// What the navigator needs to know about content after a change.
struct ContentFacts {
    std::vector<std::string> live_emergencies;  // ids
    std::set<std::string> live_notices;         // ids of every live notice
};

struct NavState {
    ScreenId screen = ScreenId::Home;
    std::string category;
    int category_page = 0;
    std::string notice_id;
    int notice_page = 0;
    ScreenId notice_return = ScreenId::Home;
    bool large_type = false;
    bool idle_warning = false;
    int attract_index = 0;
    std::string pin_digits;
    int pin_failures = 0;
    std::set<int> touched_cells;
    std::optional<display::Rect> pressed;
    std::string message;  // a calm one-line notice at the bottom, e.g. after a withdrawal
    SearchState search;
};

class Navigator {
public:
    Navigator(NavConfig config, int64_t now_ms);

    const NavState& state() const { return m_state; }
    // Each returns true when the screen must be rebuilt.
    bool on_gesture(const Gesture& gesture, const Screen& shown, int64_t now_ms);
    bool on_key(const KeyEvent& key, const Screen& shown, int64_t now_ms);
    bool on_tick(int64_t now_ms);
    bool on_content(const ContentFacts& facts, int64_t now_ms);
    // Checks a PIN's sha256 (hex); the app computes the hash so this stays free of crypto.
    void set_pin_checker(bool (*check)(const std::string& digits, const std::string& sha256)) {
        m_check_pin = check;
    }
    int64_t idle_ms(int64_t now_ms) const { return now_ms - m_last_input_ms; }
    // Without the input method's dictionary the keyboard opens in initials mode.
    void set_ime_available(bool available) { m_ime_available = available; }

private:
    bool act(const Action& action, const Screen& shown, int64_t now_ms);
    void go(ScreenId screen, int64_t now_ms);
    void go_home(int64_t now_ms);
    void back(int64_t now_ms);
    bool turn_page(int delta, const Screen& shown);
    bool pin_digit(const std::string& digit, int64_t now_ms);
    bool search_action(const Action& action);
    void say(std::string message, int64_t now_ms);
    bool screen_hours(int64_t now_ms) const;

    NavConfig m_config;
    NavState m_state;
    int64_t m_last_input_ms;
    int64_t m_guard_until_ms = 0;
    int64_t m_attract_since_ms = 0;
    int64_t m_message_until_ms = 0;
    int64_t m_pin_locked_until_ms = 0;
    bool m_swallow_until_release = false;
    bool m_hold_fired = false;
    bool m_first_content = true;
    bool m_ime_available = true;
    std::set<std::string> m_seen_emergencies;
    bool (*m_check_pin)(const std::string&, const std::string&) = nullptr;
};

}  // namespace kiosk
