// SDL backend: rasterises a DrawList with an SDL_Renderer, text from the glyph atlas as
// textured quads (SDL_RenderGeometry), images decoded once with SDL2_image.
#pragma once

#include <SDL.h>

#include <map>
#include <string>
#include <vector>

#include "display/asset_source.h"
#include "display/draw_list.h"
#include "display/sdl_glyph_atlas.h"

namespace display {

struct PaintStats {
    int glyphs = 0;
    int missing_glyphs = 0;  // drawn as code-point boxes
    std::vector<char32_t> missing;
};

// Size of the glyph atlas: `max_pages` textures of `page_size`² ARGB pixels (4 × 1024² = 16 MB).
struct AtlasLimits {
    int page_size = 1024;
    int max_pages = 4;
};

class SdlPainter {
public:
    SdlPainter(SDL_Renderer* renderer, const fonts::FontSet& fonts, AssetSource* assets,
               AtlasLimits limits = {});
    ~SdlPainter();
    SdlPainter(const SdlPainter&) = delete;
    SdlPainter& operator=(const SdlPainter&) = delete;

    // Clears and draws the whole list (does not present).
    PaintStats paint(const DrawList& list);
    GlyphAtlas& atlas() { return m_atlas; }
    // Forget decoded images (after a content update).
    void drop_images();

private:
    void fill(const FillCommand& c);
    void text(const TextCommand& c, PaintStats& stats);
    void image(const ImageCommand& c);
    void missing_box(char32_t cp, const TextCommand& c, const PlacedGlyph& g);
    void quad(int page, const SDL_Rect& src, float x, float y, SDL_Color color);
    void flush();

    SDL_Renderer* m_renderer;
    const fonts::FontSet& m_fonts;
    AssetSource* m_assets;
    GlyphAtlas m_atlas;
    std::map<int, std::vector<SDL_Vertex>> m_batches;  // per atlas page
    std::map<std::string, SDL_Texture*> m_images;      // nullptr: could not decode
};

}  // namespace display
