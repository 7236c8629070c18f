// What layout needs to know about a font, so layout can run on a fake font in tests.
#pragma once

#include "fonts/font_set.h"

namespace display {

using fonts::Weight;

class FontMetrics {
public:
    virtual ~FontMetrics() = default;
    // Horizontal advance of `cp` at an em size of `size_px`.
    virtual float advance(char32_t cp, float size_px, Weight weight) const = 0;
    virtual float ascent(float size_px) const = 0;
    virtual float descent(float size_px) const = 0;
};

// The real fonts.
class FontSetMetrics final : public FontMetrics {
public:
    explicit FontSetMetrics(const fonts::FontSet& fonts) : m_fonts(fonts) {}
    float advance(char32_t cp, float size_px, Weight weight) const override {
        return m_fonts.advance(cp, size_px, weight);
    }
    float ascent(float size_px) const override { return m_fonts.ascent(size_px); }
    float descent(float size_px) const override { return m_fonts.descent(size_px); }

private:
    const fonts::FontSet& m_fonts;
};

}  // namespace display
