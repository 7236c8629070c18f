// SDL backend: a glyph atlas. Each glyph at each pixel size and text colour is rasterised once
// with FreeType into a shelf-packed atlas texture; pages are evicted least-recently-used when all
// are full.
//
// Glyphs are stored already coloured (the text colour in RGB, coverage in alpha) and drawn with
// white vertices. With no colour modulation SDL's software renderer blends each glyph with its
// fast ARGB8888 per-pixel-alpha blitter; modulating a white glyph by a vertex colour instead
// takes its generic blitter, which measured 3× slower for a page of text (8.6 ms against
// 2.5 ms for 500 glyphs of 40 px at 1080p). A page uses two or three colours, so the cost in
// atlas room is small.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

#include "fonts/font_set.h"

namespace display {

struct AtlasGlyph {
    int page = -1;
    SDL_Rect src{0, 0, 0, 0};  // in the page texture; empty for blank glyphs (spaces)
    int left = 0;              // bitmap offset from the pen position
    int top = 0;               // bitmap top above the baseline
    bool color = false;        // colour emoji: draw without tinting
};

struct AtlasStats {
    int pages = 0;
    int glyphs = 0;
    int64_t rasterised = 0;  // glyphs rendered by FreeType since start
    int64_t evictions = 0;
    size_t texture_bytes = 0;
};

class GlyphAtlas {
public:
    GlyphAtlas(SDL_Renderer* renderer, const fonts::FontSet& fonts, int page_size = 1024,
               int max_pages = 4);
    ~GlyphAtlas();
    GlyphAtlas(const GlyphAtlas&) = delete;
    GlyphAtlas& operator=(const GlyphAtlas&) = delete;

    // The glyph at an integral pixel size in `color` (0xRRGGBB; colour emoji ignore it),
    // rasterising on first use. nullptr if FreeType fails or the glyph is larger than a page.
    const AtlasGlyph* get(int face, uint32_t glyph, int size_px, uint32_t color);
    SDL_Texture* page_texture(int page) const { return m_pages[static_cast<size_t>(page)].texture; }

    // Called before a page is cleared, so a painter can flush quads that still use it.
    void set_before_evict(std::function<void()> callback) { m_before_evict = std::move(callback); }
    void begin_frame() { ++m_frame; }
    AtlasStats stats() const;

private:
    struct Page {
        SDL_Texture* texture = nullptr;
        int shelf_y = 0, shelf_h = 0, cursor_x = 0;
        uint64_t last_used = 0;
    };
    bool allocate(int w, int h, int& page, SDL_Rect& rect);
    bool place_in(Page& page, int w, int h, SDL_Rect& rect);
    void evict(int page);

    SDL_Renderer* m_renderer;
    const fonts::FontSet& m_fonts;
    int m_page_size;
    int m_max_pages;
    std::vector<Page> m_pages;
    struct Key {
        uint64_t glyph;  // face, size and glyph index
        uint32_t color;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        size_t operator()(const Key& k) const {
            return std::hash<uint64_t>()(k.glyph ^
                                         (static_cast<uint64_t>(k.color) * 0x9E3779B97F4A7C15ull));
        }
    };
    std::unordered_map<Key, AtlasGlyph, KeyHash> m_glyphs;
    std::function<void()> m_before_evict;
    uint64_t m_frame = 0;
    int64_t m_rasterised = 0;
    int64_t m_evictions = 0;
};

}  // namespace display
