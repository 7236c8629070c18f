// Whether a verified manifest may be applied on this board: pure, with the time passed in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "content/channel/manifest.h"
#include "sync/sync_problem.h"

namespace sync_core {

// A wall clock earlier than this (2024-01-01 UTC) is taken as lost, as after a power cut on a
// board without a real-time-clock battery, and does not count as a known time.
inline constexpr int64_t k_clock_floor = 1704067200;

struct AppliedVersion {
    uint64_t version = 0;  // 0: nothing applied yet
    std::string manifest_sha256;
};

enum class Verdict { Apply, AlreadyCurrent, Refuse };

struct PolicyDecision {
    Verdict verdict = Verdict::Refuse;
    Problem problem = Problem::Malformed;  // meaningful for Refuse
    std::string reason;                    // in words, for Refuse
};

// Rollback and replay, expiry against `latest_known_time`, then targeting. The same version with
// the same manifest bytes is AlreadyCurrent, never a refusal.
PolicyDecision judge_manifest(const content::channel::ChannelManifest& manifest,
                              std::string_view manifest_sha256, const AppliedVersion& applied,
                              std::string_view board_id, int64_t latest_known_time);

// The latest time the board knows of never goes backwards: the stored value, advanced by a
// plausible wall clock and by a verified manifest's issue time.
int64_t advance_latest_known_time(int64_t stored, int64_t wall_clock);
int64_t advance_latest_known_time(int64_t stored, int64_t wall_clock, int64_t verified_issued);

}  // namespace sync_core
