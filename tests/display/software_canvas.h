// Test fixture: draws draw lists with SDL's software renderer on an in-memory surface (no video
// driver), compares and saves the pixels.
#pragma once

#include <SDL.h>
#include <SDL_image.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "display/sdl_painter.h"

namespace test_display {

class SoftwareCanvas {
public:
    SoftwareCanvas(int width, int height)
        : m_surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888)),
          m_renderer(m_surface ? SDL_CreateSoftwareRenderer(m_surface) : nullptr) {}
    ~SoftwareCanvas() {
        if (m_renderer) {
            SDL_DestroyRenderer(m_renderer);
        }
        if (m_surface) {
            SDL_FreeSurface(m_surface);
        }
    }
    SoftwareCanvas(const SoftwareCanvas&) = delete;
    SoftwareCanvas& operator=(const SoftwareCanvas&) = delete;

    bool ok() const { return m_renderer != nullptr; }
    SDL_Renderer* renderer() const { return m_renderer; }
    SDL_Surface* surface() const { return m_surface; }
    // The pixel at (x, y) as 0xAARRGGBB (after SDL_RenderPresent or a paint).
    uint32_t pixel(int x, int y) const {
        const auto* row = static_cast<const uint8_t*>(m_surface->pixels) + y * m_surface->pitch;
        return reinterpret_cast<const uint32_t*>(row)[x];
    }
    bool save_png(const std::filesystem::path& path) const {
        return IMG_SavePNG(m_surface, path.string().c_str()) == 0;
    }

private:
    SDL_Surface* m_surface;
    SDL_Renderer* m_renderer;
};

// Per-channel difference between two same-sized ARGB8888 surfaces: how many pixels differ by
// more than `threshold` in some channel.
inline int differing_pixels(SDL_Surface* a, SDL_Surface* b, int threshold) {
    if (a->w != b->w || a->h != b->h) {
        return a->w * a->h;
    }
    int count = 0;
    for (int y = 0; y < a->h; ++y) {
        const auto* ra = reinterpret_cast<const uint32_t*>(static_cast<const uint8_t*>(a->pixels) +
                                                           y * a->pitch);
        const auto* rb = reinterpret_cast<const uint32_t*>(static_cast<const uint8_t*>(b->pixels) +
                                                           y * b->pitch);
        for (int x = 0; x < a->w; ++x) {
            for (int shift = 0; shift < 32; shift += 8) {
                const int ca = static_cast<int>((ra[x] >> shift) & 0xFF);
                const int cb = static_cast<int>((rb[x] >> shift) & 0xFF);
                if (std::abs(ca - cb) > threshold) {
                    ++count;
                    break;
                }
            }
        }
    }
    return count;
}

}  // namespace test_display
