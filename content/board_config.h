// The board's configuration (/etc/kiosk/kiosk.toml), shared by the kiosk and kiosk-syncd.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/diagnostic.h"

namespace content {

inline constexpr const char* k_default_config_path = "/etc/kiosk/kiosk.toml";

struct FontPaths {
    std::string regular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    std::string bold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    int cjk_face_index = 2;  // the SC face inside the Noto CJK collections
    std::string emoji = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
    std::string extension_b = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";
    std::string fallback = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
};

// Hours during which the screen is lit, in minutes after midnight (Beijing time). The period
// runs from `start_minute` inclusive to `end_minute` exclusive; when end < start it runs past
// midnight ("22:00-06:00"). "00:00-24:00" is always on.
struct OnHours {
    int start_minute = 0;
    int end_minute = 24 * 60;

    bool always() const { return start_minute == 0 && end_minute == 24 * 60; }
    // True when the screen should be lit at `minute_of_day` (0..1439).
    bool contains(int minute_of_day) const {
        if (start_minute <= end_minute) {
            return minute_of_day >= start_minute && minute_of_day < end_minute;
        }
        return minute_of_day >= start_minute || minute_of_day < end_minute;
    }
};

// Parses "HH:MM-HH:MM" (24-hour clock, end may be 24:00); nullopt when malformed or empty.
std::optional<OnHours> parse_on_hours(const std::string& text);

struct BoardConfig {
    std::string board_id = "board";
    std::string board_name = "社区信息公开栏";
    std::string data_dir = "/var/lib/kiosk";

    // Display.
    int rotation = 0;  // 0, 90, 180, 270 degrees clockwise
    int width = 0;     // 0: the display's own size
    int height = 0;
    OnHours on_hours;  // [display] on_hours; absent: always on

    // Resident experience.
    int idle_home_seconds = 90;
    int attract_seconds = 300;
    // Hours the sources may offer only expired content before the home screen says so.
    int stale_note_hours = 24;
    std::string pin_sha256;  // sha256 of the technician PIN; empty disables the menu
    std::vector<std::string> hot_searches;

    // Sync.
    std::vector<std::string> sources;       // in order of preference
    std::vector<std::string> trusted_keys;  // minisign public keys (base64 lines)
    std::string channel;  // the channel this board follows; empty: the first one applied
    int poll_seconds = 300;

    FontPaths fonts;
};

struct ConfigResult {
    std::optional<BoardConfig> config;  // set when there are no errors
    std::vector<Diagnostic> diagnostics;
};

// Parses TOML text; `file` names it in messages. Every error names the key and what is expected.
// Keys and sections that the reader does not know are errors too (a misspelt key would otherwise
// be silently ignored on a board nobody watches).
ConfigResult parse_board_config(const std::string& file, const std::string& text);
// Reads and parses a file; a missing file is an error naming the path.
ConfigResult load_board_config(const std::string& path);

}  // namespace content
