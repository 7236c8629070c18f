// What a district sees of each board: its state from the registry entry, the latest verified
// heartbeat and the chain, at a time passed in. "Off by schedule" is not "failed": a board dark
// on schedule still sends heartbeats; a board that stops sending them is late, then failed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/events/heartbeat.h"

namespace content::events {

enum class BoardState { Ok, Late, OffBySchedule, Failed, NeverSeen };
std::string_view board_state_name(BoardState state);     // "ok", "late", ...
std::string_view board_state_chinese(BoardState state);  // "正常", "延迟", ...

struct FleetInput {
    int heartbeat_minutes = 15;
    std::optional<Heartbeat> heartbeat;
    std::string heartbeat_problem;
    bool chain_verified = true;
    size_t chain_problems = 0;
    uint64_t records = 0;
    uint64_t declared_lost = 0;
};

struct FleetRow {
    BoardState state = BoardState::NeverSeen;
    std::vector<std::string> problems;  // in words, for the table
};

// Late after 3 heartbeat intervals without one; failed after a day, or when the board itself
// reports a failed screen.
FleetRow assess_board(const FleetInput& input, int64_t now);

}  // namespace content::events
