// The notice body through the typesetting engine (display::layout_document, paginate).
#include "kiosk/screens/notice_body.h"

#include "content/document.h"
#include "display/document_layout.h"
#include "kiosk/screens/document_adapter.h"

namespace kiosk {

int TypesetNoticeBody::paginate(const content::Notice& notice, display::Size area, TypeSize type) {
    const std::string key = notice.id + "/" + notice.content_hash + "/" + std::to_string(area.w) +
                            "x" + std::to_string(area.h) + "/" + std::to_string(m_scale) +
                            (type == TypeSize::Large ? "L" : "N");
    if (key == m_key) {
        return static_cast<int>(m_pages.size());
    }
    display::LayoutStyle style =
        display::notice_style(m_theme.body_px * m_scale * type_factor(type));
    style.text = m_theme.text;
    style.heading = m_theme.text;
    style.max_image_height = static_cast<float>(area.h) * 0.8f;
    const auto blocks =
        notice_blocks(notice, content::parse_markdown(notice.body), [&](const std::string& sha) {
            return m_assets ? m_assets->asset_bytes(sha) : std::nullopt;
        });
    m_pages = display::paginate(
        display::layout_document(blocks, m_metrics, style, static_cast<float>(area.w)),
        static_cast<float>(area.h));
    m_key = key;
    return static_cast<int>(m_pages.size());
}

void TypesetNoticeBody::draw(int page, float x, float y, display::DrawList& out) {
    if (page >= 0 && page < static_cast<int>(m_pages.size())) {
        display::draw_page(m_pages[static_cast<size_t>(page)], x, y, out);
    }
}

}  // namespace kiosk
