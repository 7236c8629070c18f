// A QR code of a notice's source address (libqrencode), drawn as filled squares so a resident can
// take the notice home on a phone.
#pragma once

#include <string>
#include <vector>

#include "display/draw_list.h"

namespace kiosk {

struct QrMatrix {
    int size = 0;            // modules per side, without the quiet zone
    std::vector<bool> dark;  // size * size, row by row
};

// Empty matrix (size 0) when the text cannot be encoded (for example over QR's capacity).
QrMatrix encode_qr(const std::string& text);

// Draws the code with a 4-module white quiet zone, centred in `box` with whole-pixel modules.
void draw_qr(const QrMatrix& qr, display::Rect box, display::DrawList& out);

}  // namespace kiosk
