// Scripted headless sessions: synthetic touches on a virtual clock, screenshots, expectations.
#include <SDL.h>
#include <SDL_image.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "content/log.h"
#include "content/file_read.h"
#include "display/sdl_painter.h"
#include "display/utf8.h"
#include "kiosk/app.h"

namespace kiosk {
namespace {

constexpr int64_t k_step_ms = 100;    // the virtual clock ticks like the real loop, only faster
constexpr int64_t k_settle_ms = 500;  // after each input, longer than the tap guard

std::string screen_text(const Screen& screen) {
    std::u32string all;
    for (const auto& command : screen.draw.commands) {
        if (const auto* t = std::get_if<display::TextCommand>(&command)) {
            for (const auto& g : t->glyphs) {
                all.push_back(g.cp);
            }
            all.push_back(U'\n');
        }
    }
    return display::encode_utf8(all);
}

long resident_kib() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) {
            resident = 0;
        }
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

}  // namespace

void App::advance(int64_t ms) {
    const int64_t end = m_now_ms + ms;
    while (m_now_ms < end) {
        tick(std::min(end, m_now_ms + k_step_ms));
    }
}

int App::run_step(const ScriptStep& step, const std::string& file, display::SdlPainter*& painter) {
    auto fail = [&](const std::string& why) {
        content::log::error(file + ":" + std::to_string(step.line) + ": " + why);
        return 1;
    };
    auto touch = [&](float x, float y, PointerPhase phase) { pointer({phase, 1, x, y, m_now_ms}); };
    switch (step.kind) {
        case StepKind::Size:
            resize(step.size);
            rebuild(m_now_ms);
            return 2;  // the caller recreates the surface
        case StepKind::TapTarget:
        case StepKind::Tap: {
            float x = step.x, y = step.y;
            if (step.kind == StepKind::TapTarget) {
                // An exact label wins over one that merely contains the text.
                auto it = std::find_if(m_screen.targets.begin(), m_screen.targets.end(),
                                       [&](const TouchTarget& t) { return t.label == step.text; });
                if (it == m_screen.targets.end()) {
                    it = std::find_if(m_screen.targets.begin(), m_screen.targets.end(),
                                      [&](const TouchTarget& t) {
                                          return t.label.find(step.text) != std::string::npos;
                                      });
                }
                if (it == m_screen.targets.end()) {
                    return fail("no target labelled '" + step.text + "' on the " + m_screen.name +
                                " screen");
                }
                x = it->rect.x + it->rect.w / 2;
                y = it->rect.y + it->rect.h / 2;
            }
            touch(x, y, PointerPhase::Down);
            advance(80);
            touch(x, y, PointerPhase::Up);
            advance(k_settle_ms);
            return 0;
        }
        case StepKind::LongPress:
            touch(step.x, step.y, PointerPhase::Down);
            advance(step.ms);
            touch(step.x, step.y, PointerPhase::Up);
            advance(k_settle_ms);
            return 0;
        case StepKind::Swipe: {
            touch(step.x, step.y, PointerPhase::Down);
            for (int i = 1; i <= 5; ++i) {
                advance(step.ms / 5);
                touch(step.x + (step.x2 - step.x) * static_cast<float>(i) / 5,
                      step.y + (step.y2 - step.y) * static_cast<float>(i) / 5, PointerPhase::Move);
            }
            touch(step.x2, step.y2, PointerPhase::Up);
            advance(k_settle_ms);
            return 0;
        }
        case StepKind::Key:
            key(step.key, m_now_ms);
            advance(k_settle_ms);
            return 0;
        case StepKind::Wait:
            advance(step.ms);
            return 0;
        case StepKind::Screenshot: {
            const display::PaintStats stats = painter->paint(m_screen.draw);
            m_script_missing_glyphs += stats.missing_glyphs;
            m_screen.missing_glyphs = stats.missing_glyphs;
            return 3;  // the caller saves the surface
        }
        case StepKind::ExpectScreen:
            return m_screen.name == step.text ? 0
                                              : fail("expected the " + step.text + " screen, the " +
                                                     m_screen.name + " screen is shown");
        case StepKind::ExpectText:
            return screen_text(m_screen).find(step.text) != std::string::npos
                       ? 0
                       : fail("the " + m_screen.name + " screen does not show '" + step.text + "'");
        case StepKind::LogMemory:
            content::log::info("memory: " + std::to_string(resident_kib()) +
                               " KiB resident after " + std::to_string(step.line) + " (" +
                               m_screen.name + ")");
            return 0;
        case StepKind::Repeat:
            return 0;  // handled by the loop in run_script
        case StepKind::ExpectNoMissingGlyphs:
            return m_script_missing_glyphs == 0
                       ? 0
                       : fail(std::to_string(m_script_missing_glyphs) + " characters had no font");
    }
    return 0;
}

int App::run_script(const std::string& path) {
    std::string text;
    try {
        text = content::read_file_capped(path, 1024 * 1024);
    } catch (const std::exception& e) {
        content::log::error(e.what());
        return 2;
    }
    const ParsedScript script = parse_script(path, text);
    for (const std::string& e : script.errors) {
        content::log::error(e);
    }
    if (!script.errors.empty()) {
        return 2;
    }
    check_content(m_now_ms);
    rebuild(m_now_ms);
    SDL_Surface* surface = nullptr;
    SDL_Renderer* renderer = nullptr;
    std::unique_ptr<display::SdlPainter> painter;
    auto make_target = [&] {
        painter.reset();
        if (renderer)
            SDL_DestroyRenderer(renderer);
        if (surface)
            SDL_FreeSurface(surface);
        surface =
            SDL_CreateRGBSurfaceWithFormat(0, m_size.w, m_size.h, 32, SDL_PIXELFORMAT_ARGB8888);
        renderer = SDL_CreateSoftwareRenderer(surface);
        painter = std::make_unique<display::SdlPainter>(renderer, *m_fonts, &m_content);
    };
    make_target();
    int rc = 0;
    std::vector<int> remaining(script.steps.size(), 0);  // repeat counters
    for (size_t i = 0; i < script.steps.size(); ++i) {
        const ScriptStep& step = script.steps[i];
        if (step.kind == StepKind::Repeat) {
            if (step.count > 0) {
                remaining[i] = step.count;
            } else if (--remaining[step.end] > 0) {
                i = step.end;  // back to the first step after `repeat`
            }
            continue;
        }
        display::SdlPainter* p = painter.get();
        const int r = run_step(step, path, p);
        if (r == 1) {
            rc = 1;
            break;
        }
        if (r == 2) {
            make_target();
        } else if (r == 3) {
            SDL_RenderPresent(renderer);
            std::filesystem::create_directories(
                std::filesystem::path(step.text).parent_path().empty()
                    ? "."
                    : std::filesystem::path(step.text).parent_path());
            if (IMG_SavePNG(surface, step.text.c_str()) != 0) {
                content::log::error("cannot write " + step.text + ": " + SDL_GetError());
                rc = 1;
                break;
            }
            content::log::info("wrote " + step.text + " (" + m_screen.name + ", " +
                               std::to_string(m_size.w) + "x" + std::to_string(m_size.h) + ", " +
                               std::to_string(m_screen.missing_glyphs) + " missing glyphs)");
        }
    }
    painter.reset();
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    return rc;
}

}  // namespace kiosk
