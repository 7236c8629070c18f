// SDL backend: a glyph atlas. Each glyph at each pixel size is rasterised once with FreeType into
// a shelf-packed atlas texture; pages are evicted least-recently-used when all are full.
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

    // The glyph at an integral pixel size, rasterising on first use. nullptr if FreeType fails.
    const AtlasGlyph* get(int face, uint32_t glyph, int size_px);
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
    std::unordered_map<uint64_t, AtlasGlyph> m_glyphs;
    std::function<void()> m_before_evict;
    uint64_t m_frame = 0;
    int64_t m_rasterised = 0;
    int64_t m_evictions = 0;
};

}  // namespace display
