// kiosk: the fullscreen resident-facing app. Reads content.db read-only and never aborts on input.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "content/board_config.h"
#include "content/log.h"
#include "kiosk/app.h"

namespace {

fonts::FontConfig font_config(const content::BoardConfig& c) {
    fonts::FontConfig f;
    f.regular = {c.fonts.regular, c.fonts.cjk_face_index};
    f.bold = {c.fonts.bold, c.fonts.cjk_face_index};
    f.extension_b = {c.fonts.extension_b, 0};
    f.fallback = {c.fonts.fallback, 0};
    f.emoji = {c.fonts.emoji, 0};
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    const kiosk::ParsedOptions parsed = kiosk::parse_options({argv + 1, argv + argc});
    if (!parsed.options) {
        std::cerr << "kiosk: " << parsed.error << "\n" << kiosk::usage_text();
        return 2;
    }
    kiosk::Options options = *parsed.options;
    options.started = started;
    if (options.help) {
        std::cout << kiosk::usage_text();
        return 0;
    }
    const std::string config_path =
        options.config_path.empty() ? content::k_default_config_path : options.config_path;
    content::BoardConfig config;
    if (!options.config_path.empty() || std::filesystem::exists(config_path) ||
        options.check_config) {
        const content::ConfigResult result = content::load_board_config(config_path);
        for (const content::Diagnostic& d : result.diagnostics) {
            content::log::error(content::format_diagnostic(d));
        }
        if (!result.config) {
            return options.check_config ? 1 : 2;
        }
        config = *result.config;
    } else {
        content::log::warning(config_path + " not found; using default settings");
    }
    std::string error;
    std::vector<std::string> warnings;
    auto fonts = fonts::FontSet::open(font_config(config), error, warnings);
    if (options.check_config) {
        // A configuration naming a font that is not there would make every start exit 1.
        if (!fonts) {
            std::cerr << config_path << ": [fonts]: " << error
                      << "; install the font package or correct the path in [fonts]\n";
            return 1;
        }
        std::cout << config_path << ": configuration is valid (board " << config.board_id
                  << ", fonts found)\n";
        return 0;
    }
    for (const std::string& w : warnings) {
        content::log::warning(w);
    }
    if (!fonts) {
        content::log::error(error);
        return 1;
    }
    kiosk::App app(options, config, std::move(fonts));
    if (!options.screenshot.empty()) {
        return app.screenshot(options.screenshot);
    }
    if (!options.script.empty()) {
        return app.run_script(options.script);
    }
    return app.run();
}
