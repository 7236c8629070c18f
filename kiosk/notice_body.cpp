// Interim notice body: greedy wrapping per character until the typesetting engine lands.
#include "kiosk/notice_body.h"

#include "content/date_time.h"
#include "content/document.h"
#include "display/text_line.h"
#include "display/utf8.h"

namespace kiosk {
namespace {

struct Flow {
    const display::FontMetrics& metrics;
    display::Size area;
    std::vector<display::DrawList>& pages;
    float y = 0;

    void add_line(std::u32string_view text, float size, display::Weight weight, display::Color color, float indent) {
        const float line_h = size * 1.6f;
        if (y + line_h > static_cast<float>(area.h) && y > 0) {
            pages.emplace_back();
            y = 0;
        }
        display::TextCommand t{size, weight, color, {}};
        float x = indent;
        const float baseline = y + (line_h - (metrics.ascent(size) + metrics.descent(size))) / 2 + metrics.ascent(size);
        for (char32_t cp : text) {
            t.glyphs.push_back({cp, x, baseline});
            x += metrics.advance(cp, size, weight);
        }
        pages.back().text(std::move(t));
        y += line_h;
    }

    void paragraph(const std::string& utf8, float size, display::Weight weight, display::Color color, float indent) {
        const std::u32string text = display::decode_utf8(utf8);
        size_t start = 0;
        float width = indent;
        for (size_t i = 0; i < text.size(); ++i) {
            const float a = metrics.advance(text[i], size, weight);
            if (width + a > static_cast<float>(area.w) && i > start) {
                add_line(std::u32string_view(text).substr(start, i - start), size, weight, color, start == 0 ? indent : 0);
                start = i;
                width = 0;
            }
            width += a;
        }
        if (start < text.size()) {
            add_line(std::u32string_view(text).substr(start), size, weight, color, start == 0 ? indent : 0);
        }
        y += size * 0.8f;
    }
};

}  // namespace

int TypesetNoticeBody::paginate(const content::Notice& notice, display::Size area, TypeSize type) {
    const std::string key = notice.content_hash + notice.id + std::to_string(area.w) + "x" +
                            std::to_string(area.h) + (type == TypeSize::Large ? "L" : "N");
    if (key == m_key) {
        return static_cast<int>(m_pages.size());
    }
    m_key = key;
    m_pages.assign(1, {});
    const float body = m_theme.body_px * m_scale * type_factor(type);
    Flow flow{m_metrics, area, m_pages};
    flow.paragraph(notice.title, body * 1.3f, display::Weight::Bold, m_theme.text, 0);
    const content::Document doc = content::parse_markdown(notice.body);
    for (const content::Block& b : doc.blocks) {
        switch (b.kind) {
            case content::BlockKind::Heading:
                flow.paragraph(content::inline_text(b.content), body * 1.15f, display::Weight::Bold, m_theme.text, 0);
                break;
            case content::BlockKind::ListItem:
                flow.paragraph((b.ordered ? std::to_string(b.number) + ". " : "· ") + content::inline_text(b.content), body,
                               display::Weight::Regular, m_theme.text, body * static_cast<float>(b.level));
                break;
            case content::BlockKind::Table:
                for (const auto& row : b.rows) {
                    std::string line;
                    for (const auto& cell : row.cells) {
                        line += (line.empty() ? "" : "　｜　") + content::inline_text(cell.content);
                    }
                    flow.paragraph(line, body, row.header ? display::Weight::Bold : display::Weight::Regular, m_theme.text, 0);
                }
                break;
            case content::BlockKind::Image:
            case content::BlockKind::Rule:
                break;
            default:
                flow.paragraph(content::inline_text(b.content), body, display::Weight::Regular, m_theme.text, body * 2);
                break;
        }
    }
    return static_cast<int>(m_pages.size());
}

void TypesetNoticeBody::draw(int page, float x, float y, display::DrawList& out) {
    if (page < 0 || page >= static_cast<int>(m_pages.size())) {
        return;
    }
    for (display::DrawCommand command : m_pages[static_cast<size_t>(page)].commands) {
        if (auto* t = std::get_if<display::TextCommand>(&command)) {
            for (auto& g : t->glyphs) {
                g.x += x;
                g.y += y;
            }
        }
        out.commands.push_back(std::move(command));
    }
}

}  // namespace kiosk
