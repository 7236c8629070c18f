// The punctuation table against the real font: half-width setting moves glyphs by position
// only, so it is right only if Noto Sans CJK SC really puts the ink of each closing mark in the
// left half of its em and of each opening mark in the right half. Also the full-width dash.
#include <doctest/doctest.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include "display/char_class.h"
#include "display/utf8.h"
#include "tests/display/real_fonts.h"
#include "tests/display/sample_notices.h"

namespace {

struct Ink {
    float left = 0;  // ink extent as fractions of the advance
    float right = 0;
    float advance = 0;  // in em
};

Ink ink_of(char32_t cp) {
    const fonts::FontSet& fonts = test_display::real_fonts();
    const fonts::GlyphSource src = fonts.resolve(cp, fonts::Weight::Regular);
    REQUIRE_FALSE(src.missing());
    const FT_Face face = fonts.face(src.face);
    REQUIRE(FT_Load_Glyph(face, src.glyph, FT_LOAD_NO_SCALE) == 0);
    const FT_Glyph_Metrics& m = face->glyph->metrics;
    const float advance = static_cast<float>(m.horiAdvance);
    return {static_cast<float>(m.horiBearingX) / advance,
            static_cast<float>(m.horiBearingX + m.width) / advance,
            advance / static_cast<float>(face->units_per_EM)};
}

}  // namespace

TEST_CASE("fonts: closing marks have their ink in the left half, opening marks in the right") {
    for (char32_t cp : display::decode_utf8("、。，．：；！？）］｝〕〉》」』】〗〙”’")) {
        CAPTURE(display::encode_utf8(std::u32string(1, cp)));
        CHECK(display::punctuation_shape(cp) == display::PunctuationShape::Closing);
        const Ink ink = ink_of(cp);
        CHECK(ink.advance == doctest::Approx(1.0));
        CHECK(ink.right <= 0.5f);
    }
    for (char32_t cp : display::decode_utf8("（［｛〔〈《「『【〖〘“‘")) {
        CAPTURE(display::encode_utf8(std::u32string(1, cp)));
        CHECK(display::punctuation_shape(cp) == display::PunctuationShape::Opening);
        const Ink ink = ink_of(cp);
        CHECK(ink.advance == doctest::Approx(1.0));
        CHECK(ink.left >= 0.5f);
    }
}

TEST_CASE("fonts: U+2014 is drawn full-width and edge to edge, so —— is one unbroken line") {
    const fonts::FontSet& fonts = test_display::real_fonts();
    for (const auto weight : {fonts::Weight::Regular, fonts::Weight::Bold}) {
        const auto dash = fonts.resolve(U'—', weight);
        const auto box = fonts.resolve(U'\u2500', weight);
        CHECK(dash.face == box.face);
        CHECK(dash.glyph == box.glyph);
        CHECK(fonts.advance(U'—', 40, weight) == doctest::Approx(40));
    }
    const Ink ink = ink_of(U'—');
    CHECK(ink.left <= 0.01f);
    CHECK(ink.right >= 0.99f);
}

TEST_CASE("fonts: every character of the sample notices has a glyph") {
    const fonts::FontSet& fonts = test_display::real_fonts();
    for (const auto& notice : test_display::sample_notices()) {
        for (char32_t cp : display::decode_utf8(notice.body)) {
            if (display::is_space(cp) || display::is_invisible(cp) || cp == U'\n') {
                continue;
            }
            CAPTURE(notice.id);
            CAPTURE(static_cast<uint32_t>(cp));
            CHECK_FALSE(fonts.resolve(cp, fonts::Weight::Regular).missing());
        }
    }
}
