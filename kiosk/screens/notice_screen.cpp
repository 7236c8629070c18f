// The notice screen.
#include "kiosk/screens/notice_screen.h"

#include "content/date_time.h"
#include "kiosk/screens/qr_code.h"

namespace kiosk {
namespace {

using display::Align;
using display::Rect;
using display::Weight;

void detail(const Ui& ui, const char* label, const std::string& value, Rect& box) {
    const float label_h = ui.text_px(ui.theme.small_px) * 1.4f;
    ui.line(label, ui.theme.small_px, Weight::Bold, ui.theme.text_secondary,
            {box.x, box.y, box.w, label_h}, Align::Start);
    ui.line(value, ui.theme.small_px, Weight::Regular, ui.theme.text,
            {box.x, box.y + label_h, box.w, label_h}, Align::Start);
    box.y += 2 * label_h + ui.px(12);
}

// In the portrait band each detail takes one line: "发布单位：桂花里社区居民委员会".
void detail_line(const Ui& ui, const std::string& text, Rect& box) {
    const float h = ui.text_px(ui.theme.small_px) * 1.45f;
    ui.line(text, ui.theme.small_px, Weight::Regular, ui.theme.text, {box.x, box.y, box.w, h},
            Align::Start);
    box.y += h;
}

float band_height(const Ui& ui) {
    return 4 * ui.text_px(ui.theme.small_px) * 1.45f + ui.px(48);
}

// Publication details and the QR code, in a side panel (landscape) or a band (portrait).
void details_panel(const Ui& ui, const content::Notice& n, Rect panel) {
    ui.screen.draw.fill(panel, ui.theme.panel, ui.px(16));
    const float pad = ui.px(24);
    const Rect box{panel.x + pad, panel.y + pad, panel.w - 2 * pad, panel.h - 2 * pad};
    const bool band = panel.w > panel.h * 1.6f;
    // Encoding costs about a millisecond; a page turn redraws the same notice's code.
    static std::string cached_url;
    static QrMatrix cached_qr;
    if (n.source_url != cached_url) {
        cached_url = n.source_url;
        cached_qr = n.source_url.empty() ? QrMatrix{} : encode_qr(n.source_url);
    }
    const QrMatrix& qr = cached_qr;
    if (band) {
        const float qr_side = qr.size ? box.h : 0;
        Rect text_box{box.x, box.y, box.w - qr_side - pad, box.h};
        detail_line(ui, "发布单位：" + n.department, text_box);
        detail_line(ui, "发布日期：" + content::format_date_chinese(n.published_at), text_box);
        if (n.expires_at) {
            detail_line(ui, "有效期至：" + content::format_until_chinese(*n.expires_at), text_box);
        }
        if (qr.size) {
            detail_line(ui, "手机扫码查看原文 →", text_box);
            draw_qr(qr, {box.right() - qr_side, box.y, qr_side, qr_side}, ui.screen.draw);
        }
        return;
    }
    Rect text_box = box;
    detail(ui, "发布单位", n.department, text_box);
    detail(ui, "发布日期", content::format_date_chinese(n.published_at), text_box);
    if (n.expires_at) {
        detail(ui, "有效期至", content::format_until_chinese(*n.expires_at), text_box);
    }
    if (qr.size == 0) {
        return;
    }
    const float caption_h = ui.text_px(ui.theme.small_px) * 1.5f;
    const float qr_side = std::min(box.w, box.bottom() - caption_h - text_box.y);
    if (qr_side < ui.px(150)) {
        return;  // no room for a code a phone could read
    }
    const Rect qr_box{box.x + (box.w - qr_side) / 2, box.bottom() - caption_h - qr_side, qr_side,
                      qr_side};
    draw_qr(qr, qr_box, ui.screen.draw);
    ui.line("手机扫码查看原文", ui.theme.small_px, Weight::Regular, ui.theme.text_secondary,
            {box.x, qr_box.bottom(), box.w, caption_h}, Align::Center);
}

}  // namespace

Screen build_notice(const content::Notice& notice, NoticeBody& body, const NavState& state,
                    const Theme& theme, const display::FontMetrics& metrics, display::Size size) {
    Screen screen = blank_screen("notice", theme);
    const TypeSize type = type_size(state);
    const Ui ui = make_ui(theme, metrics, size, type, screen);
    const auto w = static_cast<float>(size.w), h = static_cast<float>(size.h);
    const float top = top_bar_height(ui);
    const float bottom = h - pager_height(ui);
    const float m = ui.px(40);
    const bool portrait = size.h > size.w;

    Rect body_area{m, top + ui.px(28), w - 2 * m, bottom - top - ui.px(56)};
    Rect panel;
    if (portrait) {
        const float band_h = band_height(ui);
        panel = {m, bottom - band_h - ui.px(20), w - 2 * m, band_h};
        body_area.h -= band_h + ui.px(20);
    } else {
        // The details grow with the type size, so the panel does too.
        const float panel_w = ui.px(400) * ui.type;
        panel = {w - m - panel_w, body_area.y, panel_w, body_area.h};
        body_area.w -= panel_w + ui.px(40);
    }

    screen.page_count = std::max(
        1, body.paginate(notice, {static_cast<int>(body_area.w), static_cast<int>(body_area.h)},
                         type));
    screen.page = std::clamp(state.notice_page, 0, screen.page_count - 1);
    body.draw(screen.page, body_area.x, body_area.y, screen.draw);

    // The chrome is drawn after the body so a body can never cover 返回 or 首页.
    top_bar(ui, std::string(content::category_name(notice.category)) + "公开");
    pager(ui, screen.page, screen.page_count);
    details_panel(ui, notice, panel);
    overlays(ui, state);
    return screen;
}

Screen build_notice_missing(const NavState& state, const Theme& theme,
                            const display::FontMetrics& metrics, display::Size size) {
    Screen screen = blank_screen("notice", theme);
    const Ui ui = make_ui(theme, metrics, size, type_size(state), screen);
    const float top = top_bar(ui, "公开内容");
    const auto w = static_cast<float>(size.w), h = static_cast<float>(size.h);
    ui.line("这条内容已更新或撤下", ui.theme.title_px, Weight::Bold, ui.theme.text,
            {0, top + (h - top) * 0.3f, w, ui.text_px(80)}, Align::Center);
    const float bw = ui.px(360), bh = ui.px(110);
    ui.button({(w - bw) / 2, top + (h - top) * 0.3f + ui.text_px(120), bw, bh}, "返回首页",
              {ActionKind::Home, ""}, ButtonStyle::Primary);
    overlays(ui, state);
    return screen;
}

}  // namespace kiosk
