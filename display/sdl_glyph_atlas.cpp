// SDL backend: glyph atlas over FreeType bitmaps and SDL textures.
#include "display/sdl_glyph_atlas.h"

#include <algorithm>
#include <cmath>

namespace display {
namespace {

constexpr int k_padding = 1;

uint64_t key_of(int face, uint32_t glyph, int size) {
    return (static_cast<uint64_t>(face & 0xFF) << 56) |
           (static_cast<uint64_t>(size & 0xFFFF) << 32) | glyph;
}

// Converts a FreeType bitmap into ARGB8888 pixels: coverage as alpha over `color` (0xRRGGBB),
// or a colour bitmap scaled by `scale`.
std::vector<uint32_t> to_pixels(const FT_Bitmap& bm, float scale, uint32_t color, int& w, int& h) {
    std::vector<uint32_t> out;
    if (bm.pixel_mode == FT_PIXEL_MODE_BGRA) {
        w = std::max(1, static_cast<int>(std::lround(bm.width * scale)));
        h = std::max(1, static_cast<int>(std::lround(bm.rows * scale)));
        out.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
        // Box filter: average the source pixels that fall into each target pixel.
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const int x0 = static_cast<int>(x / scale),
                          x1 = std::max(x0 + 1, static_cast<int>((x + 1) / scale));
                const int y0 = static_cast<int>(y / scale),
                          y1 = std::max(y0 + 1, static_cast<int>((y + 1) / scale));
                uint32_t sum[4] = {0, 0, 0, 0};
                int n = 0;
                for (int sy = y0; sy < std::min<int>(y1, bm.rows); ++sy) {
                    for (int sx = x0; sx < std::min<int>(x1, bm.width); ++sx) {
                        const unsigned char* p = bm.buffer + sy * bm.pitch + sx * 4;
                        for (int c = 0; c < 4; ++c) {
                            sum[c] += p[c];
                        }
                        ++n;
                    }
                }
                n = std::max(n, 1);
                // Source is premultiplied BGRA; un-premultiply for SDL's straight alpha.
                const uint32_t a = sum[3] / n;
                auto chan = [&](int c) -> uint32_t {
                    return a ? std::min<uint32_t>(255, sum[c] / n * 255 / a) : 0;
                };
                out[static_cast<size_t>(y * w + x)] =
                    (a << 24) | (chan(2) << 16) | (chan(1) << 8) | chan(0);
            }
        }
        return out;
    }
    w = static_cast<int>(bm.width);
    h = static_cast<int>(bm.rows);
    out.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            uint32_t alpha = 0;
            if (bm.pixel_mode == FT_PIXEL_MODE_MONO) {
                alpha = (bm.buffer[y * bm.pitch + x / 8] & (0x80 >> (x % 8))) ? 255 : 0;
            } else {
                alpha = bm.buffer[y * bm.pitch + x];
            }
            out[static_cast<size_t>(y * w + x)] = (alpha << 24) | (color & 0x00FFFFFF);
        }
    }
    return out;
}

}  // namespace

GlyphAtlas::GlyphAtlas(SDL_Renderer* renderer, const fonts::FontSet& fonts, int page_size,
                       int max_pages)
    : m_renderer(renderer), m_fonts(fonts), m_page_size(page_size), m_max_pages(max_pages) {}

GlyphAtlas::~GlyphAtlas() {
    for (Page& page : m_pages) {
        SDL_DestroyTexture(page.texture);
    }
}

