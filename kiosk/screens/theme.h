// Colours and sizes of the resident screens (适老化: large type, strong contrast, big targets).
#pragma once

#include <algorithm>
#include <vector>

#include "content/notice.h"
#include "display/geometry.h"

namespace kiosk {

using display::Color;

enum class TypeSize { Normal, Large };

// Every foreground/background pair a screen uses is listed in contrast_pairs() and checked by a
// test: at least 7:1 for body text and 4.5:1 for everything else.
struct Theme {
    Color background{250, 248, 243, 255};
    Color text{26, 26, 26, 255};
    Color text_secondary{68, 68, 68, 255};
    Color header{160, 24, 24, 255};
    Color header_text{255, 255, 255, 255};
    Color tile{255, 255, 255, 255};
    Color tile_border{200, 194, 182, 255};
    Color accent{160, 24, 24, 255};
    Color badge{190, 28, 28, 255};
    Color badge_text{255, 255, 255, 255};
    Color emergency{176, 0, 0, 255};
    Color emergency_text{255, 255, 255, 255};
    Color pinned_band{255, 243, 214, 255};
    Color button{255, 255, 255, 255};
    Color button_text{26, 26, 26, 255};
    Color button_border{120, 110, 96, 255};
    Color button_primary{160, 24, 24, 255};
    Color button_primary_text{255, 255, 255, 255};
    Color button_disabled_text{110, 110, 110, 255};
    Color pressed_overlay{0, 0, 0, 70};
    Color scrim{0, 0, 0, 150};
    Color panel{255, 255, 255, 255};
    Color link{20, 70, 160, 255};
    Color rule{200, 194, 182, 255};
    Color table_header{242, 236, 224, 255};
    // Early-warning bands (红/橙/黄/蓝预警) and their text; yellow carries dark text.
    Color alert_red{176, 0, 0, 255};
    Color alert_orange{168, 64, 0, 255};
    Color alert_yellow{255, 204, 0, 255};
    Color alert_blue{0, 71, 160, 255};
    Color alert_light_text{255, 255, 255, 255};
    Color alert_dark_text{26, 26, 26, 255};

    // Pixel sizes at 1080 px on the short side; scaled with the display, ×1.5 in large type.
    float body_px = 36;
    float small_px = 32;  // the smallest text anywhere
    float title_px = 48;
    float board_name_px = 56;
    float tile_name_px = 80;
    float button_px = 36;
    float min_target_px = 60;
};

struct ContrastPair {
    const char* what;
    Color fg;
    Color bg;
    double minimum;  // 7.0 for body text, 4.5 for everything else
};

// The band colour of an emergency's level and the text drawn on it.
struct AlertColours {
    Color band;
    Color text;
};
AlertColours alert_colours(const Theme& theme, content::AlertLevel level);

// WCAG relative-luminance contrast ratio of two opaque colours.
double contrast_ratio(Color a, Color b);
std::vector<ContrastPair> contrast_pairs(const Theme& theme);

// Sizes scale with the short side of the display (1080 px is 1.0).
inline float ui_scale(display::Size size) {
    return std::max(0.5f, static_cast<float>(std::min(size.w, size.h)) / 1080.0f);
}

inline float type_factor(TypeSize type) {
    return type == TypeSize::Large ? 1.5f : 1.0f;
}

}  // namespace kiosk
