// Reads the pixel size of a PNG or JPEG from its header, so layout can reserve the right box
// without decoding the picture.
#pragma once

#include <optional>
#include <string_view>

#include "display/geometry.h"

namespace kiosk {

std::optional<display::Size> image_size(std::string_view bytes);

}  // namespace kiosk
