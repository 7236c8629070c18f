// Command-line options of the kiosk executable.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "display/geometry.h"

namespace kiosk {

enum class WindowMode { Fullscreen, Windowed };

struct Options {
    std::string data_dir;     // empty: the data_dir from the configuration
    std::string config_path;  // empty: /etc/kiosk/kiosk.toml
    WindowMode window = WindowMode::Fullscreen;
    std::optional<display::Size> size;
    std::string screenshot;         // render one frame headless to this PNG and exit
    std::string script;             // run a scripted headless session
    std::optional<int64_t> now_ms;  // --now: a fixed start time for scripted sessions
    bool check_config = false;
    bool help = false;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

struct ParsedOptions {
    std::optional<Options> options;
    std::string error;  // what was wrong, when options is empty
};

ParsedOptions parse_options(const std::vector<std::string>& args);
std::optional<display::Size> parse_size(const std::string& text);
const char* usage_text();

}  // namespace kiosk
