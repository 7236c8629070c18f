// The kiosk application: owns the navigator, the content reader and the fonts; builds the current
// screen and paints it in a window, headless into a PNG, or along a scripted session.
#pragma once

#include <memory>
#include <string>

#include "content/board_config.h"
#include "fonts/font_set.h"
#include "kiosk/content_reader.h"
#include "kiosk/input/gesture_recognizer.h"
#include "kiosk/navigation.h"
#include "kiosk/options.h"
#include "kiosk/screens/notice_body.h"
#include "kiosk/screens/search_screen.h"
#include "kiosk/screens/theme.h"
#include "kiosk/script.h"

namespace display {
class SdlPainter;
}

namespace kiosk {

int64_t wall_clock_ms();

class App final : private SearchBackend {
public:
    App(Options options, content::BoardConfig config, std::unique_ptr<fonts::FontSet> fonts);
    ~App();

    // Renders the first frame into a PNG without any display; returns the exit code.
    int screenshot(const std::string& path);
    // Runs a scripted session headless; returns 0, or 1 naming the failed step.
    int run_script(const std::string& path);
    // Runs fullscreen or windowed until quit; returns the exit code.
    int run();

    // For tests: drive the app without SDL.
    const Screen& screen() const { return m_screen; }
    void resize(display::Size logical);
    // Each returns true when the screen was rebuilt and must be painted again.
    bool pointer(PointerEvent event);
    bool key(KeyEvent event, int64_t now_ms);
    bool tick(int64_t now_ms);
    const NavState& nav() const { return m_navigator.state(); }

private:
    void rebuild(int64_t now_ms);
    Screen build(int64_t now_ms);
    Screen build_diagnostics_screen(int64_t now_s);
    bool apply_gestures(const std::vector<Gesture>& gestures, int64_t now_ms);
    bool check_content(int64_t now_ms);
    int run_step(const ScriptStep& step, const std::string& file, display::SdlPainter*& painter);
    void advance(int64_t ms);
    // SearchBackend
    bool ime_available() override;
    std::vector<kiosk::ImeCandidate> candidates(const std::string& pinyin, size_t max) override;
    std::optional<content::search::SearchResult> search(const std::string& text, size_t offset,
                                                        size_t limit) override;

    Options m_options;
    content::BoardConfig m_config;
    std::unique_ptr<fonts::FontSet> m_fonts;
    std::unique_ptr<display::FontMetrics> m_metrics;
    ContentReader m_content;
    Theme m_theme;
    Navigator m_navigator;
    GestureRecognizer m_recognizer;
    TypesetNoticeBody m_notice_body;
    display::Size m_size{1920, 1080};
    Screen m_screen;
    int64_t m_now_ms = 0;           // scripted sessions run on this virtual clock
    int64_t m_clock_offset_ms = 0;  // --now in a window: the wall clock shifted to that time
    int64_t clock_ms() const { return wall_clock_ms() + m_clock_offset_ms; }
    int64_t m_last_content_check_ms = 0;
    int m_script_missing_glyphs = 0;
    std::unique_ptr<kiosk::PinyinIme> m_ime;  // opened on first use of the search screen
};

}  // namespace kiosk
