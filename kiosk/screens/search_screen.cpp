// The search screen.
#include "kiosk/screens/search_screen.h"

#include "content/date_time.h"
#include "display/utf8.h"

namespace kiosk {
namespace {

using display::Align;
using display::Rect;
using display::Weight;

constexpr const char* k_rows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr display::Color k_highlight{255, 226, 140, 255};  // a marker-pen yellow behind matches

// Draws one line of text with the byte spans highlighted: a yellow marker behind them, bold text.
void highlighted_line(const Ui& ui, const std::string& text,
                      const std::vector<content::search::TextSpan>& spans, float size_1080,
                      display::Color color, Rect box) {
    display::TextCommand line = display::place_line(text, ui.metrics, ui.text_px(size_1080),
                                                    Weight::Regular, color, box, Align::Start);
    // Map glyph index to byte offset in `text` to test membership in a span.
    std::vector<size_t> offsets;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            offsets.push_back(i);
    }
    display::TextCommand marked = line;
    marked.weight = Weight::Bold;
    marked.glyphs.clear();
    std::vector<display::PlacedGlyph> plain;
    const float px = ui.text_px(size_1080);
    for (size_t g = 0; g < line.glyphs.size(); ++g) {
        const size_t byte = g < offsets.size() ? offsets[g] : text.size();
        const bool hit = std::any_of(
            spans.begin(), spans.end(),
            [&](const content::search::TextSpan& s) { return byte >= s.begin && byte < s.end; });
        if (hit && line.glyphs[g].cp != U'…') {
            const float next =
                g + 1 < line.glyphs.size()
                    ? line.glyphs[g + 1].x
                    : line.glyphs[g].x + ui.metrics.advance(line.glyphs[g].cp, px, Weight::Regular);
            ui.screen.draw.fill({line.glyphs[g].x, box.y + (box.h - px * 1.3f) / 2,
                                 next - line.glyphs[g].x, px * 1.3f},
                                k_highlight);
            marked.glyphs.push_back(line.glyphs[g]);
        } else {
            plain.push_back(line.glyphs[g]);
        }
    }
    line.glyphs = std::move(plain);
    ui.screen.draw.text(std::move(line));
    ui.screen.draw.text(std::move(marked));
}

struct Areas {
    Rect input;  // the query box and the candidate bar
    Rect keyboard;
    Rect results;
};

Areas areas(const Ui& ui, float top) {
    const auto w = static_cast<float>(ui.size.w), h = static_cast<float>(ui.size.h);
    const float m = ui.px(32), gap = ui.px(24);
    const float input_h = ui.px(100) + ui.text_px(40) + ui.px(96) + gap;
    if (ui.size.h > ui.size.w) {
        const float kb_h = std::min(h * 0.34f, ui.px(560));
        const Rect keyboard{m, h - kb_h - m, w - 2 * m, kb_h};
        const Rect input{m, keyboard.y - input_h - gap, w - 2 * m, input_h};
        return {input, keyboard, {m, top + gap, w - 2 * m, input.y - top - 2 * gap}};
    }
    const float left_w = std::min(w * 0.52f, ui.px(1000));
    const Rect input{m, top + gap, left_w, input_h};
    return {input,
            {m, input.bottom() + gap, left_w, h - input.bottom() - gap - m},
            {m + left_w + ui.px(40), top + gap, w - left_w - ui.px(40) - 2 * m, h - top - gap - m}};
}

void query_box(const Ui& ui, const SearchState& st, SearchBackend& backend, Rect area) {
    const float box_h = ui.px(40) + ui.text_px(40);
    const Rect box{area.x, area.y, area.w, box_h};
    ui.screen.draw.fill(box, ui.theme.button_border, ui.px(12));
    ui.screen.draw.fill({box.x + ui.px(3), box.y + ui.px(3), box.w - ui.px(6), box.h - ui.px(6)},
                        ui.theme.tile, ui.px(10));
    const Rect text_box{box.x + ui.px(24), box.y, box.w - ui.px(48), box.h};
    if (st.query.empty() && st.pinyin.empty()) {
        ui.line("请在下方键盘输入要查找的内容", 36, Weight::Regular, ui.theme.text_secondary,
                text_box, Align::Start);
    } else {
        // Committed text in black, letters still being typed in the accent colour after it.
        const float qw = display::line_width(st.query, ui.metrics, ui.text_px(40), Weight::Bold);
        ui.line(st.query, 40, Weight::Bold, ui.theme.text, text_box, Align::Start);
        ui.line(
            st.pinyin, 40, Weight::Regular, ui.theme.link,
            {text_box.x + qw + ui.px(8), box.y, std::max(0.0f, text_box.w - qw - ui.px(8)), box.h},
            Align::Start);
    }
    const float bar_y = box.bottom() + ui.px(16);
    const float bar_h = ui.px(96);
    if (st.mode == KeyboardMode::Pinyin && !st.pinyin.empty()) {
        float x = area.x;
        for (const kiosk::ImeCandidate& c : backend.candidates(st.pinyin, 8)) {
            const float cw = std::max(
                ui.px(110),
                display::line_width(c.text, ui.metrics, ui.text_px(36), Weight::Bold) + ui.px(48));
            if (x + cw > area.right())
                break;
            ui.button({x, bar_y, cw, bar_h}, c.text,
                      {ActionKind::PickCandidate, std::to_string(c.letters) + ":" + c.text});
            x += cw + ui.px(12);
        }
    } else {
        const char* hint = st.mode == KeyboardMode::Initials
                               ? "输入拼音首字母即可查找，如 yb 查“医保”"
                           : st.mode == KeyboardMode::Digits ? "输入数字，如楼号、电话、日期"
                                                             : "输入拼音，再点选上方出现的汉字";
        ui.line(hint, ui.theme.small_px, Weight::Regular, ui.theme.text_secondary,
                {area.x, bar_y, area.w, bar_h}, Align::Start);
    }
}

void keyboard(const Ui& ui, const SearchState& st, bool ime, Rect area) {
    const float gap = ui.px(12);
    const int rows = 4;
    const float key_h = std::min(ui.px(110), (area.h - gap * (rows - 1)) / rows);
    auto row_y = [&](int r) { return area.y + static_cast<float>(r) * (key_h + gap); };
    if (st.mode == KeyboardMode::Digits) {
        const float key_w = (area.w - 3 * gap) / 4;
        const char* keys = "123456789";
        for (int i = 0; i < 9; ++i) {
            const std::string d(1, keys[i]);
            ui.button(
                {area.x + static_cast<float>(i % 3) * (key_w + gap), row_y(i / 3), key_w, key_h}, d,
                {ActionKind::TypeDigit, d});
        }
        ui.button({area.x + 3 * (key_w + gap), row_y(0), key_w, key_h}, "0",
                  {ActionKind::TypeDigit, "0"});
        ui.button({area.x + 3 * (key_w + gap), row_y(1), key_w, key_h}, "删除",
                  {ActionKind::SearchErase, ""});
        ui.button({area.x + 3 * (key_w + gap), row_y(2), key_w, key_h}, "清除",
                  {ActionKind::SearchClear, ""});
    } else {
        const float key_w = (area.w - 9 * gap) / 10;
        for (int r = 0; r < 3; ++r) {
            const std::string row = k_rows[r];
            const float indent = static_cast<float>(10 - row.size()) * (key_w + gap) / 2;
            for (size_t i = 0; i < row.size(); ++i) {
                const std::string letter(1, row[i]);
                std::string label(1, static_cast<char>(row[i] - 'a' + 'A'));
                ui.button({area.x + indent + static_cast<float>(i) * (key_w + gap), row_y(r), key_w,
                           key_h},
                          label, {ActionKind::TypeLetter, letter});
            }
        }
        ui.button({area.x, row_y(2), key_w * 1.5f, key_h}, "删除", {ActionKind::SearchErase, ""});
        ui.button({area.right() - key_w * 1.5f, row_y(2), key_w * 1.5f, key_h}, "清除",
                  {ActionKind::SearchClear, ""});
    }
    // Mode tabs on the last row; the active one is filled.
    const struct {
        const char* label;
        const char* mode;
        KeyboardMode value;
    } tabs[] = {{"拼音", "pinyin", KeyboardMode::Pinyin},
                {"首字母", "initials", KeyboardMode::Initials},
                {"数字", "digits", KeyboardMode::Digits}};
    const float tab_w = (area.w - 2 * gap) / 3;
    for (int i = 0; i < 3; ++i) {
        if (tabs[i].value == KeyboardMode::Pinyin && !ime)
            continue;  // no dictionary: initials only
        ui.button({area.x + static_cast<float>(i) * (tab_w + gap), row_y(3), tab_w, key_h},
                  tabs[i].label, {ActionKind::SearchMode, tabs[i].mode},
                  st.mode == tabs[i].value ? ButtonStyle::Primary : ButtonStyle::Normal);
    }
}

void hot_searches_panel(const Ui& ui, const std::vector<std::string>& hot, float y, Rect area) {
    ui.line("大家常搜：", ui.theme.body_px, Weight::Bold, ui.theme.text,
            {area.x, y, area.w, ui.text_px(60)}, Align::Start);
    y += ui.text_px(70);
    float x = area.x;
    for (const std::string& words : hot) {
        const float cw =
            display::line_width(words, ui.metrics, ui.text_px(36), Weight::Bold) + ui.px(56);
        if (x + cw > area.right()) {
            x = area.x;
            y += ui.px(120);
        }
        if (y + ui.px(100) > area.bottom())
            break;
        ui.button({x, y, cw, ui.px(100)}, words, {ActionKind::HotSearch, words});
        x += cw + ui.px(20);
    }
}

void hit_card(const Ui& ui, const content::search::SearchHit& hit, Rect box) {
    ui.screen.draw.fill(box, ui.theme.tile_border, ui.px(14));
    ui.screen.draw.fill({box.x + ui.px(2), box.y + ui.px(2), box.w - ui.px(4), box.h - ui.px(4)},
                        ui.theme.tile, ui.px(12));
    const float pad = ui.px(20);
    const float line_h = box.h / 3;
    highlighted_line(ui, hit.title, hit.title_spans, 38, ui.theme.text,
                     {box.x + pad, box.y + ui.px(6), box.w - 2 * pad, line_h});
    ui.line(std::string(content::category_name(hit.category)) + "　" +
                content::format_date_chinese(hit.published_at),
            ui.theme.small_px, Weight::Regular, ui.theme.text_secondary,
            {box.x + pad, box.y + line_h, box.w - 2 * pad, line_h}, Align::Start);
    highlighted_line(ui, hit.excerpt, hit.excerpt_spans, ui.theme.small_px, ui.theme.text,
                     {box.x + pad, box.y + 2 * line_h - ui.px(6), box.w - 2 * pad, line_h});
    ui.screen.targets.push_back({box, {ActionKind::OpenNotice, hit.id}, hit.title});
}

void results(const Ui& ui, const NavState& state, SearchBackend& backend,
             const std::vector<std::string>& hot, Rect area) {
    const std::string text = search_text(state.search, backend);
    if (text.empty()) {
        hot_searches_panel(ui, hot, area.y, area);
        return;
    }
    const float card_h = 3 * ui.text_px(38) * 1.25f + ui.px(12);
    const float header_h = ui.text_px(60);
    const float pager_h = ui.px(110);
    const int per_page =
        std::max(1, static_cast<int>((area.h - header_h - pager_h) / (card_h + ui.px(16))));
    const auto result = backend.search(text, static_cast<size_t>(state.search.page * per_page),
                                       static_cast<size_t>(per_page));
    if (!result) {
        ui.line("搜索暂不可用，内容更新完成后即可使用", ui.theme.body_px, Weight::Bold,
                ui.theme.text, {area.x, area.y, area.w, header_h}, Align::Start);
        return;
    }
    if (result->total == 0) {
        ui.line("没有找到与“" + text + "”相关的内容", ui.theme.body_px, Weight::Bold, ui.theme.text,
                {area.x, area.y, area.w, header_h}, Align::Start);
        ui.line("可以试试：少输几个字，换个说法，或用拼音首字母（如 yb）", ui.theme.small_px,
                Weight::Regular, ui.theme.text_secondary,
                {area.x, area.y + header_h, area.w, header_h}, Align::Start);
        hot_searches_panel(ui, hot, area.y + 2 * header_h + ui.px(20), area);
        return;
    }
    ui.line("找到 " + std::to_string(result->total) + " 条", ui.theme.body_px, Weight::Bold,
            ui.theme.text, {area.x, area.y, area.w, header_h}, Align::Start);
    float y = area.y + header_h;
    for (const content::search::SearchHit& hit : result->hits) {
        hit_card(ui, hit, {area.x, y, area.w, card_h});
        y += card_h + ui.px(16);
    }
    const int pages = static_cast<int>((result->total + static_cast<size_t>(per_page) - 1) /
                                       static_cast<size_t>(per_page));
    if (pages > 1) {
        const float bw = ui.px(240), by = area.bottom() - ui.px(100);
        ui.button({area.x, by, bw, ui.px(100)}, "上一页", {ActionKind::PagePrev, ""},
                  state.search.page > 0 ? ButtonStyle::Normal : ButtonStyle::Disabled);
        ui.button({area.right() - bw, by, bw, ui.px(100)}, "下一页", {ActionKind::PageNext, ""},
                  state.search.page + 1 < pages ? ButtonStyle::Primary : ButtonStyle::Disabled);
        ui.line(
            "第 " + std::to_string(state.search.page + 1) + " / " + std::to_string(pages) + " 页",
            ui.theme.small_px, Weight::Bold, ui.theme.text,
            {area.x + bw, by, area.w - 2 * bw, ui.px(100)}, Align::Center);
    }
    ui.screen.page = state.search.page;
    ui.screen.page_count = std::max(1, pages);
}

}  // namespace

