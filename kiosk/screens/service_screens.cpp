// Attract mode, the technician PIN pad, diagnostics and the touch test.
#include "kiosk/screens/service_screens.h"

#include "content/date_time.h"

namespace kiosk {
namespace {

using display::Align;
using display::Rect;
using display::Weight;

}  // namespace

Screen build_attract(const AttractModel& model, const NavState& state, const Theme& theme,
                     const display::FontMetrics& metrics, display::Size size) {
    Screen screen = blank_screen("attract", theme);
    const Ui ui = make_ui(theme, metrics, size, TypeSize::Large, screen);
    const auto w = static_cast<float>(size.w), h = static_cast<float>(size.h);
    const float m = ui.px(60);
    screen.draw.fill({0, 0, w, ui.px(150)}, theme.header);
    ui.screen.draw.text(display::place_line(model.board_name, metrics, ui.px(64), Weight::Bold,
                                            theme.header_text, {m, 0, w - 2 * m, ui.px(150)},
                                            Align::Center));
    // The whole screen wakes the kiosk; the navigator ignores what is under the first touch.
    screen.targets.push_back({{0, 0, w, h}, {ActionKind::Home, ""}, "触摸屏幕开始浏览"});
    if (!model.notices.empty()) {
        const auto& n =
            model.notices[static_cast<size_t>(state.attract_index) % model.notices.size()];
        const std::string kind = n.priority == content::Priority::Emergency ? "紧急通知"
                                 : n.priority == content::Priority::Pinned  ? "置顶公开"
                                                                            : "最新公开";
        ui.line(kind + " · " + std::string(content::category_name(n.category)), 40, Weight::Bold,
                theme.accent, {m, h * 0.26f, w - 2 * m, ui.text_px(60)}, Align::Center);
        const float line_h = ui.text_px(56) * 1.35f;
        const int lines = ui.wrapped(n.title, 56, Weight::Bold, theme.text,
                                     {m, h * 0.34f, w - 2 * m, 3 * line_h}, 3, line_h);
        // Department and date on lines of their own, so a narrow portrait board cuts neither.
        const float meta_y = h * 0.34f + static_cast<float>(lines) * line_h + ui.px(30);
        ui.line(n.department, 36, Weight::Regular, theme.text_secondary,
                {m, meta_y, w - 2 * m, ui.text_px(60)}, Align::Center);
        ui.line(content::format_date_chinese(n.published_at), 36, Weight::Regular,
                theme.text_secondary, {m, meta_y + ui.text_px(60), w - 2 * m, ui.text_px(60)},
                Align::Center);
    }
    const Rect hint{m, h - ui.px(260), w - 2 * m, ui.px(150)};
    screen.draw.fill(hint, theme.pinned_band, ui.px(24));
    ui.line("请触摸屏幕，查看六务公开内容", 40, Weight::Bold, theme.text, hint, Align::Center);
    return screen;
}

Screen build_pin_pad(const NavState& state, const Theme& theme, const display::FontMetrics& metrics,
                     display::Size size) {
    Screen screen = blank_screen("pin", theme);
    const Ui ui = make_ui(theme, metrics, size, TypeSize::Normal, screen);
    const float top = top_bar(ui, "技术人员验证");
    const auto w = static_cast<float>(size.w);
    const float key_w = ui.px(200), key_h = ui.px(120), gap = ui.px(24);
    const float pad_w = 3 * key_w + 2 * gap;
    const float x0 = (w - pad_w) / 2;
    float y = top + ui.px(40);
    ui.line("请输入6位维护密码", 36, Weight::Regular, theme.text_secondary, {0, y, w, ui.px(60)},
            Align::Center);
    y += ui.px(80);
    std::string dots;
    for (size_t i = 0; i < 6; ++i) {
        dots += i < state.pin_digits.size() ? "●" : "○";
    }
    ui.line(dots, 48, Weight::Regular, theme.text, {0, y, w, ui.px(80)}, Align::Center);
    y += ui.px(110);
    const char* keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "删除", "0", "返回"};
    for (int i = 0; i < 12; ++i) {
        const Rect r{x0 + static_cast<float>(i % 3) * (key_w + gap),
                     y + static_cast<float>(i / 3) * (key_h + gap), key_w, key_h};
        const std::string key = keys[i];
        const Action action = key == "删除"   ? Action{ActionKind::PinErase, ""}
                              : key == "返回" ? Action{ActionKind::Home, ""}
                                              : Action{ActionKind::PinDigit, key};
        ui.button(r, key, action);
    }
    overlays(ui, state);
    return screen;
}

