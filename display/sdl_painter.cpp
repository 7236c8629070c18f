// SDL backend: paints a DrawList.
#include "display/sdl_painter.h"

#include <SDL_image.h>

#include <cmath>
#include <cstdio>

#include "display/char_class.h"

namespace display {
namespace {

SDL_Color sdl(Color c) {
    return SDL_Color{c.r, c.g, c.b, c.a};
}

uint32_t rgb_of(Color c) {
    return (uint32_t{c.r} << 16) | (uint32_t{c.g} << 8) | c.b;
}

}  // namespace

SdlPainter::SdlPainter(SDL_Renderer* renderer, const fonts::FontSet& fonts, AssetSource* assets,
                       AtlasLimits limits)
    : m_renderer(renderer),
      m_fonts(fonts),
      m_assets(assets),
      m_atlas(renderer, fonts, limits.page_size, limits.max_pages) {
    m_atlas.set_before_evict([this] { flush(); });
}

SdlPainter::~SdlPainter() {
    drop_images();
}

void SdlPainter::drop_images() {
    for (auto& [key, texture] : m_images) {
        if (texture) {
            SDL_DestroyTexture(texture);
        }
    }
    m_images.clear();
}

PaintStats SdlPainter::paint(const DrawList& list) {
    PaintStats stats;
    m_atlas.begin_frame();
    SDL_SetRenderDrawColor(m_renderer, list.clear.r, list.clear.g, list.clear.b, list.clear.a);
    SDL_RenderClear(m_renderer);
    for (const DrawCommand& command : list.commands) {
        if (const auto* f = std::get_if<FillCommand>(&command)) {
            flush();
            fill(*f);
        } else if (const auto* fr = std::get_if<FrameCommand>(&command)) {
            flush();
            const Rect& r = fr->rect;
            const float t = fr->thickness;
            fill({{r.x, r.y, r.w, t}, fr->color, 0});
            fill({{r.x, r.bottom() - t, r.w, t}, fr->color, 0});
            fill({{r.x, r.y, t, r.h}, fr->color, 0});
            fill({{r.right() - t, r.y, t, r.h}, fr->color, 0});
        } else if (const auto* t = std::get_if<TextCommand>(&command)) {
            text(*t, stats);  // batched with the next text; fills and images flush first
        } else if (const auto* im = std::get_if<ImageCommand>(&command)) {
            flush();
            image(*im);
        }
    }
    flush();
    return stats;
}

// Rounded rectangles as non-overlapping horizontal spans (SDL_RenderFillRectsF): exact in the
// software renderer, unlike triangle fans, whose seams left notches at the corners, and safe for
// translucent colours because no pixel is covered twice.
void SdlPainter::fill(const FillCommand& c) {
    const Rect& r = c.rect;
    const float rad = std::floor(std::min({c.radius, r.w / 2, r.h / 2}));
    SDL_SetRenderDrawBlendMode(m_renderer,
                               c.color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(m_renderer, c.color.r, c.color.g, c.color.b, c.color.a);
    if (rad < 1) {
        const SDL_FRect rect{r.x, r.y, r.w, r.h};
        SDL_RenderFillRectF(m_renderer, &rect);
        return;
    }
    std::vector<SDL_FRect> spans;
    spans.reserve(static_cast<size_t>(2 * rad + 1));
    const float y0 = std::round(r.y), y1 = std::round(r.bottom());
    for (float row = 0; row < rad; ++row) {
        // Inset of the row's span: the circle's x at the row's vertical centre.
        const float dy = rad - row - 0.5f;
        const float inset = rad - std::sqrt(std::max(0.0f, rad * rad - dy * dy));
        const float x = std::round(r.x + inset), w = std::round(r.right() - inset) - x;
        spans.push_back({x, y0 + row, w, 1});
        spans.push_back({x, y1 - row - 1, w, 1});
    }
    spans.push_back(
        {std::round(r.x), y0 + rad, std::round(r.right()) - std::round(r.x), (y1 - y0) - 2 * rad});
    SDL_RenderFillRectsF(m_renderer, spans.data(), static_cast<int>(spans.size()));
}

void SdlPainter::quad(int page, const SDL_Rect& src, float x, float y, SDL_Color color) {
    SDL_Texture* texture = m_atlas.page_texture(page);
    int tw = 0, th = 0;
    SDL_QueryTexture(texture, nullptr, nullptr, &tw, &th);
    const float u0 = static_cast<float>(src.x) / tw, v0 = static_cast<float>(src.y) / th;
    const float u1 = static_cast<float>(src.x + src.w) / tw,
                v1 = static_cast<float>(src.y + src.h) / th;
    const float x1 = x + static_cast<float>(src.w), y1 = y + static_cast<float>(src.h);
    std::vector<SDL_Vertex>& v = m_batches[page];
    const SDL_Vertex a{{x, y}, color, {u0, v0}}, b{{x1, y}, color, {u1, v0}},
        c{{x1, y1}, color, {u1, v1}}, d{{x, y1}, color, {u0, v1}};
    v.insert(v.end(), {a, b, c, a, c, d});
}

void SdlPainter::flush() {
    for (auto& [page, vertices] : m_batches) {
        if (!vertices.empty()) {
            SDL_RenderGeometry(m_renderer, m_atlas.page_texture(page), vertices.data(),
                               static_cast<int>(vertices.size()), nullptr, 0);
            vertices.clear();
        }
    }
}

void SdlPainter::text(const TextCommand& c, PaintStats& stats) {
    const int size = static_cast<int>(std::lround(c.size));
    const SDL_Color color = sdl(c.color);
    const uint32_t rgb = rgb_of(c.color);
    for (const PlacedGlyph& g : c.glyphs) {
        // Spaces take room but have no ink; ZWJ, variation selectors and the like have neither
        // (without shaping an emoji ZWJ sequence shows as its separate emoji).
        if (is_space(g.cp) || is_invisible(g.cp)) {
            continue;
        }
        ++stats.glyphs;
        const fonts::GlyphSource src = m_fonts.resolve(g.cp, c.weight);
        if (src.missing()) {
            ++stats.missing_glyphs;
            stats.missing.push_back(g.cp);
            missing_box(g.cp, c, g);
            continue;
        }
        const AtlasGlyph* glyph = m_atlas.get(src.face, src.glyph, size, rgb);
        if (!glyph || glyph->page < 0) {
            continue;
        }
        // Pixel-align pen positions so glyphs stay crisp.
        const float x = std::round(g.x) + static_cast<float>(glyph->left);
        const float y = std::round(g.y) - static_cast<float>(glyph->top);
        // The atlas holds the glyph in its colour: white vertices keep SDL on its fast blitter.
        quad(glyph->page, glyph->src, x, y, SDL_Color{255, 255, 255, color.a});
    }
}

// No font has this character: draw a box showing its code point, e.g. [2A6A5], never nothing.
void SdlPainter::missing_box(char32_t cp, const TextCommand& c, const PlacedGlyph& g) {
    const float em = c.size;
    const Rect box{g.x + em * 0.08f, g.y - em * 0.86f, em * 0.84f, em * 0.96f};
    flush();
    const float t = std::max(1.0f, em / 24);
    fill({{box.x, box.y, box.w, t}, c.color, 0});
    fill({{box.x, box.bottom() - t, box.w, t}, c.color, 0});
    fill({{box.x, box.y, t, box.h}, c.color, 0});
    fill({{box.right() - t, box.y, t, box.h}, c.color, 0});
    char hex[16];
    std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(cp));
    const std::string digits(hex);
    const size_t per_row = (digits.size() + 1) / 2;
    const float small = em * 0.30f;
    for (size_t i = 0; i < digits.size(); ++i) {
        const fonts::GlyphSource src =
            m_fonts.resolve(static_cast<char32_t>(digits[i]), fonts::Weight::Regular);
        const AtlasGlyph* glyph =
            src.missing()
                ? nullptr
                : m_atlas.get(src.face, src.glyph, static_cast<int>(small), rgb_of(c.color));
        if (!glyph || glyph->page < 0) {
            continue;
        }
        const size_t row = i / per_row, col = i % per_row;
        const float x = box.x + em * 0.12f + static_cast<float>(col) * small * 0.62f +
                        static_cast<float>(glyph->left);
        const float y = box.y + em * (row == 0 ? 0.42f : 0.82f) - static_cast<float>(glyph->top);
        quad(glyph->page, glyph->src, std::round(x), std::round(y),
             SDL_Color{255, 255, 255, c.color.a});
    }
    flush();
}

void SdlPainter::image(const ImageCommand& c) {
    auto it = m_images.find(c.asset);
    if (it == m_images.end()) {
        SDL_Texture* texture = nullptr;
        if (m_assets) {
            if (auto bytes = m_assets->asset_bytes(c.asset)) {
                SDL_RWops* rw = SDL_RWFromConstMem(bytes->data(), static_cast<int>(bytes->size()));
                if (SDL_Surface* surface = IMG_Load_RW(rw, 1)) {
                    texture = SDL_CreateTextureFromSurface(m_renderer, surface);
                    SDL_FreeSurface(surface);
                }
            }
        }
        it = m_images.emplace(c.asset, texture).first;
    }
    if (!it->second) {
        fill({c.rect, {225, 225, 225, 255}, 0});
        return;
    }
    int w = 0, h = 0;
    SDL_QueryTexture(it->second, nullptr, nullptr, &w, &h);
    const float scale =
        std::min(c.rect.w / static_cast<float>(w), c.rect.h / static_cast<float>(h));
    const SDL_FRect dst{c.rect.x + (c.rect.w - w * scale) / 2,
                        c.rect.y + (c.rect.h - h * scale) / 2, w * scale, h * scale};
    SDL_RenderCopyF(m_renderer, it->second, nullptr, &dst);
}

}  // namespace display
