// Acceptance rules for a manifest, in the order a technician would want them explained.
#include "sync/manifest_policy.h"

#include <algorithm>

#include "content/date_time.h"

namespace sync_core {
namespace {

PolicyDecision refuse(Problem problem, std::string reason) {
    return {Verdict::Refuse, problem, std::move(reason)};
}

std::string boards_text(const std::vector<std::string>& boards) {
    std::string out;
    for (const std::string& b : boards) {
        out += (out.empty() ? "" : ", ") + b;
    }
    return out;
}

}  // namespace

std::optional<PolicyDecision> judge_channel(const content::channel::ChannelManifest& m,
                                            const AppliedVersion& applied,
                                            std::string_view expected) {
    const std::string_view follows =
        !expected.empty() ? expected : std::string_view(applied.channel);
    const char* why = !expected.empty() ? "configured in kiosk.toml ([sync] channel)"
                                        : "the channel of its first update";
    if (!follows.empty() && m.channel != follows) {
        return refuse(Problem::OtherChannel,
                      "the manifest is for channel " + m.channel + ", but this board follows " +
                          std::string(follows) + " (" + why +
                          "); to change a board's channel, a technician runs kiosk-syncd "
                          "--reset-channel");
    }
    if (!expected.empty() && !applied.channel.empty() && applied.channel != expected) {
        return refuse(Problem::OtherChannel,
                      "this board shows channel " + applied.channel + " but is configured for " +
                          std::string(expected) +
                          "; to switch, a technician runs kiosk-syncd --reset-channel");
    }
    return std::nullopt;
}

PolicyDecision judge_manifest(const content::channel::ChannelManifest& m,
                              std::string_view manifest_sha256, const AppliedVersion& applied,
                              std::string_view board_id, int64_t latest_known_time,
                              std::string_view expected_channel) {
    if (auto wrong = judge_channel(m, applied, expected_channel)) {
        return *wrong;
    }
    if (applied.version != 0 && m.version == applied.version &&
        manifest_sha256 == applied.manifest_sha256) {
        if (m.expires <= latest_known_time) {
            return {Verdict::Stale, Problem::Stale,
                    "version " + std::to_string(m.version) + " is still the newest this source " +
                        "offers, but it expired at " + content::format_date_time(m.expires) +
                        " (Beijing time): the source may have stopped updating; the board keeps "
                        "it and asks the other sources"};
        }
        return {Verdict::AlreadyCurrent, Problem::Malformed, {}};
    }
    if (auto floor = applied.channel_floors.find(m.channel);
        floor != applied.channel_floors.end() && m.version < floor->second) {
        return refuse(Problem::Rollback,
                      "version " + std::to_string(m.version) + " of channel " + m.channel +
                          " is older than version " + std::to_string(floor->second) +
                          " this board had of it before its channel was changed");
    }
    if (m.version < applied.version) {
        return refuse(Problem::Rollback,
                      "version " + std::to_string(m.version) +
                          " is older than the applied version " + std::to_string(applied.version) +
                          " (a rollback, or a mirror that has not caught up); the board keeps "
                          "version " +
                          std::to_string(applied.version));
    }
    if (m.version == applied.version) {
        return refuse(Problem::Replay, "version " + std::to_string(m.version) +
                                           " was already applied with different content "
                                           "(replayed or re-signed version number)");
    }
    if (m.expires <= latest_known_time) {
        return refuse(Problem::Expired, "the manifest expired at " +
                                            content::format_date_time(m.expires) +
                                            " and the board's latest known time is " +
                                            content::format_date_time(latest_known_time) +
                                            " (Beijing time); the publisher must publish again");
    }
    if (!content::channel::boards_include(m.boards, board_id)) {
        return refuse(Problem::NotForBoard, "channel " + m.channel + " is for boards " +
                                                boards_text(m.boards) + ", not for " +
                                                std::string(board_id));
    }
    return {Verdict::Apply, Problem::Malformed, {}};
}

ClockTrust judge_clock(int64_t wall_clock, int64_t expires) {
    if (wall_clock < k_clock_floor) {
        return ClockTrust::Lost;
    }
    return wall_clock - k_clock_slack > expires ? ClockTrust::Ahead : ClockTrust::Trusted;
}

int64_t judgement_time(int64_t latest_known_time, int64_t wall_clock, int64_t expires) {
    return judge_clock(wall_clock, expires) == ClockTrust::Trusted
               ? std::max(latest_known_time, wall_clock)
               : latest_known_time;
}

int64_t advance_latest_known_time(int64_t stored, int64_t wall_clock, int64_t issued,
                                  int64_t expires) {
    int64_t latest = std::max(stored, issued);
    if (judge_clock(wall_clock, expires) == ClockTrust::Trusted) {
        latest = std::max(latest, std::min(wall_clock, expires));
    }
    return latest;
}

}  // namespace sync_core