namespace {

std::string or_dash(const std::string& s) {
    return s.empty() ? "—" : s;
}

}  // namespace

Screen build_diagnostics(const DiagnosticsModel& d, const NavState& state, const Theme& theme,
                         const display::FontMetrics& metrics, display::Size size) {
    Screen screen = blank_screen("technician", theme);
    const Ui ui = make_ui(theme, metrics, size, TypeSize::Normal, screen);
    const float top = top_bar(ui, "维护信息");
    const auto w = static_cast<float>(size.w);
    const float m = ui.px(48), row = ui.px(50);
    std::vector<std::pair<std::string, std::string>> rows = {
        {"软件版本", d.version},
        {"终端编号", d.board_id + "（" + d.board_name + "）"},
        {"内容频道", or_dash(d.channel)},
        {"内容版本", or_dash(d.content_version)},
        {"最近同步", or_dash(d.last_attempt)},
        {"最近成功", or_dash(d.last_success)},
        {"同步结果", d.last_error.empty() ? "正常" : d.last_error},
        {"内容时效", or_dash(d.freshness)},
        {"屏幕", std::to_string(d.screen.w) + "×" + std::to_string(d.screen.h) + "，旋转 " +
                     std::to_string(d.rotation) + "°"},
    };
    std::string counts = "共 " + std::to_string(d.notices_total) + " 条：";
    for (const auto& c : d.counts) {
        counts +=
            std::string(content::category_name(c.category)) + " " + std::to_string(c.live) + "　";
    }
    rows.push_back({"在线内容", counts});
    rows.push_back({"已隔离", std::to_string(d.quarantined.size()) + " 条"});
    float y = top + ui.px(24);
    const float label_w = ui.px(220);
    for (const auto& [label, value] : rows) {
        ui.line(label, 32, Weight::Bold, theme.text_secondary, {m, y, label_w, row}, Align::Start);
        ui.line(value, 32, Weight::Regular, theme.text, {m + label_w, y, w - 2 * m - label_w, row},
                Align::Start);
        y += row;
    }
    for (const auto& q : d.quarantined) {
        if (y > static_cast<float>(size.h) - ui.px(200)) {
            break;
        }
        ui.line("· " + q.id + "（" + q.rule + "）" + q.title, 32, Weight::Regular, theme.accent,
                {m + label_w, y, w - 2 * m - label_w, row}, Align::Start);
        y += row;
    }
    const float bh = ui.px(110), bw = ui.px(320);
    const float by = static_cast<float>(size.h) - bh - ui.px(30);
    ui.button({m, by, bw, bh}, "触摸测试", {ActionKind::OpenTouchTest, ""});
    ui.button({w - m - bw, by, bw, bh}, "退出维护", {ActionKind::ExitTechnician, ""},
              ButtonStyle::Primary);
    overlays(ui, state);
    return screen;
}

Screen build_off(display::Size size) {
    Screen screen;
    screen.name = "off";
    screen.draw.clear = {0, 0, 0, 255};
    screen.targets.push_back({{0, 0, static_cast<float>(size.w), static_cast<float>(size.h)},
                              {ActionKind::Home, ""},
                              "唤醒"});
    return screen;
}

Screen build_touch_test(const NavState& state, const Theme& theme,
                        const display::FontMetrics& metrics, display::Size size) {
    Screen screen = blank_screen("touch-test", theme);
    const Ui ui = make_ui(theme, metrics, size, TypeSize::Normal, screen);
    const int cells = 40;  // 8 × 5, or 5 × 8 in portrait
    const float top = top_bar(ui, "触摸测试：已点 " + std::to_string(state.touched_cells.size()) +
                                      " / " + std::to_string(cells) + " 格");
    const auto w = static_cast<float>(size.w), h = static_cast<float>(size.h);
    const int cols = size.w >= size.h ? 8 : 5, rows = size.w >= size.h ? 5 : 8;
    const float gap = ui.px(12), m = ui.px(24);
    const float cw = (w - 2 * m - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float ch =
        (h - top - 2 * m - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    for (int i = 0; i < cols * rows; ++i) {
        const Rect r{m + static_cast<float>(i % cols) * (cw + gap),
                     top + m + static_cast<float>(i / cols) * (ch + gap), cw, ch};
        const bool lit = state.touched_cells.count(i) > 0;
        screen.draw.fill(r, lit ? Color{20, 120, 60, 255} : theme.tile_border, ui.px(8));
        screen.targets.push_back(
            {r, {ActionKind::TouchCell, std::to_string(i)}, std::to_string(i + 1)});
    }
    overlays(ui, state);
    return screen;
}

}  // namespace kiosk
