// PNG and JPEG header parsing for the pixel size, bounds-checked.
#include "kiosk/screens/image_size.h"

#include <cstdint>

namespace kiosk {
namespace {

uint32_t be(std::string_view b, size_t at, size_t n) {
    uint32_t v = 0;
    for (size_t i = 0; i < n; ++i) {
        v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    }
    return v;
}

std::optional<display::Size> jpeg_size(std::string_view b) {
    size_t i = 2;
    while (i + 9 < b.size()) {
        if (static_cast<unsigned char>(b[i]) != 0xFF) {
            return std::nullopt;
        }
        const auto marker = static_cast<unsigned char>(b[i + 1]);
        const uint32_t length = be(b, i + 2, 2);
        // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
            marker != 0xCC) {
            return display::Size{static_cast<int>(be(b, i + 7, 2)),
                                 static_cast<int>(be(b, i + 5, 2))};
        }
        i += 2 + length;
    }
    return std::nullopt;
}

}  // namespace

std::optional<display::Size> image_size(std::string_view b) {
    if (b.size() >= 24 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8) &&
        b.substr(12, 4) == "IHDR") {
        const display::Size s{static_cast<int>(be(b, 16, 4)), static_cast<int>(be(b, 20, 4))};
        if (s.w > 0 && s.h > 0 && s.w < 100000 && s.h < 100000) {
            return s;
        }
        return std::nullopt;
    }
    if (b.size() > 4 && static_cast<unsigned char>(b[0]) == 0xFF &&
        static_cast<unsigned char>(b[1]) == 0xD8) {
        auto s = jpeg_size(b);
        if (s && s->w > 0 && s->h > 0) {
            return s;
        }
    }
    return std::nullopt;
}

}  // namespace kiosk
