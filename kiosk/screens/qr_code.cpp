// QR codes through libqrencode.
#include "kiosk/screens/qr_code.h"

#include <qrencode.h>

#include <algorithm>
#include <cmath>

namespace kiosk {

QrMatrix encode_qr(const std::string& text) {
    QrMatrix out;
    if (text.empty() || text.size() > 1000) {
        return out;
    }
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) {
        return out;
    }
    out.size = code->width;
    out.dark.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
    for (size_t i = 0; i < out.dark.size(); ++i) {
        out.dark[i] = (code->data[i] & 1) != 0;
    }
    QRcode_free(code);
    return out;
}

void draw_qr(const QrMatrix& qr, display::Rect box, display::DrawList& out) {
    if (qr.size == 0) {
        return;
    }
    const int total = qr.size + 8;
    const float module = std::floor(std::min(box.w, box.h) / static_cast<float>(total));
    if (module < 1) {
        return;
    }
    const float side = module * static_cast<float>(total);
    const float x0 = std::round(box.x + (box.w - side) / 2),
                y0 = std::round(box.y + (box.h - side) / 2);
    out.fill({x0, y0, side, side}, {255, 255, 255, 255});
    for (int y = 0; y < qr.size; ++y) {
        int x = 0;
        while (x < qr.size) {
            if (!qr.dark[static_cast<size_t>(y * qr.size + x)]) {
                ++x;
                continue;
            }
            int run = x;
            while (run < qr.size && qr.dark[static_cast<size_t>(y * qr.size + run)]) {
                ++run;
            }
            out.fill(
                {x0 + static_cast<float>(x + 4) * module, y0 + static_cast<float>(y + 4) * module,
                 static_cast<float>(run - x) * module, module},
                {0, 0, 0, 255});
            x = run;
        }
    }
}

}  // namespace kiosk
