// The typeset body of a notice for the notice screen: laid out and paginated once per notice,
// area and type size, so a page turn only draws.
#pragma once

#include <string>
#include <vector>

#include "display/asset_source.h"
#include "display/pagination.h"
#include "kiosk/screens/notice_screen.h"

namespace kiosk {

class TypesetNoticeBody final : public NoticeBody {
public:
    TypesetNoticeBody(const display::FontMetrics& metrics, const Theme& theme, float scale,
                      display::AssetSource* assets)
        : m_metrics(metrics), m_theme(theme), m_scale(scale), m_assets(assets) {}
    void set_scale(float scale) { m_scale = scale; }

    int paginate(const content::Notice& notice, display::Size area, TypeSize type) override;
    void draw(int page, float x, float y, display::DrawList& out) override;

private:
    const display::FontMetrics& m_metrics;
    const Theme& m_theme;
    float m_scale;
    display::AssetSource* m_assets;
    std::string m_key;  // notice hash, area, scale and type of the cached layout
    std::vector<display::Page> m_pages;
};

}  // namespace kiosk
