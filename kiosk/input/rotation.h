// Panels mounted sideways: the app draws upright in logical pixels and the output is rotated.
// Pure conversions between physical (panel) and logical (upright) coordinates.
#pragma once

#include "display/geometry.h"

namespace kiosk {

// Degrees clockwise the picture is turned on the way to the panel: 0, 90, 180 or 270.
display::Size logical_size(display::Size physical, int rotation);

// A touch at physical (x, y) on the panel, in logical coordinates.
// Example: rotation 90 on a 1920×1080 panel gives a 1080×1920 logical screen; the panel's top
// right corner (1919, 0) is the logical top left (0, 0).
void to_logical(float px, float py, display::Size physical, int rotation, float& lx, float& ly);

}  // namespace kiosk
