// Board states for kiosk-publish fleet.
#include "content/events/fleet_status.h"

#include <array>

namespace content::events {

std::string_view board_state_name(BoardState s) {
    static constexpr std::array<std::string_view, 5> names{"ok", "late", "off-by-schedule",
                                                           "failed", "never-seen"};
    return names[static_cast<size_t>(s)];
}

std::string_view board_state_chinese(BoardState s) {
    static constexpr std::array<std::string_view, 5> names{"正常", "延迟", "按计划关屏", "故障",
                                                           "从未上报"};
    return names[static_cast<size_t>(s)];
}

FleetRow assess_board(const FleetInput& in, int64_t now) {
    FleetRow row;
    if (!in.heartbeat_problem.empty())
        row.problems.push_back("heartbeat does not verify: " + in.heartbeat_problem);
    if (!in.chain_verified)
        row.problems.push_back(std::to_string(in.chain_problems) +
                               " problem(s) in the uploaded records (run proof for details)");
    if (in.declared_lost > 0)
        row.problems.push_back(std::to_string(in.declared_lost) +
                               " record(s) lost on the board (counted)");
    if (!in.heartbeat) {
        row.state = BoardState::NeverSeen;
        return row;
    }
    const Heartbeat& h = *in.heartbeat;
    if (h.clock != ClockState::Trusted)
        row.problems.push_back("board clock " + std::string(clock_name(h.clock)));
    if (h.events_state != "ok")
        row.problems.push_back("events: " + h.events_state);
    if (h.lost_records > 0)
        row.problems.push_back(std::to_string(h.lost_records) + " record(s) could not be written");
    if (h.backlog_records > 10000)
        row.problems.push_back(std::to_string(h.backlog_records) + " record(s) waiting for upload");
    const int64_t age = now - h.at;
    const int64_t interval = static_cast<int64_t>(in.heartbeat_minutes) * 60;
    if (age > 86400) {
        row.state = BoardState::Failed;
        row.problems.push_back("no heartbeat for " + std::to_string(age / 3600) + " h");
    } else if (age > 3 * interval) {
        row.state = BoardState::Late;
        row.problems.push_back("last heartbeat " + std::to_string(age / 60) + " min ago");
    } else if (h.screen == ScreenState::Failed) {
        row.state = BoardState::Failed;
        row.problems.push_back("the board reports its screen failed");
    } else if (h.screen == ScreenState::OffBySchedule) {
        row.state = BoardState::OffBySchedule;
    } else {
        row.state = BoardState::Ok;
    }
    return row;
}

}  // namespace content::events
