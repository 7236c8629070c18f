// The kiosk application: screen dispatch, the event-driven window loop, headless screenshots.
#include "kiosk/app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <systemd/sd-daemon.h>

#include <chrono>
#include <cstdio>

#include "content/log.h"
#include "content/sha256.h"
#include "display/sdl_painter.h"
#include "kiosk/input/rotation.h"
#include "kiosk/screens/category_screen.h"
#include "kiosk/screens/home_screen.h"
#include "kiosk/screens/notice_screen.h"
#include "kiosk/screens/service_screens.h"
#include "kiosk/sdl/sdl_input.h"

namespace kiosk {
namespace {

constexpr display::Size k_default_size{1920, 1080};
constexpr int64_t k_content_check_ms = 1000;  // a committed change shows within 2 s

bool check_pin(const std::string& digits, const std::string& sha256) {
    return !sha256.empty() && content::sha256_hex(digits) == sha256;
}

NavConfig nav_config(const content::BoardConfig& c) {
    NavConfig n;
    n.idle_home_ms = int64_t{c.idle_home_seconds} * 1000;
    n.attract_ms = int64_t{c.attract_seconds} * 1000;
    n.pin_sha256 = c.pin_sha256;
    n.on_start_minute = c.on_hours.start_minute;
    n.on_end_minute = c.on_hours.end_minute;
    n.quiet_hours = c.quiet_hours;
    return n;
}

}  // namespace

int64_t wall_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

App::App(Options options, content::BoardConfig config, std::unique_ptr<fonts::FontSet> fonts)
    : m_options(std::move(options)),
      m_config(std::move(config)),
      m_fonts(std::move(fonts)),
      m_metrics(std::make_unique<display::FontSetMetrics>(*m_fonts)),
      m_content(m_options.data_dir.empty() ? m_config.data_dir : m_options.data_dir),
      m_navigator(nav_config(m_config), m_options.now_ms ? *m_options.now_ms : wall_clock_ms()),
      m_notice_body(*m_metrics, m_theme, 1.0f, &m_content) {
    m_navigator.set_pin_checker(&check_pin);
    m_now_ms = m_options.now_ms ? *m_options.now_ms : wall_clock_ms();
    m_clock_offset_ms = m_now_ms - wall_clock_ms();
    resize(logical_size(m_options.size.value_or(k_default_size), m_config.rotation));
}

App::~App() = default;

void App::resize(display::Size logical) {
    m_size = logical;
    m_recognizer.set_scale(ui_scale(logical));
    m_notice_body.set_scale(ui_scale(logical));
}

Screen App::build(int64_t now_ms) {
    const NavState& s = m_navigator.state();
    const int64_t now = now_ms / 1000;
    const display::FontMetrics& metrics = *m_metrics;
    switch (s.screen) {
        case ScreenId::Category: {
            const auto category =
                content::category_from_text(s.category).value_or(content::Category::Announcement);
            return build_category(
                category,
                [&](int offset, int limit) {
                    return m_content.category_page(category, now, offset, limit);
                },
                s, m_theme, metrics, m_size);
        }
        case ScreenId::Notice:
            if (auto notice = m_content.live_notice(s.notice_id, now)) {
                return build_notice(*notice, m_notice_body, s, m_theme, metrics, m_size);
            }
            return build_notice_missing(s, m_theme, metrics, m_size);
        case ScreenId::Attract:
            return build_attract(m_content.attract(m_config.board_name, now), s, m_theme, metrics,
                                 m_size);
        case ScreenId::PinPad:
            return build_pin_pad(s, m_theme, metrics, m_size);
        case ScreenId::Technician:
            return build_diagnostics_screen(now);
        case ScreenId::TouchTest:
            return build_touch_test(s, m_theme, metrics, m_size);
        case ScreenId::Search:
            return build_search(s, *this, m_config.hot_searches, m_theme, metrics, m_size);
        case ScreenId::Off:
            return build_off(m_size);
        case ScreenId::Home:
            break;
    }
    return build_home(
        m_content.home(m_config.board_name, now, int64_t{m_config.stale_note_hours} * 3600), s,
        m_theme, metrics, m_size);
}

Screen App::build_diagnostics_screen(int64_t now_s) {
    DiagnosticsModel d;
    d.version = KIOSK_VERSION;
    d.board_id = m_config.board_id;
    d.board_name = m_config.board_name;
    d.screen = m_options.size.value_or(m_size);
    d.rotation = m_config.rotation;
    m_content.diagnostics(d, now_s);
    return build_diagnostics(d, m_navigator.state(), m_theme, *m_metrics, m_size);
}

void App::rebuild(int64_t now_ms) {
    m_screen = build(now_ms);
}

bool App::ime_available() {
    if (!m_ime) {
        m_ime = std::make_unique<kiosk::PinyinIme>();
        if (!m_ime->open()) {
            content::log::warning("pinyin input unavailable, initials only: " + m_ime->error());
        }
        m_navigator.set_ime_available(m_ime->is_open());
    }
    return m_ime->is_open();
}

std::vector<kiosk::ImeCandidate> App::candidates(const std::string& pinyin, size_t max) {
    if (!ime_available()) {
        return {};
    }
    return m_ime->candidate_details(pinyin, max);
}

std::optional<content::search::SearchResult> App::search(const std::string& text, size_t offset,
                                                         size_t limit) {
    content::search::Searcher* searcher = m_content.searcher();
    if (!searcher) {
        return std::nullopt;
    }
    content::search::SearchRequest request;
    request.query = text;
    request.now = m_now_ms / 1000;
    request.offset = offset;
    request.limit = limit;
    try {
        return searcher->search(request);
    } catch (const std::exception& e) {
        content::log::warning(std::string("search failed: ") + e.what());
        return std::nullopt;
    }
}

bool App::apply_gestures(const std::vector<Gesture>& gestures, int64_t now_ms) {
    bool changed = false;
    for (const Gesture& g : gestures) {
        if (m_navigator.on_gesture(g, m_screen, now_ms)) {
            rebuild(now_ms);
            changed = true;
        }
    }
    return changed;
}

bool App::pointer(PointerEvent event) {
    return apply_gestures(m_recognizer.on_pointer(event), event.t_ms);
}

bool App::key(KeyEvent event, int64_t now_ms) {
    if (!m_navigator.on_key(event, m_screen, now_ms)) {
        return false;
    }
    rebuild(now_ms);
    return true;
}

bool App::check_content(int64_t now_ms) {
    if (!m_content.changed()) {
        return false;
    }
    m_navigator.on_content(m_content.facts(now_ms / 1000), now_ms);
    return true;
}

bool App::tick(int64_t now_ms) {
    bool changed = false;
    if (auto hold = m_recognizer.on_tick(now_ms)) {
        changed |= m_navigator.on_gesture(*hold, m_screen, now_ms);
    }
    changed |= m_navigator.on_tick(now_ms);
    if (now_ms - m_last_content_check_ms >= k_content_check_ms) {
        m_last_content_check_ms = now_ms;
        changed |= check_content(now_ms);
    }
    // The clock on the home screen shows minutes.
    changed |= m_screen.name == "home" && (now_ms / 60000) != (m_now_ms / 60000);
    m_now_ms = now_ms;
    if (changed || m_screen.name.empty()) {
        rebuild(now_ms);
        return true;
    }
    return false;
}

int App::screenshot(const std::string& path) {
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, m_size.w, m_size.h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surface) {
        content::log::error(std::string("cannot allocate the frame: ") + SDL_GetError());
        return 1;
    }
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    int rc = 0;
    {
        display::SdlPainter painter(renderer, *m_fonts, &m_content);
        check_content(m_now_ms);
        rebuild(m_now_ms);
        const display::PaintStats stats = painter.paint(m_screen.draw);
        SDL_RenderPresent(renderer);
        const auto first_frame = std::chrono::steady_clock::now() - m_options.started;
        char first_frame_ms[32];
        std::snprintf(first_frame_ms, sizeof first_frame_ms, "%.1f",
                      std::chrono::duration<double, std::milli>(first_frame).count());
        content::log::info(std::string("first frame in ") + first_frame_ms + " ms");
        if (IMG_SavePNG(surface, path.c_str()) != 0) {
            content::log::error("cannot write " + path + ": " + SDL_GetError());
            rc = 1;
        } else {
            content::log::info("wrote " + path + " (" + m_screen.name + ", " +
                               std::to_string(m_size.w) + "x" + std::to_string(m_size.h) + ", " +
                               std::to_string(stats.glyphs) + " glyphs, " +
                               std::to_string(stats.missing_glyphs) + " missing)");
        }
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    return rc;
}

}  // namespace kiosk
