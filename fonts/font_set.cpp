// Font loading and per-character fallback over FreeType.
#include "fonts/font_set.h"

#include <array>

#include FT_ADVANCES_H

namespace fonts {

bool prefers_emoji(char32_t cp) {
    return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x1F000 && cp <= 0x1F2FF) ||
           (cp >= 0x2600 && cp <= 0x27BF && cp != 0x2605 && cp != 0x2606);
}

std::unique_ptr<FontSet> FontSet::open(const FontConfig& config, std::string& error,
                                       std::vector<std::string>& warnings) {
    std::unique_ptr<FontSet> set(new FontSet());
    if (FT_Init_FreeType(&set->m_library) != 0) {
        error = "FreeType failed to initialise";
        return nullptr;
    }
    set->m_regular = set->add_face(config.regular, Weight::Regular, warnings);
    if (set->m_regular < 0) {
        error = "cannot load the main font " + config.regular.path +
                " (install fonts-noto-cjk or set [fonts] regular in kiosk.toml)";
        return nullptr;
    }
    set->m_bold = set->add_face(config.bold, Weight::Bold, warnings);
    set->m_extension_b = set->add_face(config.extension_b, Weight::Regular, warnings);
    set->m_fallback = set->add_face(config.fallback, Weight::Regular, warnings);
    set->m_emoji = set->add_face(config.emoji, Weight::Regular, warnings);
    return set;
}

FontSet::~FontSet() {
    for (Face& f : m_faces) {
        FT_Done_Face(f.face);
    }
    if (m_library) {
        FT_Done_FreeType(m_library);
    }
}

int FontSet::add_face(const FontFile& file, Weight weight, std::vector<std::string>& warnings) {
    if (file.path.empty()) {
        return -1;
    }
    FT_Face face = nullptr;
    if (FT_New_Face(m_library, file.path.c_str(), file.face_index, &face) != 0) {
        warnings.push_back("cannot load font " + file.path + " (face " +
                           std::to_string(file.face_index) + "); characters it covers fall back");
        return -1;
    }
    Face f;
    f.face = face;
    f.path = file.path;
    f.scalable = FT_IS_SCALABLE(face);
    f.color = FT_HAS_COLOR(face);
    f.weight = weight;
    if (!f.scalable && face->num_fixed_sizes > 0) {
        FT_Select_Size(face, 0);
    }
    m_faces.push_back(f);
    return static_cast<int>(m_faces.size()) - 1;
}

// U+2014 in Chinese text is half of the dash —— (破折号) or the connector 一字线 (1—24幢), both
// set full-width and centred on the em box (GB/T 15834-2011 §4.10, §4.13). Noto Sans CJK SC maps
// U+2014 to a proportional Latin dash (0.89 em, low on the x-height), so "——" showed a gap and
// sat low; its full-width form is only reachable through OpenType features, which need
// shaping. The box-drawing line U+2500 of the same font has exactly that form (1 em wide, ink
// edge to edge, centred, the same stroke), so the CJK faces draw U+2014 with it.
GlyphSource FontSet::resolve(char32_t cp, Weight weight) const {
    const uint64_t key = (static_cast<uint64_t>(cp) << 1) | (weight == Weight::Bold ? 1 : 0);
    if (auto it = m_resolved.find(key); it != m_resolved.end()) {
        return it->second;
    }
    const int primary = weight == Weight::Bold && m_bold >= 0 ? m_bold : m_regular;
    std::array<int, 5> order{primary, m_regular, m_extension_b, m_fallback, m_emoji};
    if (prefers_emoji(cp)) {
        order = {m_emoji, primary, m_regular, m_extension_b, m_fallback};
    }
    GlyphSource found;
    for (int index : order) {
        if (index < 0) {
            continue;
        }
        const FT_Face face = m_faces[static_cast<size_t>(index)].face;
        if (const FT_UInt dash = cp == 0x2014 && (index == m_regular || index == m_bold)
                                     ? FT_Get_Char_Index(face, 0x2500)
                                     : 0) {
            found = {index, dash};
            break;
        }
        if (const FT_UInt glyph = FT_Get_Char_Index(face, cp)) {
            found = {index, glyph};
            break;
        }
    }
    m_resolved.emplace(key, found);
    return found;
}

float FontSet::advance(char32_t cp, float size_px, Weight weight) const {
    const GlyphSource src = resolve(cp, weight);
    if (src.missing()) {
        return size_px;
    }
    const Face& f = m_faces[static_cast<size_t>(src.face)];
    if (!f.scalable) {
        return size_px * 1.2f;  // colour emoji: a little wider than a CJK character
    }
    const uint64_t key = (static_cast<uint64_t>(src.face) << 32) | src.glyph;
    auto it = m_advance_em.find(key);
    if (it == m_advance_em.end()) {
        FT_Fixed units = 0;
        FT_Get_Advance(f.face, src.glyph, FT_LOAD_NO_SCALE, &units);
        const float em = static_cast<float>(units) / static_cast<float>(f.face->units_per_EM);
        it = m_advance_em.emplace(key, em).first;
    }
    return it->second * size_px;
}

float FontSet::ascent(float size_px) const {
    const FT_Face f = m_faces[static_cast<size_t>(m_regular)].face;
    return static_cast<float>(f->ascender) * size_px / static_cast<float>(f->units_per_EM);
}

float FontSet::descent(float size_px) const {
    const FT_Face f = m_faces[static_cast<size_t>(m_regular)].face;
    return static_cast<float>(-f->descender) * size_px / static_cast<float>(f->units_per_EM);
}

}  // namespace fonts
