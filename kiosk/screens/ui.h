// Shared widgets of the resident screens: buttons, the top bar with 返回 / 首页 / 大字模式, the
// pager, the idle warning, the message line and the pressed look. Pure: they append to a Screen.
#pragma once

#include <optional>
#include <string>

#include "display/text_line.h"
#include "kiosk/navigation.h"
#include "kiosk/screens/screen.h"
#include "kiosk/screens/theme.h"

namespace kiosk {

enum class ButtonStyle { Normal, Primary, Disabled };

struct Ui {
    const Theme& theme;
    const display::FontMetrics& metrics;
    display::Size size;
    float s;     // display scale
    float type;  // 1.0 or 1.5 in large type
    Screen& screen;

    float px(float at_1080) const { return at_1080 * s; }
    float text_px(float at_1080) const { return at_1080 * s * type; }
    void line(std::string_view text, float size_1080, display::Weight weight, display::Color color,
              display::Rect box, display::Align align) const;
    void button(display::Rect rect, std::string_view label, Action action,
                ButtonStyle style = ButtonStyle::Normal) const;
    // Text wrapped with the typesetting engine's Chinese line breaking into at most `max_lines`
    // lines of `line_h` each from the top of `box`; the last line ends in "…" if text is left.
    // Returns the number of lines drawn.
    int wrapped(std::string_view text, float size_1080, display::Weight weight,
                display::Color color, display::Rect box, int max_lines, float line_h) const;
};

// An empty screen on the theme's background, and the type size the resident chose.
Screen blank_screen(const char* name, const Theme& theme);
inline TypeSize type_size(const NavState& state) {
    return state.large_type ? TypeSize::Large : TypeSize::Normal;
}

Ui make_ui(const Theme& theme, const display::FontMetrics& metrics, display::Size size,
           TypeSize type, Screen& screen);

// The bar on top of every inner screen; returns its height.
float top_bar(const Ui& ui, std::string_view title);
// 上一页 第 x / y 页 下一页 in a bar at the bottom; returns its height.
float pager(const Ui& ui, int page, int page_count);
float pager_height(const Ui& ui);
float top_bar_height(const Ui& ui);
// Overlays added last: the message line, the idle warning, the pressed look.
void overlays(const Ui& ui, const NavState& state);

}  // namespace kiosk