std::string search_text(const SearchState& state, SearchBackend& /*backend*/) {
    // Letters still being typed are searched as pinyin by the index itself ("yb" and "yibao" both
    // find 医保), which follows what the notices say better than the input method's first guess
    // (its best sentence for "yb" is 一般). Once characters are chosen, they are searched.
    if (state.pinyin.empty() || !state.query.empty()) {
        return state.query;
    }
    return state.pinyin;
}

Screen build_search(const NavState& state, SearchBackend& backend,
                    const std::vector<std::string>& hot_searches, const Theme& theme,
                    const display::FontMetrics& metrics, display::Size size) {
    Screen screen = blank_screen("search", theme);
    // The keyboard keeps its size in large type (keys are already large); results follow it.
    const Ui ui = make_ui(theme, metrics, size, type_size(state), screen);
    const float top = top_bar(ui, "查找公开内容");
    const Areas a = areas(ui, top);
    const bool ime = backend.ime_available();
    SearchState st = state.search;
    if (!ime && st.mode == KeyboardMode::Pinyin) {
        st.mode = KeyboardMode::Initials;
    }
    query_box(ui, st, backend, a.input);
    keyboard(ui, st, ime, a.keyboard);
    NavState shown = state;
    shown.search = st;
    results(ui, shown, backend, hot_searches, a.results);
    overlays(ui, state);
    return screen;
}

}  // namespace kiosk
