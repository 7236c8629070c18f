// The typeset body of a notice for the notice screen, cached per notice, area and type size so
// page turns only draw.
#pragma once

#include <string>
#include <vector>

#include "display/draw_list.h"
#include "kiosk/notice_screen.h"

namespace kiosk {

class TypesetNoticeBody final : public NoticeBody {
public:
    TypesetNoticeBody(const display::FontMetrics& metrics, const Theme& theme, float scale)
        : m_metrics(metrics), m_theme(theme), m_scale(scale) {}
    void set_scale(float scale) { m_scale = scale; }

    int paginate(const content::Notice& notice, display::Size area, TypeSize type) override;
    void draw(int page, float x, float y, display::DrawList& out) override;

private:
    const display::FontMetrics& m_metrics;
    const Theme& m_theme;
    float m_scale;
    std::string m_key;  // notice hash, area and type of the cached layout
    std::vector<display::DrawList> m_pages;  // each page's commands relative to (0, 0)
};

}  // namespace kiosk
