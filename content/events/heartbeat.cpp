// Heartbeat files: JSON with the board's signature line (signed_text.h).
#include "content/events/heartbeat.h"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>

namespace content::events {
namespace {
constexpr std::array<std::pair<ScreenState, std::string_view>, 3> k_screens{{
    {ScreenState::On, "on"},
    {ScreenState::OffBySchedule, "off_by_schedule"},
    {ScreenState::Failed, "failed"},
}};
}

std::string_view screen_state_name(ScreenState state) {
    for (const auto& [s, name] : k_screens)
        if (s == state)
            return name;
    return {};
}

std::optional<ScreenState> parse_screen_state(std::string_view name) {
    for (const auto& [s, n] : k_screens)
        if (n == name)
            return s;
    return std::nullopt;
}

std::string heartbeat_object_name(std::string_view board) {
    return "boards/" + std::string(board) + "/heartbeat.json";
}

std::string encode_heartbeat(const Heartbeat& h, const BoardSecretKey& key) {
    const nlohmann::json j = {{"format", k_heartbeat_format},
                              {"board", h.board},
                              {"at", h.at},
                              {"clock", clock_name(h.clock)},
                              {"kiosk_version", h.kiosk_version},
                              {"channel_version", h.channel_version},
                              {"last_sync", h.last_sync},
                              {"screen", screen_state_name(h.screen)},
                              {"free_disk_bytes", h.free_disk_bytes},
                              {"uptime_seconds", h.uptime_seconds},
                              {"last_record", h.last_record},
                              {"backlog_records", h.backlog_records},
                              {"lost_records", h.lost_records},
                              {"events_state", h.events_state}};
    return append_signature(j.dump(1) + "\n", key);
}

HeartbeatParse parse_heartbeat(std::string_view file, const BoardPublicKey& key) {
    HeartbeatParse out;
    if (file.size() > k_max_heartbeat_bytes) {
        out.error = "larger than " + std::to_string(k_max_heartbeat_bytes) + " bytes";
        return out;
    }
    const auto verified = verify_signed_text(file, key);
    if (!verified.text) {
        out.error = verified.error;
        return out;
    }
    const auto j = nlohmann::json::parse(*verified.text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("format", "") != k_heartbeat_format) {
        out.error = "not a " + std::string(k_heartbeat_format) + " JSON object";
        return out;
    }
    try {
        Heartbeat h;
        h.board = j.at("board").get<std::string>();
        h.at = j.at("at").get<int64_t>();
        h.clock = parse_clock(j.at("clock").get<std::string>()).value_or(ClockState::Implausible);
        h.kiosk_version = j.at("kiosk_version").get<std::string>();
        h.channel_version = j.at("channel_version").get<uint64_t>();
        h.last_sync = j.at("last_sync").get<int64_t>();
        const auto screen = parse_screen_state(j.at("screen").get<std::string>());
        if (!screen)
            throw std::runtime_error("unknown screen state");
        h.screen = *screen;
        h.free_disk_bytes = j.at("free_disk_bytes").get<uint64_t>();
        h.uptime_seconds = j.at("uptime_seconds").get<int64_t>();
        h.last_record = j.at("last_record").get<uint64_t>();
        h.backlog_records = j.at("backlog_records").get<uint64_t>();
        h.lost_records = j.at("lost_records").get<uint64_t>();
        h.events_state = j.at("events_state").get<std::string>();
        out.heartbeat = std::move(h);
    } catch (const std::exception& e) {
        out.error = std::string("a field is missing or of the wrong type: ") + e.what();
    }
    return out;
}

}  // namespace content::events
