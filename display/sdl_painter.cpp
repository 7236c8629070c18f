// SDL backend: paints a DrawList.
#include "display/sdl_painter.h"

#include <SDL_image.h>

#include <cmath>
#include <cstdio>

namespace display {
namespace {

SDL_Color sdl(Color c) { return SDL_Color{c.r, c.g, c.b, c.a}; }

void rect_vertices(std::vector<SDL_Vertex>& v, float x0, float y0, float x1, float y1, SDL_Color c) {
    const SDL_Vertex a{{x0, y0}, c, {0, 0}}, b{{x1, y0}, c, {0, 0}}, d{{x1, y1}, c, {0, 0}},
        e{{x0, y1}, c, {0, 0}};
    v.insert(v.end(), {a, b, d, a, d, e});
}

}  // namespace

SdlPainter::SdlPainter(SDL_Renderer* renderer, const fonts::FontSet& fonts, AssetSource* assets)
    : m_renderer(renderer), m_fonts(fonts), m_assets(assets), m_atlas(renderer, fonts) {
    m_atlas.set_before_evict([this] { flush(); });
}

SdlPainter::~SdlPainter() { drop_images(); }

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
            text(*t, stats);
            flush();
        } else if (const auto* im = std::get_if<ImageCommand>(&command)) {
            flush();
            image(*im);
        }
    }
    flush();
    return stats;
}

void SdlPainter::fill(const FillCommand& c) {
    const SDL_Color color = sdl(c.color);
    const Rect& r = c.rect;
    const float rad = std::min({c.radius, r.w / 2, r.h / 2});
    std::vector<SDL_Vertex> v;
    if (rad < 1) {
        rect_vertices(v, r.x, r.y, r.right(), r.bottom(), color);
    } else {
        rect_vertices(v, r.x + rad, r.y, r.right() - rad, r.bottom(), color);
        rect_vertices(v, r.x, r.y + rad, r.x + rad, r.bottom() - rad, color);
        rect_vertices(v, r.right() - rad, r.y + rad, r.right(), r.bottom() - rad, color);
        const float cx[4] = {r.x + rad, r.right() - rad, r.right() - rad, r.x + rad};
        const float cy[4] = {r.y + rad, r.y + rad, r.bottom() - rad, r.bottom() - rad};
        const int segments = 10;
        for (int corner = 0; corner < 4; ++corner) {
            const float start = static_cast<float>(M_PI) * (1.0f + 0.5f * static_cast<float>(corner));
            for (int s = 0; s < segments; ++s) {
                const float a0 = start + static_cast<float>(M_PI) / 2 * static_cast<float>(s) / segments;
                const float a1 = start + static_cast<float>(M_PI) / 2 * static_cast<float>(s + 1) / segments;
                v.push_back({{cx[corner], cy[corner]}, color, {0, 0}});
                v.push_back({{cx[corner] + rad * std::cos(a0), cy[corner] + rad * std::sin(a0)}, color, {0, 0}});
                v.push_back({{cx[corner] + rad * std::cos(a1), cy[corner] + rad * std::sin(a1)}, color, {0, 0}});
            }
        }
    }
    SDL_RenderGeometry(m_renderer, nullptr, v.data(), static_cast<int>(v.size()), nullptr, 0);
}

void SdlPainter::quad(int page, const SDL_Rect& src, float x, float y, SDL_Color color) {
    SDL_Texture* texture = m_atlas.page_texture(page);
    int tw = 0, th = 0;
    SDL_QueryTexture(texture, nullptr, nullptr, &tw, &th);
    const float u0 = static_cast<float>(src.x) / tw, v0 = static_cast<float>(src.y) / th;
    const float u1 = static_cast<float>(src.x + src.w) / tw, v1 = static_cast<float>(src.y + src.h) / th;
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
    for (const PlacedGlyph& g : c.glyphs) {
        if (g.cp == U' ' || g.cp == U'\u3000' || g.cp == U'\n') {
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
        const AtlasGlyph* glyph = m_atlas.get(src.face, src.glyph, size);
        if (!glyph || glyph->page < 0) {
            continue;
        }
        // Pixel-align pen positions so glyphs stay crisp.
        const float x = std::round(g.x) + static_cast<float>(glyph->left);
        const float y = std::round(g.y) - static_cast<float>(glyph->top);
        quad(glyph->page, glyph->src, x, y, glyph->color ? SDL_Color{255, 255, 255, color.a} : color);
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
        const fonts::GlyphSource src = m_fonts.resolve(static_cast<char32_t>(digits[i]), fonts::Weight::Regular);
        const AtlasGlyph* glyph = src.missing() ? nullptr : m_atlas.get(src.face, src.glyph, static_cast<int>(small));
        if (!glyph || glyph->page < 0) {
            continue;
        }
        const size_t row = i / per_row, col = i % per_row;
        const float x = box.x + em * 0.12f + static_cast<float>(col) * small * 0.62f + static_cast<float>(glyph->left);
        const float y = box.y + em * (row == 0 ? 0.42f : 0.82f) - static_cast<float>(glyph->top);
        quad(glyph->page, glyph->src, std::round(x), std::round(y), sdl(c.color));
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
    const float scale = std::min(c.rect.w / static_cast<float>(w), c.rect.h / static_cast<float>(h));
    const SDL_FRect dst{c.rect.x + (c.rect.w - w * scale) / 2, c.rect.y + (c.rect.h - h * scale) / 2,
                        w * scale, h * scale};
    SDL_RenderCopyF(m_renderer, it->second, nullptr, &dst);
}

}  // namespace display
