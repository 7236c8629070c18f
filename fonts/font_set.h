// The product's fonts over FreeType: Noto Sans CJK SC first, then per-character fallback by
// coverage (HanaMinB for CJK Extension B-F, WenQuanYi, Noto Color Emoji), and a visible
// code-point box when no font has the character.
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace fonts {

enum class Weight { Regular, Bold };

struct FontFile {
    std::string path;
    int face_index = 0;
};

// Where the fonts are; the defaults are Debian's package paths.
struct FontConfig {
    FontFile regular{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2};
    FontFile bold{"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2};
    FontFile extension_b{"/usr/share/fonts/truetype/hanazono/HanaMinB.ttf", 0};
    FontFile fallback{"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0};
    FontFile emoji{"/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf", 0};
};

// Which loaded face draws a character; face < 0 means no font has it (draw a code-point box).
struct GlyphSource {
    int face = -1;
    uint32_t glyph = 0;
    bool missing() const { return face < 0; }
};

class FontSet {
public:
    // Loads what it can. The regular face is required: without it `error` says why and the
    // result is null. Other faces that fail to load are skipped with a warning.
    static std::unique_ptr<FontSet> open(const FontConfig& config, std::string& error,
                                         std::vector<std::string>& warnings);
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    GlyphSource resolve(char32_t cp, Weight weight) const;
    // Advance in pixels at `size_px` (the em size). Missing glyphs advance like a CJK character.
    float advance(char32_t cp, float size_px, Weight weight) const;
    float ascent(float size_px) const;   // above the baseline, positive
    float descent(float size_px) const;  // below the baseline, positive

    FT_Face face(int index) const { return m_faces[static_cast<size_t>(index)].face; }
    bool is_color(int index) const { return m_faces[static_cast<size_t>(index)].color; }
    bool is_scalable(int index) const { return m_faces[static_cast<size_t>(index)].scalable; }
    int face_count() const { return static_cast<int>(m_faces.size()); }
    const std::string& face_path(int index) const {
        return m_faces[static_cast<size_t>(index)].path;
    }

private:
    struct Face {
        FT_Face face = nullptr;
        std::string path;
        bool color = false;
        bool scalable = true;
        Weight weight = Weight::Regular;
    };
    FontSet() = default;
    int add_face(const FontFile& file, Weight weight, std::vector<std::string>& warnings);

    FT_Library m_library = nullptr;
    std::vector<Face> m_faces;
    int m_regular = -1, m_bold = -1, m_extension_b = -1, m_fallback = -1, m_emoji = -1;
    // Caches: resolution per (cp, weight) and advance in font units per (face, glyph).
    mutable std::unordered_map<uint64_t, GlyphSource> m_resolved;
    mutable std::unordered_map<uint64_t, float> m_advance_em;
};

// Characters drawn from the emoji font in preference to the text fonts.
bool prefers_emoji(char32_t cp);

}  // namespace fonts
