// Whether a verified manifest may be applied on this board: pure, with the time passed in.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "content/channel/manifest.h"
#include "sync/sync_problem.h"

namespace sync_core {

// A wall clock earlier than this (2024-01-01 UTC) is taken as lost, as after a power cut on a
// board without a real-time-clock battery, and does not count as a known time.
inline constexpr int64_t k_clock_floor = 1704067200;

// How far past the expiry of the manifest it is judging a wall clock may be and still be believed.
// A clock further ahead (a bad RTC, spoofed network time) is reported and not used, so it cannot
// make every later manifest "expired"; within the bound a frozen mirror is still noticed.
inline constexpr int64_t k_clock_slack = 30 * 86400;

struct AppliedVersion {
    uint64_t version = 0;  // 0: nothing applied yet
    std::string manifest_sha256;
    std::string channel;  // of the applied version; the board refuses any other
    // The versions other channels had on this board before a technician reset its channel.
    std::map<std::string, uint64_t> channel_floors;
};

enum class Verdict { Apply, AlreadyCurrent, Stale, Refuse };

struct PolicyDecision {
    Verdict verdict = Verdict::Refuse;
    Problem problem = Problem::Malformed;  // meaningful for Refuse
    std::string reason;                    // in words, for Refuse
};

// The channel (the configured one, else the applied one), rollback and replay, expiry against
// `judgement_time`, then targeting. The same version with the same manifest bytes is
// AlreadyCurrent, or Stale once it has expired (a mirror that stopped updating), never a refusal.
PolicyDecision judge_manifest(const content::channel::ChannelManifest& manifest,
                              std::string_view manifest_sha256, const AppliedVersion& applied,
                              std::string_view board_id, int64_t judgement_time,
                              std::string_view expected_channel = {});

enum class ClockTrust { Lost, Trusted, Ahead };

// A wall clock before k_clock_floor is lost; one more than k_clock_slack past `expires` (of the
// manifest being judged) is too far ahead to believe.
ClockTrust judge_clock(int64_t wall_clock, int64_t expires);

// The time manifests are judged by: the latest known time, or a trusted clock if later.
int64_t judgement_time(int64_t latest_known_time, int64_t wall_clock, int64_t expires);

// After a manifest (issued, expires) was accepted: the latest known time never goes backwards
// and moves only to its issue time and to a trusted clock, never past its expiry. Refused
// manifests and untrusted clocks never move it.
int64_t advance_latest_known_time(int64_t stored, int64_t wall_clock, int64_t issued,
                                  int64_t expires);

}  // namespace sync_core
