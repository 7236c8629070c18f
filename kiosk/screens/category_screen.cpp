// The category screen.
#include "kiosk/screens/category_screen.h"

#include "content/date_time.h"

namespace kiosk {
namespace {

using display::Align;
using display::Rect;
using display::Weight;

struct CardMetrics {
    float height;
    float gap;
};

// Titles take up to two lines, so a card never hides the end of a title a resident looks for.
constexpr int k_title_lines = 2;

float title_line_h(const Ui& ui) {
    return ui.text_px(ui.theme.title_px * 0.9f) * 1.4f;
}

CardMetrics card_metrics(const Ui& ui) {
    const float meta = ui.text_px(ui.theme.small_px);
    return {title_line_h(ui) * k_title_lines + meta * 1.5f + ui.px(40), ui.px(20)};
}

void card(const Ui& ui, const content::NoticeSummary& n, Rect box) {
    ui.screen.draw.fill(box, ui.theme.tile_border, ui.px(16));
    const float b = ui.px(2);
    ui.screen.draw.fill({box.x + b, box.y + b, box.w - 2 * b, box.h - 2 * b}, ui.theme.tile,
                        ui.px(14));
    const float pad = ui.px(28);
    float x = box.x + pad;
    const float title_h = title_line_h(ui);
    const float top = box.y + ui.px(16);
    if (n.priority != content::Priority::Normal) {
        const bool emergency = n.priority == content::Priority::Emergency;
        const char* tag = emergency ? "紧急" : "置顶";
        const float tw =
            display::line_width(tag, ui.metrics, ui.text_px(ui.theme.small_px), Weight::Bold) +
            ui.px(24);
        const Rect pill{x, top + (title_h - ui.text_px(ui.theme.small_px) * 1.4f) / 2, tw,
                        ui.text_px(ui.theme.small_px) * 1.4f};
        ui.screen.draw.fill(pill, emergency ? ui.theme.emergency : ui.theme.accent, ui.px(8));
        ui.line(tag, ui.theme.small_px, Weight::Bold, ui.theme.header_text, pill, Align::Center);
        x += tw + ui.px(16);
    }
    const int lines =
        ui.wrapped(n.title, ui.theme.title_px * 0.9f, Weight::Bold, ui.theme.text,
                   {x, top, box.right() - pad - x - ui.px(48), title_h * k_title_lines},
                   k_title_lines, title_h);
    const float meta_y = top + title_h * static_cast<float>(std::max(1, lines));
    ui.line(
        n.department + "　　" + content::format_date_chinese(n.published_at), ui.theme.small_px,
        Weight::Regular, ui.theme.text_secondary,
        {box.x + pad, meta_y, box.w - 2 * pad - ui.px(48), ui.text_px(ui.theme.small_px) * 1.5f},
        Align::Start);
    // A chevron says "tap to read".
    ui.line("›", 64, Weight::Bold, ui.theme.text_secondary,
            {box.right() - ui.px(72), box.y, ui.px(56), box.h}, Align::Center);
    ui.screen.targets.push_back({box, {ActionKind::OpenNotice, n.id}, n.title});
}

void empty_state(const Ui& ui, Rect area) {
    ui.line("本栏目暂无公开内容", ui.theme.title_px, Weight::Bold, ui.theme.text,
            {area.x, area.y + area.h * 0.25f, area.w, ui.text_px(80)}, Align::Center);
    ui.line("新内容发布后会显示在这里，请先看看其他栏目", ui.theme.body_px, Weight::Regular,
            ui.theme.text_secondary,
            {area.x, area.y + area.h * 0.25f + ui.text_px(90), area.w, ui.text_px(60)},
            Align::Center);
    const float bw = ui.px(360), bh = ui.px(110);
    ui.button({area.x + (area.w - bw) / 2, area.y + area.h * 0.25f + ui.text_px(190), bw, bh},
              "返回首页", {ActionKind::Home, ""}, ButtonStyle::Primary);
}

}  // namespace

int cards_per_page(const Theme& theme, const display::FontMetrics& metrics, display::Size size,
                   TypeSize type) {
    Screen scratch;
    const Ui ui = make_ui(theme, metrics, size, type, scratch);
    const CardMetrics cm = card_metrics(ui);
    const float area =
        static_cast<float>(size.h) - top_bar_height(ui) - pager_height(ui) - ui.px(24);
    return std::max(1, static_cast<int>((area + cm.gap) / (cm.height + cm.gap)));
}

Screen build_category(content::Category category, const CategoryFetch& fetch, const NavState& state,
                      const Theme& theme, const display::FontMetrics& metrics, display::Size size) {
    Screen screen = blank_screen("category", theme);
    const TypeSize type = type_size(state);
    const Ui ui = make_ui(theme, metrics, size, type, screen);
    const int per_page = cards_per_page(theme, metrics, size, type);

    content::NoticePage page = fetch(state.category_page * per_page, per_page);
    screen.page_count = std::max(1, (page.total + per_page - 1) / per_page);
    screen.page = std::clamp(state.category_page, 0, screen.page_count - 1);
    if (screen.page != state.category_page) {
        page = fetch(screen.page * per_page, per_page);
    }

    const float top = top_bar(ui, content::category_name(category));
    const float bottom = static_cast<float>(size.h) - pager(ui, screen.page, screen.page_count);
    const float m = ui.px(40);
    const Rect area{m, top + ui.px(24), static_cast<float>(size.w) - 2 * m,
                    bottom - top - ui.px(24)};
    if (page.items.empty()) {
        empty_state(ui, area);
    }
    const CardMetrics cm = card_metrics(ui);
    float y = area.y;
    for (const content::NoticeSummary& n : page.items) {
        card(ui, n, {area.x, y, area.w, cm.height});
        y += cm.height + cm.gap;
    }
    overlays(ui, state);
    return screen;
}

}  // namespace kiosk
