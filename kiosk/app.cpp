// The kiosk application loop and headless screenshot mode.
#include "kiosk/app.h"

#include <SDL.h>
#include <SDL_image.h>

#include <ctime>

#include "content/log.h"
#include "display/sdl_painter.h"
#include "kiosk/home_screen.h"

namespace kiosk {
namespace {

constexpr display::Size k_default_headless{1920, 1080};

int64_t wall_clock() { return static_cast<int64_t>(std::time(nullptr)); }

}  // namespace

App::App(Options options, content::BoardConfig config, std::unique_ptr<fonts::FontSet> fonts)
    : m_options(std::move(options)),
      m_config(std::move(config)),
      m_fonts(std::move(fonts)),
      m_content(m_options.data_dir.empty() ? m_config.data_dir : m_options.data_dir) {}

Screen App::build(display::Size size, int64_t now) {
    const display::FontSetMetrics metrics(*m_fonts);
    return build_home(m_content.home(m_config.board_name, now), m_theme, metrics, size);
}

int App::screenshot(const std::string& path) {
    const display::Size size = m_options.size.value_or(k_default_headless);
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, size.w, size.h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surface) {
        content::log::error(std::string("cannot allocate the frame: ") + SDL_GetError());
        return 1;
    }
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    int rc = 0;
    {
        display::SdlPainter painter(renderer, *m_fonts, &m_content);
        const Screen screen = build(size, wall_clock());
        const display::PaintStats stats = painter.paint(screen.draw);
        SDL_RenderPresent(renderer);
        if (IMG_SavePNG(surface, path.c_str()) != 0) {
            content::log::error("cannot write " + path + ": " + SDL_GetError());
            rc = 1;
        } else {
            content::log::info("wrote " + path + " (" + screen.name + ", " + std::to_string(size.w) +
                               "x" + std::to_string(size.h) + ", " + std::to_string(stats.glyphs) +
                               " glyphs, " + std::to_string(stats.missing_glyphs) + " missing)");
        }
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    return rc;
}

int App::run() {
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        content::log::error(std::string("cannot start the display: ") + SDL_GetError());
        return 1;
    }
    Uint32 flags = SDL_WINDOW_SHOWN;
    display::Size size = m_options.size.value_or(display::Size{1920, 1080});
    if (m_options.window == WindowMode::Fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_ShowCursor(SDL_DISABLE);
    }
    SDL_Window* window = SDL_CreateWindow("社区信息公开栏", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          size.w, size.h, flags);
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE) : nullptr;
    if (!renderer) {
        content::log::error(std::string("cannot open the window: ") + SDL_GetError());
        SDL_Quit();
        return 1;
    }
    {
        display::SdlPainter painter(renderer, *m_fonts, &m_content);
        bool running = true;
        bool dirty = true;
        int64_t shown_minute = -1;
        while (running) {
            SDL_Event event;
            // Sleep until an event or the next check for content changes and the clock.
            if (SDL_WaitEventTimeout(&event, 1000)) {
                do {
                    if (event.type == SDL_QUIT) {
                        running = false;
                    } else if (event.type == SDL_WINDOWEVENT) {
                        dirty = true;
                    } else if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_ESCAPE &&
                               m_options.window == WindowMode::Windowed) {
                        running = false;
                    }
                } while (SDL_PollEvent(&event));
            }
            const int64_t now = wall_clock();
            if (now / 60 != shown_minute || m_content.changed()) {
                dirty = true;
            }
            if (dirty && running) {
                int w = 0, h = 0;
                SDL_GetRendererOutputSize(renderer, &w, &h);
                painter.paint(build({w, h}, now).draw);
                SDL_RenderPresent(renderer);
                shown_minute = now / 60;
                dirty = false;
            }
        }
    }
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}

}  // namespace kiosk
