// The home screen, built as a draw list and touch targets from a plain model (no SDL, no clock).
#include "kiosk/home_screen.h"

#include "content/date_time.h"
#include "display/text_line.h"

namespace kiosk {
namespace {

using display::Align;
using display::Rect;
using display::Weight;

struct Ctx {
    const Theme& theme;
    const display::FontMetrics& metrics;
    float s;
    Screen& screen;
    void line(std::string_view text, float size, Weight weight, display::Color color, Rect box,
              Align align) {
        screen.draw.text(display::place_line(text, metrics, size * s, weight, color, box, align));
    }
};

std::string clock_text(int64_t now) {
    const content::CivilTime c = content::to_beijing_civil(now);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", c.hour, c.minute);
    return buf;
}

float header(Ctx& c, const HomeModel& model, float w) {
    const float h = 132 * c.s;
    const float m = 40 * c.s;
    c.screen.draw.fill({0, 0, w, h}, c.theme.header);
    const std::string clock = clock_text(model.now);
    const std::string date = content::format_date_chinese(model.now) + " " +
                             content::format_weekday_chinese(model.now);
    const float clock_w = display::line_width(clock, c.metrics, 60 * c.s, Weight::Bold);
    const float date_w = display::line_width(date, c.metrics, 36 * c.s, Weight::Regular);
    const float right_w = clock_w + date_w + 24 * c.s;
    c.line(clock, 60, Weight::Bold, c.theme.header_text, {w - m - clock_w, 0, clock_w, h}, Align::End);
    c.line(date, 36, Weight::Regular, c.theme.header_text,
           {w - m - right_w, 0, date_w, h}, Align::End);
    c.line(model.board_name, c.theme.title_px, Weight::Bold, c.theme.header_text,
           {m, 0, w - 2 * m - right_w - 24 * c.s, h}, Align::Start);
    return h;
}

float highlight_band(Ctx& c, const HomeModel& model, float y, float w, int max_rows) {
    const float m = 40 * c.s;
    const float row_h = 84 * c.s;
    int rows = 0;
    for (const content::NoticeSummary& n : model.highlighted) {
        if (rows == max_rows) {
            break;
        }
        const bool emergency = n.priority == content::Priority::Emergency;
        const Rect row{0, y, w, row_h};
        c.screen.draw.fill(row, emergency ? c.theme.emergency : c.theme.pinned_band);
        const display::Color fg = emergency ? c.theme.emergency_text : c.theme.text;
        const float label_w = 120 * c.s;
        const Rect label{m, y + 14 * c.s, label_w, row_h - 28 * c.s};
        c.screen.draw.fill(label, emergency ? c.theme.emergency_text : c.theme.accent, 8 * c.s);
        c.line(emergency ? "紧急" : "置顶", 32, Weight::Bold,
               emergency ? c.theme.emergency : c.theme.header_text, label, Align::Center);
        c.line(n.title, 36, Weight::Bold, fg,
               {m + label_w + 24 * c.s, y, w - 2 * m - label_w - 24 * c.s, row_h}, Align::Start);
        c.screen.targets.push_back({row, {ActionKind::OpenNotice, n.id}, n.title});
        y += row_h;
        ++rows;
    }
    return static_cast<float>(rows) * row_h;
}

void tile(Ctx& c, const content::CategoryCount& count, Rect box) {
    c.screen.draw.fill(box, c.theme.tile_border, 20 * c.s);
    const float b = 3 * c.s;
    c.screen.draw.fill({box.x + b, box.y + b, box.w - 2 * b, box.h - 2 * b}, c.theme.tile, 18 * c.s);
    c.screen.draw.fill({box.x + 40 * c.s, box.y + b, box.w - 80 * c.s, 10 * c.s}, c.theme.accent);
    const float name_px = std::min(c.theme.tile_name_px, box.h / c.s * 0.36f);
    const std::string name(content::category_name(count.category));
    c.line(name, name_px, Weight::Bold, c.theme.text,
           {box.x, box.y + box.h * 0.14f, box.w, box.h * 0.46f}, Align::Center);
    const std::string total =
        count.live > 0 ? "共 " + std::to_string(count.live) + " 条" : "暂无公开内容";
    c.line(total, 40, Weight::Regular, c.theme.text_secondary,
           {box.x, box.y + box.h * 0.60f, box.w, box.h * 0.26f}, Align::Center);
    if (count.fresh > 0) {
        const std::string badge = "新 " + std::to_string(count.fresh);
        const float bw = display::line_width(badge, c.metrics, 32 * c.s, Weight::Bold) + 32 * c.s;
        const Rect pill{box.right() - bw - 20 * c.s, box.y + 24 * c.s, bw, 52 * c.s};
        c.screen.draw.fill(pill, c.theme.badge, 26 * c.s);
        c.line(badge, 32, Weight::Bold, c.theme.badge_text, pill, Align::Center);
    }
    c.screen.targets.push_back(
        {box, {ActionKind::OpenCategory, std::string(content::category_key(count.category))}, name});
}

void footer(Ctx& c, const HomeModel& model, Rect box) {
    const std::string updated =
        model.last_updated ? "内容更新于 " + content::format_date_chinese(*model.last_updated) + " " +
                                 clock_text(*model.last_updated)
                           : "内容更新中";
    c.line(updated, c.theme.small_px, Weight::Regular, c.theme.text_secondary, box, Align::Start);
    c.line("点击栏目查看公开内容", c.theme.small_px, Weight::Regular, c.theme.text_secondary, box,
           Align::End);
}

}  // namespace

Screen build_home(const HomeModel& model, const Theme& theme, const display::FontMetrics& metrics,
                  display::Size size) {
    Screen screen;
    screen.name = "home";
    screen.draw.clear = theme.background;
    Ctx c{theme, metrics, ui_scale(size), screen};
    const auto w = static_cast<float>(size.w);
    const auto h = static_cast<float>(size.h);
    const bool portrait = size.h > size.w;
    const float m = 40 * c.s;

    float y = header(c, model, w);
    y += highlight_band(c, model, y, w, portrait ? 3 : 2);
    const float footer_h = 80 * c.s;
    footer(c, model, {m, h - footer_h, w - 2 * m, footer_h});

    const int cols = portrait ? 2 : 3;
    const int rows = 6 / cols;
    const float gap = 32 * c.s;
    const Rect grid{m, y + gap, w - 2 * m, h - footer_h - y - gap};
    const float tile_w = (grid.w - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float tile_h = (grid.h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    for (size_t i = 0; i < model.counts.size() && i < 6; ++i) {
        const auto col = static_cast<float>(i % static_cast<size_t>(cols));
        const auto row = static_cast<float>(i / static_cast<size_t>(cols));
        tile(c, model.counts[i],
             {grid.x + col * (tile_w + gap), grid.y + row * (tile_h + gap), tile_w, tile_h});
    }
    return screen;
}

}  // namespace kiosk
