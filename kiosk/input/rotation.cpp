// Physical/logical coordinate conversions for rotated panels.
#include "kiosk/input/rotation.h"

namespace kiosk {

display::Size logical_size(display::Size physical, int rotation) {
    if (rotation == 90 || rotation == 270) {
        return {physical.h, physical.w};
    }
    return physical;
}

void to_logical(float px, float py, display::Size physical, int rotation, float& lx, float& ly) {
    const auto w = static_cast<float>(physical.w), h = static_cast<float>(physical.h);
    switch (rotation) {
        case 90:  // logical x runs down the panel, logical y runs right to left
            lx = py;
            ly = w - 1 - px;
            break;
        case 180:
            lx = w - 1 - px;
            ly = h - 1 - py;
            break;
        case 270:
            lx = h - 1 - py;
            ly = px;
            break;
        default:
            lx = px;
            ly = py;
            break;
    }
}

}  // namespace kiosk