const AtlasGlyph* GlyphAtlas::get(int face, uint32_t glyph, int size_px, uint32_t color) {
    size_px = std::clamp(size_px, 1, 1024);
    const bool colour_font = m_fonts.is_color(face);
    const Key key{key_of(face, glyph, size_px), colour_font ? 0xFFFFFFu : (color & 0xFFFFFFu)};
    if (auto it = m_glyphs.find(key); it != m_glyphs.end()) {
        if (it->second.page >= 0) {
            m_pages[static_cast<size_t>(it->second.page)].last_used = m_frame;
        }
        return &it->second;
    }
    FT_Face ft = m_fonts.face(face);
    float scale = 1.0f;
    FT_Int32 flags = FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT;
    if (m_fonts.is_scalable(face)) {
        FT_Set_Pixel_Sizes(ft, 0, static_cast<FT_UInt>(size_px));
    } else {
        flags = FT_LOAD_COLOR;
        const int strike = ft->available_sizes ? ft->available_sizes[0].height : size_px;
        scale = static_cast<float>(size_px) * 1.1f / static_cast<float>(std::max(strike, 1));
    }
    if (FT_Load_Glyph(ft, glyph, flags) != 0 ||
        FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0) {
        return nullptr;
    }
    ++m_rasterised;
    const FT_GlyphSlot slot = ft->glyph;
    AtlasGlyph out;
    out.color = slot->bitmap.pixel_mode == FT_PIXEL_MODE_BGRA;
    out.left = static_cast<int>(std::lround(slot->bitmap_left * scale));
    out.top = static_cast<int>(std::lround(slot->bitmap_top * scale));
    int w = 0, h = 0;
    if (slot->bitmap.width > 0 && slot->bitmap.rows > 0) {
        std::vector<uint32_t> pixels = to_pixels(slot->bitmap, scale, key.color, w, h);
        int page = -1;
        SDL_Rect rect{};
        if (!allocate(w, h, page, rect)) {
            return nullptr;
        }
        SDL_UpdateTexture(m_pages[static_cast<size_t>(page)].texture, &rect, pixels.data(), w * 4);
        out.page = page;
        out.src = rect;
    }
    return &m_glyphs.emplace(key, out).first->second;
}

bool GlyphAtlas::place_in(Page& page, int w, int h, SDL_Rect& rect) {
    const int pw = w + k_padding, ph = h + k_padding;
    if (page.cursor_x + pw > m_page_size) {
        page.shelf_y += page.shelf_h;
        page.shelf_h = 0;
        page.cursor_x = 0;
    }
    if (page.shelf_y + ph > m_page_size || pw > m_page_size) {
        return false;
    }
    rect = {page.cursor_x, page.shelf_y, w, h};
    page.cursor_x += pw;
    page.shelf_h = std::max(page.shelf_h, ph);
    return true;
}

bool GlyphAtlas::allocate(int w, int h, int& page_index, SDL_Rect& rect) {
    for (size_t i = 0; i < m_pages.size(); ++i) {
        if (place_in(m_pages[i], w, h, rect)) {
            page_index = static_cast<int>(i);
            m_pages[i].last_used = m_frame;
            return true;
        }
    }
    if (static_cast<int>(m_pages.size()) < m_max_pages) {
        Page page;
        page.texture = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ARGB8888,
                                         SDL_TEXTUREACCESS_STATIC, m_page_size, m_page_size);
        if (!page.texture) {
            return false;
        }
        SDL_SetTextureBlendMode(page.texture, SDL_BLENDMODE_BLEND);
        m_pages.push_back(page);
    } else {
        // Evict the page used longest ago.
        auto oldest = std::min_element(
            m_pages.begin(), m_pages.end(),
            [](const Page& a, const Page& b) { return a.last_used < b.last_used; });
        evict(static_cast<int>(oldest - m_pages.begin()));
    }
    for (size_t i = 0; i < m_pages.size(); ++i) {
        if (place_in(m_pages[i], w, h, rect)) {
            page_index = static_cast<int>(i);
            m_pages[i].last_used = m_frame;
            return true;
        }
    }
    return false;
}

void GlyphAtlas::evict(int page) {
    if (m_before_evict) {
        m_before_evict();
    }
    ++m_evictions;
    for (auto it = m_glyphs.begin(); it != m_glyphs.end();) {
        it = it->second.page == page ? m_glyphs.erase(it) : std::next(it);
    }
    Page& p = m_pages[static_cast<size_t>(page)];
    p.shelf_y = p.shelf_h = p.cursor_x = 0;
}

AtlasStats GlyphAtlas::stats() const {
    AtlasStats s;
    s.pages = static_cast<int>(m_pages.size());
    s.glyphs = static_cast<int>(m_glyphs.size());
    s.rasterised = m_rasterised;
    s.evictions = m_evictions;
    s.texture_bytes =
        m_pages.size() * static_cast<size_t>(m_page_size) * static_cast<size_t>(m_page_size) * 4;
    return s;
}

}  // namespace display
