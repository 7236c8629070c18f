// The board's configuration (/etc/kiosk/kiosk.toml), shared by the kiosk and kiosk-syncd.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/diagnostic.h"
#include "content/schedule.h"

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

// Hours during which the screen is lit ("06:30-22:00"; see DailyPeriod).
using OnHours = DailyPeriod;

// Parses "HH:MM-HH:MM" (24-hour clock, end may be 24:00); nullopt when malformed or empty.
std::optional<OnHours> parse_on_hours(const std::string& text);

struct BoardConfig {
    std::string board_id = "board";
    std::string board_name = "社区信息公开栏";
    std::string data_dir = "/var/lib/kiosk";
    // The kiosk's own records (events.db, kiosk-state.json); kiosk-syncd reads them to upload.
    std::string events_dir = "/var/lib/kiosk-events";

    // Display.
    int rotation = 0;  // 0, 90, 180, 270 degrees clockwise
    int width = 0;     // 0: the display's own size
    int height = 0;
    OnHours on_hours;  // [display] on_hours; absent: always on
    // [display] quiet_hours: periods in which the board is silent (no alert tone) and dark once
    // idle, as outside on_hours, such as a lunch break or the night; a live emergency still
    // lights it.
    std::vector<DailyPeriod> quiet_hours;

    // Whether the screen may go dark at `minute_of_day` (outside on_hours or in quiet hours).
    bool off_hours(int minute_of_day) const;
    bool quiet(int minute_of_day) const;

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
    // Seconds between the cheap checks for a changed channel (one conditional request, no
    // database access), so an emergency arrives within about this long; 0 turns them off.
    int alert_poll_seconds = 20;
    std::string upload_url;  // [sync] upload_url: WebDAV folder (or file:///) for the records

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
