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

PolicyDecision judge_manifest(const content::channel::ChannelManifest& m, std::string_view manifest_sha256,
                              const AppliedVersion& applied, std::string_view board_id,
                              int64_t latest_known_time) {
    if (applied.version != 0 && m.version == applied.version &&
        manifest_sha256 == applied.manifest_sha256) {
        return {Verdict::AlreadyCurrent, Problem::Malformed, {}};
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

int64_t advance_latest_known_time(int64_t stored, int64_t wall_clock) {
    return wall_clock >= k_clock_floor ? std::max(stored, wall_clock) : stored;
}

int64_t advance_latest_known_time(int64_t stored, int64_t wall_clock, int64_t verified_issued) {
    return std::max(advance_latest_known_time(stored, wall_clock), verified_issued);
}

}  // namespace sync_core
