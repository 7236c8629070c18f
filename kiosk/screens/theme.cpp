// Contrast computation for the theme's colour pairs (WCAG 2 relative luminance).
#include "kiosk/screens/theme.h"

#include <cmath>

namespace kiosk {
namespace {

double channel(uint8_t c) {
    const double v = c / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(Color c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

}  // namespace

double contrast_ratio(Color a, Color b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

AlertColours alert_colours(const Theme& t, content::AlertLevel level) {
    switch (level) {
        case content::AlertLevel::Orange:
            return {t.alert_orange, t.alert_light_text};
        case content::AlertLevel::Yellow:
            return {t.alert_yellow, t.alert_dark_text};
        case content::AlertLevel::Blue:
            return {t.alert_blue, t.alert_light_text};
        case content::AlertLevel::Red:
            break;
    }
    return {t.alert_red, t.alert_light_text};
}

std::vector<ContrastPair> contrast_pairs(const Theme& t) {
    const auto alert = [&](const char* what, content::AlertLevel level) {
        const AlertColours c = alert_colours(t, level);
        return ContrastPair{what, c.text, c.band, 4.5};
    };
    return {
        alert("红色预警 band", content::AlertLevel::Red),
        alert("橙色预警 band", content::AlertLevel::Orange),
        alert("黄色预警 band", content::AlertLevel::Yellow),
        alert("蓝色预警 band", content::AlertLevel::Blue),
        {"body text on the page", t.text, t.background, 7.0},
        {"body text on tiles and panels", t.text, t.tile, 7.0},
        {"secondary text on the page", t.text_secondary, t.background, 7.0},
        {"secondary text on tiles", t.text_secondary, t.tile, 7.0},
        {"body text on a table header", t.text, t.table_header, 7.0},
        {"title on the pinned band", t.text, t.pinned_band, 7.0},
        {"header text", t.header_text, t.header, 4.5},
        {"badge", t.badge_text, t.badge, 4.5},
        {"emergency band", t.emergency_text, t.emergency, 4.5},
        {"emergency label", t.emergency, t.emergency_text, 4.5},
        {"pinned label", t.header_text, t.accent, 4.5},
        {"button", t.button_text, t.button, 4.5},
        {"primary button", t.button_primary_text, t.button_primary, 4.5},
        {"disabled button", t.button_disabled_text, t.button, 4.5},
        {"link text", t.link, t.background, 4.5},
        {"accent text on the page", t.accent, t.background, 4.5},
    };
}

}  // namespace kiosk
