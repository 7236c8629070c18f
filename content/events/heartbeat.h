// A board's heartbeat: a small signed JSON file kiosk-syncd uploads as
// boards/<board>/heartbeat.json (replaced each time), so a district can tell which boards are
// alive, dark on schedule or failed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "content/events/event_record.h"
#include "content/events/signed_text.h"

namespace content::events {

inline constexpr std::string_view k_heartbeat_format = "kiosk-heartbeat/1";
inline constexpr size_t k_max_heartbeat_bytes = 64 * 1024;

enum class ScreenState { On, OffBySchedule, Failed };
std::string_view screen_state_name(ScreenState state);
std::optional<ScreenState> parse_screen_state(std::string_view name);

struct Heartbeat {
    std::string board;
    int64_t at = 0;  // board's wall clock, Unix seconds
    ClockState clock = ClockState::Trusted;
    std::string kiosk_version;
    uint64_t channel_version = 0;
    int64_t last_sync = 0;  // last successful channel check, 0: never
    ScreenState screen = ScreenState::On;
    uint64_t free_disk_bytes = 0;
    int64_t uptime_seconds = 0;
    uint64_t last_record = 0;         // newest record in events.db
    uint64_t backlog_records = 0;     // records not yet uploaded
    uint64_t lost_records = 0;        // records counted as lost on the board
    std::string events_state = "ok";  // "ok", "disk_full", "unreadable"
    bool operator==(const Heartbeat&) const = default;
};

std::string encode_heartbeat(const Heartbeat& heartbeat, const BoardSecretKey& key);

struct HeartbeatParse {
    std::optional<Heartbeat> heartbeat;
    std::string error;
};
HeartbeatParse parse_heartbeat(std::string_view file, const BoardPublicKey& key);

std::string heartbeat_object_name(std::string_view board);

}  // namespace content::events
