// The window loop: event-driven, sleeping while nothing changes; rotated output for sideways panels;
// the systemd watchdog is fed from here so a hung UI is restarted.
#include <SDL.h>
#include <systemd/sd-daemon.h>

#include "content/log.h"
#include "display/sdl_painter.h"
#include "kiosk/app.h"
#include "kiosk/rotation.h"
#include "kiosk/sdl_input.h"

namespace kiosk {
namespace {

constexpr int k_idle_wait_ms = 250;  // wake-ups for the clock, idle timers and content checks

struct Output {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    SDL_Texture* target = nullptr;  // logical frame when the panel is rotated
};

}  // namespace

int App::run() {
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        content::log::error(std::string("cannot start the display: ") + SDL_GetError());
        return 1;
    }
    Uint32 flags = SDL_WINDOW_SHOWN;
    display::Size physical = m_options.size.value_or(display::Size{1920, 1080});
    if (m_options.window == WindowMode::Fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_ShowCursor(SDL_DISABLE);
    }
    Output out;
    out.window = SDL_CreateWindow("社区信息公开栏", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, physical.w,
                                  physical.h, flags);
    out.renderer = out.window ? SDL_CreateRenderer(out.window, -1, SDL_RENDERER_SOFTWARE) : nullptr;
    if (!out.renderer) {
        content::log::error(std::string("cannot open the window: ") + SDL_GetError());
        SDL_Quit();
        return 1;
    }
    SDL_DisableScreenSaver();
    {
        display::SdlPainter painter(out.renderer, *m_fonts, &m_content);
        bool running = true, dirty = true;
        const int rotation = m_config.rotation;
        auto sync_size = [&] {
            SDL_GetRendererOutputSize(out.renderer, &physical.w, &physical.h);
            const display::Size logical = logical_size(physical, rotation);
            if (!(logical == m_size) || (rotation && !out.target)) {
                resize(logical);
                if (out.target) SDL_DestroyTexture(out.target);
                out.target = rotation ? SDL_CreateTexture(out.renderer, SDL_PIXELFORMAT_ARGB8888,
                                                          SDL_TEXTUREACCESS_TARGET, logical.w, logical.h)
                                      : nullptr;
            }
        };
        sync_size();
        m_now_ms = wall_clock_ms();
        check_content(m_now_ms);
        rebuild(m_now_ms);
        sd_notify(0, "READY=1\nSTATUS=showing content");
        while (running) {
            SDL_Event event;
            if (SDL_WaitEventTimeout(&event, k_idle_wait_ms)) {
                do {
                    const int64_t now = wall_clock_ms();
                    for (InputEvent& input : translate_sdl_event(event, physical)) {
                        if (std::holds_alternative<QuitEvent>(input)) {
                            running = false;
                        } else if (std::holds_alternative<ResizeEvent>(input)) {
                            sync_size();
                            rebuild(now);
                            dirty = true;
                        } else if (auto* p = std::get_if<PointerEvent>(&input)) {
                            float lx = 0, ly = 0;
                            to_logical(p->x, p->y, physical, rotation, lx, ly);
                            dirty |= pointer({p->phase, p->finger, lx, ly, now});
                        } else if (auto* k = std::get_if<KeyEvent>(&input)) {
                            if (k->key == Key::Back && m_options.window == WindowMode::Windowed &&
                                m_screen.name == "home") {
                                running = false;  // Esc on the home screen closes the demo window
                            }
                            dirty |= key(*k, now);
                        }
                    }
                } while (SDL_PollEvent(&event));
            }
            dirty |= tick(wall_clock_ms());
            if (dirty && running) {
                SDL_SetRenderTarget(out.renderer, out.target);
                painter.paint(m_screen.draw);
                if (out.target) {
                    SDL_SetRenderTarget(out.renderer, nullptr);
                    const SDL_Rect dst{(physical.w - m_size.w) / 2, (physical.h - m_size.h) / 2, m_size.w, m_size.h};
                    SDL_RenderCopyEx(out.renderer, out.target, nullptr, &dst, rotation, nullptr, SDL_FLIP_NONE);
                }
                SDL_RenderPresent(out.renderer);
                dirty = false;
            }
            sd_notify(0, "WATCHDOG=1");
        }
    }
    if (out.target) SDL_DestroyTexture(out.target);
    SDL_DestroyRenderer(out.renderer);
    SDL_DestroyWindow(out.window);
    SDL_Quit();
    return 0;
}

}  // namespace kiosk
