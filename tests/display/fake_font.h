// A font whose widths can be worked out by hand: every CJK character (and full-width mark) is
// one em wide, everything else half an em. Ascent 0.8 em, descent 0.2 em.
#pragma once

#include "display/char_class.h"
#include "display/font_metrics.h"

namespace test_display {

class FakeFont final : public display::FontMetrics {
public:
    float advance(char32_t cp, float size_px, display::Weight) const override {
        return display::is_wide(cp) ? size_px : size_px / 2;
    }
    float ascent(float size_px) const override { return size_px * 0.8f; }
    float descent(float size_px) const override { return size_px * 0.2f; }
};

}  // namespace test_display
