// The window loop: event-driven, sleeping while nothing changes; rotated output for sideways
// panels; the systemd watchdog is fed from here so a hung UI is restarted.
#include <SDL.h>
#include <systemd/sd-daemon.h>

#include <cmath>

#include "content/log.h"
#include "display/sdl_painter.h"
#include "kiosk/app.h"
#include "kiosk/input/rotation.h"
#include "kiosk/sdl/sdl_input.h"

namespace kiosk {
namespace {

constexpr int k_idle_wait_ms = 250;  // wake-ups for the clock, idle timers and content checks

constexpr int k_turn_ms = 180;  // a page turn slides for this long, then nothing moves
constexpr int k_frame_ms = 16;

// Frames are painted into logical-size textures and copied to the panel (rotated if needed), so
// a page turn can slide the previous frame out and the new one in.
struct Output {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    SDL_Texture* previous = nullptr;
    SDL_Texture* current = nullptr;
    display::Size physical;
    display::Size logical;
    int rotation = 0;

    void reset_textures() {
        for (SDL_Texture** t : {&previous, &current}) {
            if (*t)
                SDL_DestroyTexture(*t);
            *t = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                   logical.w, logical.h);
        }
    }
    // Copies the frame(s) to the panel; `offset` slides them horizontally (logical pixels).
    void present(float offset, int direction) {
        SDL_SetRenderTarget(renderer, nullptr);
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
        SDL_RenderClear(renderer);
        const SDL_Rect base{(physical.w - logical.w) / 2, (physical.h - logical.h) / 2, logical.w,
                            logical.h};
        auto copy = [&](SDL_Texture* t, float dx) {
            // dx is along the logical x axis, which the rotation turns on the panel.
            const double a = rotation * M_PI / 180.0;
            const SDL_Rect dst{base.x + static_cast<int>(dx * std::cos(a)),
                               base.y + static_cast<int>(dx * std::sin(a)), base.w, base.h};
            SDL_RenderCopyEx(renderer, t, nullptr, &dst, rotation, nullptr, SDL_FLIP_NONE);
        };
        if (offset != 0) {
            copy(previous, offset - static_cast<float>(direction * logical.w));
        }
        copy(current, offset);
        SDL_RenderPresent(renderer);
    }
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
    const display::Size physical = m_options.size.value_or(display::Size{1920, 1080});
    if (m_options.window == WindowMode::Fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_ShowCursor(SDL_DISABLE);
    }
    Output out;
    out.rotation = m_config.rotation;
    out.window = SDL_CreateWindow("社区信息公开栏", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                  physical.w, physical.h, flags);
    out.renderer =
        out.window
            ? SDL_CreateRenderer(out.window, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE)
            : nullptr;
    if (!out.renderer) {
        content::log::error(std::string("cannot open the window: ") + SDL_GetError());
        SDL_Quit();
        return 1;
    }
    SDL_DisableScreenSaver();
    {
        display::SdlPainter painter(out.renderer, *m_fonts, &m_content);
        bool running = true, dirty = true;
        auto sync_size = [&] {
            SDL_GetRendererOutputSize(out.renderer, &out.physical.w, &out.physical.h);
            const display::Size logical = logical_size(out.physical, out.rotation);
            if (!(logical == out.logical) || !out.current) {
                out.logical = logical;
                out.reset_textures();
                resize(logical);
            }
        };
        sync_size();
        m_now_ms = clock_ms();
        check_content(m_now_ms);
        rebuild(m_now_ms);
        sd_notify(0, "READY=1\nSTATUS=showing content");
        std::string shown_name;
        int shown_page = -1;
        while (running) {
            SDL_Event event;
            if (SDL_WaitEventTimeout(&event, k_idle_wait_ms)) {
                do {
                    const int64_t now = clock_ms();
                    for (InputEvent& input : translate_sdl_event(event, out.physical)) {
                        if (std::holds_alternative<QuitEvent>(input)) {
                            running = false;
                        } else if (std::holds_alternative<ResizeEvent>(input)) {
                            sync_size();
                            rebuild(now);
                            dirty = true;
                        } else if (auto* p = std::get_if<PointerEvent>(&input)) {
                            float lx = 0, ly = 0;
                            to_logical(p->x, p->y, out.physical, out.rotation, lx, ly);
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
            dirty |= tick(clock_ms());
            if (dirty && running) {
                std::swap(out.previous, out.current);
                SDL_SetRenderTarget(out.renderer, out.current);
                painter.paint(m_screen.draw);
                const int turn = m_screen.name == shown_name ? m_screen.page - shown_page : 0;
                if (turn == 1 || turn == -1) {
                    // Slide only while the page turns; then the screen is still again.
                    const Uint64 start = SDL_GetTicks64();
                    for (Uint64 t = 0; t < k_turn_ms; t = SDL_GetTicks64() - start) {
                        const float p = static_cast<float>(t) / k_turn_ms;
                        const float eased = 1 - (1 - p) * (1 - p);
                        out.present(static_cast<float>(turn * out.logical.w) * (1 - eased), turn);
                        SDL_Delay(k_frame_ms / 2);
                    }
                }
                out.present(0, 0);
                shown_name = m_screen.name;
                shown_page = m_screen.page;
                dirty = false;
            }
            sd_notify(0, "WATCHDOG=1");
        }
    }
    SDL_DestroyTexture(out.previous);
    SDL_DestroyTexture(out.current);
    SDL_DestroyRenderer(out.renderer);
    SDL_DestroyWindow(out.window);
    SDL_Quit();
    return 0;
}

}  // namespace kiosk
