// The kiosk application: sets up SDL (window or headless surface), builds screens, paints them.
#pragma once

#include <memory>
#include <string>

#include "content/board_config.h"
#include "fonts/font_set.h"
#include "kiosk/content_reader.h"
#include "kiosk/options.h"
#include "kiosk/theme.h"

namespace kiosk {

class App {
public:
    App(Options options, content::BoardConfig config, std::unique_ptr<fonts::FontSet> fonts);

    // Renders the first frame into a PNG without any display; returns the exit code.
    int screenshot(const std::string& path);
    // Runs fullscreen or windowed until quit; returns the exit code.
    int run();

private:
    Screen build(display::Size size, int64_t now);

    Options m_options;
    content::BoardConfig m_config;
    std::unique_ptr<fonts::FontSet> m_fonts;
    ContentReader m_content;
    Theme m_theme;
};

}  // namespace kiosk
