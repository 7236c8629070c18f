// Colours and sizes of the resident screens (适老化: large type, strong contrast, big targets).
#pragma once

#include <algorithm>

#include "display/geometry.h"

namespace kiosk {

using display::Color;

struct Theme {
    // Body text on the page background: about 16:1.
    Color background{250, 248, 243, 255};
    Color text{26, 26, 26, 255};
    Color text_secondary{68, 68, 68, 255};  // still over 7:1 on the background
    // Header: white on deep red, about 7.9:1.
    Color header{160, 24, 24, 255};
    Color header_text{255, 255, 255, 255};
    Color tile{255, 255, 255, 255};
    Color tile_border{200, 194, 182, 255};
    Color accent{160, 24, 24, 255};
    Color badge{196, 32, 32, 255};  // the "新" mark: white on this is 5.9:1
    Color badge_text{255, 255, 255, 255};
    Color emergency{176, 0, 0, 255};
    Color emergency_text{255, 255, 255, 255};
    Color pinned_band{255, 243, 214, 255};
    Color pressed{232, 224, 208, 255};

    // Pixel sizes at 1080 px on the short side; scaled by scale().
    float title_px = 56;
    float tile_name_px = 80;
    float body_px = 36;
    float small_px = 32;  // the smallest text anywhere
};

// Sizes scale with the short side of the display (1080 px is 1.0).
inline float ui_scale(display::Size size) {
    return std::max(0.5f, static_cast<float>(std::min(size.w, size.h)) / 1080.0f);
}

}  // namespace kiosk
