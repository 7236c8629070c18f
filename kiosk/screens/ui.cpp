// Shared widgets of the resident screens.
#include "kiosk/screens/ui.h"

#include "display/paragraph_layout.h"
#include "display/utf8.h"

namespace kiosk {

using display::Align;
using display::Rect;
using display::Weight;

Screen blank_screen(const char* name, const Theme& theme) {
    Screen screen;
    screen.name = name;
    screen.draw.clear = theme.background;
    return screen;
}

Ui make_ui(const Theme& theme, const display::FontMetrics& metrics, display::Size size,
           TypeSize type, Screen& screen) {
    return Ui{theme, metrics, size, ui_scale(size), type_factor(type), screen};
}

void Ui::line(std::string_view text, float size_1080, Weight weight, display::Color color, Rect box,
              Align align) const {
    screen.draw.text(
        display::place_line(text, metrics, text_px(size_1080), weight, color, box, align));
}

void Ui::button(Rect r, std::string_view label, Action action, ButtonStyle style) const {
    const float radius = px(14);
    if (style == ButtonStyle::Primary) {
        screen.draw.fill(r, theme.button_primary, radius);
    } else {
        screen.draw.fill(r, theme.button_border, radius);
        const float b = px(3);
        screen.draw.fill({r.x + b, r.y + b, r.w - 2 * b, r.h - 2 * b}, theme.button, radius - b);
    }
    const display::Color fg = style == ButtonStyle::Primary    ? theme.button_primary_text
                              : style == ButtonStyle::Disabled ? theme.button_disabled_text
                                                               : theme.button_text;
    line(label, theme.button_px, Weight::Bold, fg, r, Align::Center);
    if (style != ButtonStyle::Disabled) {
        screen.targets.push_back({r, std::move(action), std::string(label)});
    }
}

int Ui::wrapped(std::string_view text, float size_1080, Weight weight, display::Color color,
                Rect box, int max_lines, float line_h) const {
    const float size = text_px(size_1080);
    const auto lines = display::layout_paragraph(text, metrics, size, weight, box.w,
                                                 {0, display::Alignment::Start});
    const std::u32string all = display::decode_utf8(text);
    int drawn = 0;
    for (const display::Line& line : lines) {
        if (drawn == max_lines) {
            break;
        }
        const Rect row{box.x, box.y + static_cast<float>(drawn) * line_h, box.w, line_h};
        const bool last = drawn + 1 == max_lines && &line != &lines.back();
        // The last allowed line takes the rest of the text and is cut with an ellipsis.
        const std::u32string piece =
            last ? all.substr(line.begin) : all.substr(line.begin, line.end - line.begin);
        screen.draw.text(display::place_line(display::encode_utf8(piece), metrics, size, weight,
                                             color, row, Align::Start));
        ++drawn;
    }
    return drawn;
}

namespace {

float button_width(const Ui& ui, std::string_view label) {
    const float w =
        display::line_width(label, ui.metrics, ui.text_px(ui.theme.button_px), Weight::Bold);
    return std::max(ui.px(ui.theme.min_target_px * 2.4f), w + ui.px(56));
}

}  // namespace

float top_bar_height(const Ui& ui) {
    return ui.px(96) + ui.text_px(36);
}

float top_bar(const Ui& ui, std::string_view title) {
    const float h = top_bar_height(ui);
    const auto w = static_cast<float>(ui.size.w);
    ui.screen.draw.fill({0, 0, w, h}, ui.theme.header);
    const float m = ui.px(24), gap = ui.px(20), bh = h - 2 * ui.px(16);
    const float back_w = button_width(ui, "返回"), home_w = button_width(ui, "首页");
    const bool large = ui.type > 1.0f;
    const char* large_label = large ? "标准字体" : "大字模式";
    const float large_w = button_width(ui, large_label);
    ui.button({m, ui.px(16), back_w, bh}, "返回", {ActionKind::Back, ""});
    ui.button({m + back_w + gap, ui.px(16), home_w, bh}, "首页", {ActionKind::Home, ""});
    // A white button on the red bar in both states; the label says what a tap will do.
    ui.button({w - m - large_w, ui.px(16), large_w, bh}, large_label,
              {ActionKind::ToggleLargeType, ""});
    const float left = m + back_w + gap + home_w + gap;
    ui.line(title, ui.theme.title_px, Weight::Bold, ui.theme.header_text,
            {left, 0, w - left - large_w - m - gap, h}, Align::Center);
    return h;
}

float pager_height(const Ui& ui) {
    return ui.px(96) + ui.text_px(36);
}

float pager(const Ui& ui, int page, int page_count) {
    const float h = pager_height(ui);
    const auto w = static_cast<float>(ui.size.w);
    const float y = static_cast<float>(ui.size.h) - h;
    ui.screen.draw.fill({0, y, w, ui.px(2)}, ui.theme.rule);
    const float m = ui.px(24), bh = h - 2 * ui.px(16);
    const float bw = std::max(button_width(ui, "上一页"), ui.px(260));
    ui.button({m, y + ui.px(16), bw, bh}, "上一页", {ActionKind::PagePrev, ""},
              page > 0 ? ButtonStyle::Normal : ButtonStyle::Disabled);
    ui.button({w - m - bw, y + ui.px(16), bw, bh}, "下一页", {ActionKind::PageNext, ""},
              page + 1 < page_count ? ButtonStyle::Primary : ButtonStyle::Disabled);
    const std::string label =
        "第 " + std::to_string(page + 1) + " / " + std::to_string(std::max(1, page_count)) + " 页";
    ui.line(label, ui.theme.body_px, Weight::Bold, ui.theme.text, {m + bw, y, w - 2 * (m + bw), h},
            Align::Center);
    return h;
}

namespace {

void idle_warning(const Ui& ui) {
    const auto w = static_cast<float>(ui.size.w), h = static_cast<float>(ui.size.h);
    ui.screen.draw.fill({0, 0, w, h}, ui.theme.scrim);
    // The warning is modal: what lies under the scrim cannot be touched.
    ui.screen.targets.clear();
    // Any touch keeps the resident here; the whole screen is the target, the button says so.
    ui.screen.targets.push_back({{0, 0, w, h}, {ActionKind::Stay, ""}, "继续浏览"});
    const float pw = std::min(w - ui.px(80), ui.px(900)), ph = ui.px(420);
    const Rect panel{(w - pw) / 2, (h - ph) / 2, pw, ph};
    ui.screen.draw.fill(panel, ui.theme.panel, ui.px(24));
    ui.screen.draw.text(
        display::place_line("即将返回首页", ui.metrics, ui.px(64), Weight::Bold, ui.theme.text,
                            {panel.x, panel.y + ui.px(40), pw, ui.px(90)}, Align::Center));
    ui.screen.draw.text(display::place_line(
        "如需继续浏览，请点击下方按钮", ui.metrics, ui.px(36), Weight::Regular,
        ui.theme.text_secondary, {panel.x, panel.y + ui.px(140), pw, ui.px(60)}, Align::Center));
    const float bw = ui.px(400), bh = ui.px(110);
    ui.button({panel.x + (pw - bw) / 2, panel.bottom() - bh - ui.px(50), bw, bh}, "继续浏览",
              {ActionKind::Stay, ""}, ButtonStyle::Primary);
}

}  // namespace

void overlays(const Ui& ui, const NavState& state) {
    if (state.pressed) {
        ui.screen.draw.fill(*state.pressed, ui.theme.pressed_overlay, ui.px(14));
    }
    if (!state.message.empty()) {
        const auto w = static_cast<float>(ui.size.w);
        const float bw =
            display::line_width(state.message, ui.metrics, ui.text_px(36), Weight::Bold) +
            ui.px(80);
        const float bh = ui.px(60) + ui.text_px(36);
        const Rect box{(w - bw) / 2,
                       static_cast<float>(ui.size.h) - pager_height(ui) - bh - ui.px(24), bw, bh};
        ui.screen.draw.fill(box, {40, 40, 40, 255}, bh / 2);
        ui.line(state.message, 36, Weight::Bold, {255, 255, 255, 255}, box, Align::Center);
    }
    if (state.idle_warning) {
        idle_warning(ui);
    }
}

}  // namespace kiosk
