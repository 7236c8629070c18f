// Command-line options of the kiosk executable.
#include "kiosk/options.h"

#include <charconv>

#include "content/date_time.h"

namespace kiosk {

std::optional<display::Size> parse_size(const std::string& text) {
    const size_t x = text.find('x');
    if (x == std::string::npos) {
        return std::nullopt;
    }
    display::Size size;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    auto [p1, e1] = std::from_chars(begin, begin + x, size.w);
    auto [p2, e2] = std::from_chars(begin + x + 1, end, size.h);
    if (e1 != std::errc() || e2 != std::errc() || p1 != begin + x || p2 != end || size.w < 320 ||
        size.h < 240 || size.w > 8192 || size.h > 8192) {
        return std::nullopt;
    }
    return size;
}

const char* usage_text() {
    return "usage: kiosk [--data DIR] [--config FILE] [--windowed] [--size WxH]\n"
           "             [--screenshot PATH.png] [--script FILE] [--now TIME] [--check-config]\n"
           "  --data DIR         folder holding content.db (default: data_dir from the config)\n"
           "  --config FILE      board configuration (default /etc/kiosk/kiosk.toml)\n"
           "  --windowed         a window instead of fullscreen\n"
           "  --size WxH         window or screenshot size, e.g. 1920x1080\n"
           "  --screenshot PATH  render the first frame headless to a PNG and exit\n"
           "  --script FILE      run a scripted headless session (tap, swipe, wait, screenshot)\n"
           "  --now TIME         start the clock at a fixed Beijing time (scripted sessions)\n"
           "  --check-config     check the configuration, print problems, exit\n";
}

ParsedOptions parse_options(const std::vector<std::string>& args) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) {
                return false;
            }
            out = args[++i];
            return true;
        };
        std::string size_text;
        if (a == "--help" || a == "-h") {
            o.help = true;
        } else if (a == "--windowed") {
            o.window = WindowMode::Windowed;
        } else if (a == "--check-config") {
            o.check_config = true;
        } else if (a == "--data") {
            if (!value(o.data_dir))
                return {std::nullopt, "--data needs a folder"};
        } else if (a == "--config") {
            if (!value(o.config_path))
                return {std::nullopt, "--config needs a file"};
        } else if (a == "--screenshot") {
            if (!value(o.screenshot))
                return {std::nullopt, "--screenshot needs a PNG path"};
        } else if (a == "--script") {
            if (!value(o.script))
                return {std::nullopt, "--script needs a file"};
        } else if (a == "--now") {
            std::string text;
            auto t = value(text) ? content::parse_beijing_time(text) : std::nullopt;
            if (!t)
                return {std::nullopt, "--now needs a Beijing time such as \"2026-11-27 10:00\""};
            o.now_ms = *t * 1000;
        } else if (a == "--size") {
            if (!value(size_text) || !(o.size = parse_size(size_text))) {
                return {std::nullopt, "--size needs WIDTHxHEIGHT, such as 1920x1080"};
            }
        } else {
            return {std::nullopt, "unknown option '" + a + "'"};
        }
    }
    return {o, ""};
}

}  // namespace kiosk
