// The home screen, built as a draw list and touch targets from a plain model (no SDL, no clock).
#include "kiosk/screens/home_screen.h"

#include "content/date_time.h"
#include "kiosk/screens/ui.h"

namespace kiosk {
namespace {

using display::Align;
using display::Rect;
using display::Weight;

std::string clock_text(int64_t now) {
    const content::CivilTime c = content::to_beijing_civil(now);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", c.hour, c.minute);
    return buf;
}

// Landscape: the name on the left, date and time on the right. Portrait: the name on its own
// row, date and time under it, so neither is cut short.
float header(const Ui& ui, const HomeModel& model) {
    const auto w = static_cast<float>(ui.size.w);
    const bool portrait = ui.size.h > ui.size.w;
    const float row = ui.px(132);
    const float h = portrait ? ui.px(220) : row;
    const float m = ui.px(40);
    ui.screen.draw.fill({0, 0, w, h}, ui.theme.header);
    const std::string clock = clock_text(model.now);
    const std::string date =
        content::format_date_chinese(model.now) + " " + content::format_weekday_chinese(model.now);
    const float clock_w = display::line_width(clock, ui.metrics, ui.px(60), Weight::Bold);
    const float date_w = display::line_width(date, ui.metrics, ui.px(36), Weight::Regular);
    const float right_w = clock_w + date_w + ui.px(24);
    const float time_y = portrait ? ui.px(110) : 0;
    const float time_h = portrait ? ui.px(100) : row;
    const float name_w = portrait ? w - 2 * m : w - 2 * m - right_w - ui.px(24);
    ui.screen.draw.text(
        display::place_line(clock, ui.metrics, ui.px(60), Weight::Bold, ui.theme.header_text,
                            {w - m - clock_w, time_y, clock_w, time_h}, Align::End));
    ui.screen.draw.text(display::place_line(date, ui.metrics, ui.px(36), Weight::Regular,
                                            ui.theme.header_text,
                                            {w - m - right_w, time_y, date_w, time_h}, Align::End));
    ui.screen.draw.text(display::place_line(
        model.board_name, ui.metrics, ui.px(ui.theme.board_name_px), Weight::Bold,
        ui.theme.header_text, {m, 0, name_w, portrait ? ui.px(120) : row}, Align::Start));
    return h;
}

float highlight_band(const Ui& ui, const HomeModel& model, float y, int max_rows) {
    const auto w = static_cast<float>(ui.size.w);
    const float m = ui.px(40);
    const float row_h = ui.px(48) + ui.text_px(40);
    int rows = 0;
    for (const content::NoticeSummary& n : model.highlighted) {
        if (rows == max_rows) {
            break;
        }
        const bool emergency = n.priority == content::Priority::Emergency;
        const Rect row{0, y, w, row_h};
        ui.screen.draw.fill(row, emergency ? ui.theme.emergency : ui.theme.pinned_band);
        ui.screen.draw.fill({0, row.bottom() - ui.px(2), w, ui.px(2)}, ui.theme.tile_border);
        const display::Color fg = emergency ? ui.theme.emergency_text : ui.theme.text;
        const float label_w = ui.px(40) + ui.text_px(64);
        const Rect label{m, y + ui.px(14), label_w, row_h - ui.px(28)};
        ui.screen.draw.fill(label, emergency ? ui.theme.emergency_text : ui.theme.accent, ui.px(8));
        ui.line(emergency ? "紧急" : "置顶", ui.theme.small_px, Weight::Bold,
                emergency ? ui.theme.emergency : ui.theme.header_text, label, Align::Center);
        ui.line(n.title, 40, Weight::Bold, fg,
                {m + label_w + ui.px(24), y, w - 2 * m - label_w - ui.px(100), row_h},
                Align::Start);
        ui.line("›", 56, Weight::Bold, fg, {w - m - ui.px(60), y, ui.px(60), row_h}, Align::Center);
        // Targets stop short of the row edges so neighbouring rows have space between them.
        ui.screen.targets.push_back({{row.x, row.y + ui.px(5), row.w, row.h - ui.px(10)},
                                     {ActionKind::OpenNotice, n.id},
                                     n.title});
        y += row_h;
        ++rows;
    }
    return static_cast<float>(rows) * row_h;
}

void tile(const Ui& ui, const content::CategoryCount& count, Rect box) {
    ui.screen.draw.fill(box, ui.theme.tile_border, ui.px(20));
    const float b = ui.px(3);
    ui.screen.draw.fill({box.x + b, box.y + b, box.w - 2 * b, box.h - 2 * b}, ui.theme.tile,
                        ui.px(18));
    ui.screen.draw.fill({box.x + ui.px(40), box.y + b, box.w - ui.px(80), ui.px(10)},
                        ui.theme.accent);
    const float name_px = std::min(ui.theme.tile_name_px * ui.type, box.h / ui.s * 0.40f);
    const std::string name(content::category_name(count.category));
    ui.screen.draw.text(
        display::place_line(name, ui.metrics, ui.px(name_px), Weight::Bold, ui.theme.text,
                            {box.x, box.y + box.h * 0.10f, box.w, box.h * 0.50f}, Align::Center));
    const std::string total =
        count.live > 0 ? "共 " + std::to_string(count.live) + " 条" : "暂无公开内容";
    ui.line(total, 40, Weight::Regular, ui.theme.text_secondary,
            {box.x, box.y + box.h * 0.60f, box.w, box.h * 0.30f}, Align::Center);
    if (count.fresh > 0) {
        const std::string badge = "新 " + std::to_string(count.fresh);
        const float bw =
            display::line_width(badge, ui.metrics, ui.text_px(32), Weight::Bold) + ui.px(32);
        const float bh = ui.text_px(32) * 1.6f;
        const Rect pill{box.right() - bw - ui.px(20), box.y + ui.px(24), bw, bh};
        ui.screen.draw.fill(pill, ui.theme.badge, bh / 2);
        ui.line(badge, 32, Weight::Bold, ui.theme.badge_text, pill, Align::Center);
    }
    ui.screen.targets.push_back(
        {box,
         {ActionKind::OpenCategory, std::string(content::category_key(count.category))},
         name});
}

float footer(const Ui& ui, const HomeModel& model) {
    const auto w = static_cast<float>(ui.size.w), h = static_cast<float>(ui.size.h);
    const float fh = ui.px(40) + ui.px(96);
    const float m = ui.px(40);
    const std::string updated =
        model.last_updated ? "内容更新于 " + content::format_date_chinese(*model.last_updated) +
                                 " " + clock_text(*model.last_updated)
                           : "内容更新中";
    const std::string note = model.possibly_outdated ? updated + "（内容可能不是最新）" : updated;
    const bool large = ui.type > 1.0f;
    const char* label = large ? "标准字体" : "大字模式";
    const float bw =
        std::max(ui.px(260),
                 display::line_width(label, ui.metrics, ui.text_px(36), Weight::Bold) + ui.px(56));
    const Rect button{w - m - bw, h - fh + ui.px(20), bw, ui.px(96)};
    ui.button(button, label, {ActionKind::ToggleLargeType, ""},
              large ? ButtonStyle::Primary : ButtonStyle::Normal);
    const float sw = std::max(
        ui.px(260),
        display::line_width("查找内容", ui.metrics, ui.text_px(36), Weight::Bold) + ui.px(56));
    ui.button({button.x - ui.px(24) - sw, button.y, sw, button.h}, "查找内容",
              {ActionKind::OpenSearch, ""}, ButtonStyle::Primary);
    ui.screen.draw.text(display::place_line(note, ui.metrics, ui.px(ui.theme.small_px),
                                            Weight::Regular, ui.theme.text_secondary,
                                            {m, h - fh, w - 4 * m - bw - sw, fh}, Align::Start));
    return fh;
}

}  // namespace

Screen build_home(const HomeModel& model, const NavState& state, const Theme& theme,
                  const display::FontMetrics& metrics, display::Size size) {
    Screen screen = blank_screen("home", theme);
    const Ui ui = make_ui(theme, metrics, size, type_size(state), screen);
    const auto w = static_cast<float>(size.w);
    const auto h = static_cast<float>(size.h);
    const bool portrait = size.h > size.w;
    const float m = ui.px(40);

    float y = header(ui, model);
    y += highlight_band(ui, model, y, portrait ? 3 : 2);
    const float footer_h = footer(ui, model);

    const int cols = portrait ? 2 : 3;
    const int rows = 6 / cols;
    const float gap = ui.px(32);
    const Rect grid{m, y + gap, w - 2 * m, h - footer_h - y - gap};
    const float tile_w = (grid.w - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float tile_h = (grid.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    for (size_t i = 0; i < model.counts.size() && i < 6; ++i) {
        const auto col = static_cast<float>(i % static_cast<size_t>(cols));
        const auto row = static_cast<float>(i / static_cast<size_t>(cols));
        tile(ui, model.counts[i],
             {grid.x + col * (tile_w + gap), grid.y + row * (tile_h + gap), tile_w, tile_h});
    }
    overlays(ui, state);
    return screen;
}

}  // namespace kiosk
