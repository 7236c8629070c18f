// The pure acceptance rules: version order, expiry against a latest known time that never goes
// backwards, and board targeting. Tables, with the clock passed in.
#include <doctest/doctest.h>

#include "sync/manifest_policy.h"

using namespace sync_core;

namespace {

constexpr int64_t k_now = 1795000000;  // 2026-11-19

content::channel::ChannelManifest manifest(uint64_t version, int64_t expires,
                                           std::vector<std::string> boards = {"all"}) {
    content::channel::ChannelManifest m;
    m.channel = "guihuali";
    m.version = version;
    m.issued = k_now - 100;
    m.expires = expires;
    m.boards = std::move(boards);
    return m;
}

}  // namespace

TEST_CASE("manifest policy, one row per rule") {
    struct Row {
        const char* guards;
        uint64_t version;
        const char* sha;
        int64_t expires;
        std::vector<std::string> boards;
        Verdict verdict;
        Problem problem;
    };
    const AppliedVersion applied{5, "aaa", "", {}};
    const Row rows[] = {
        {"a newer version is applied", 6, "bbb", k_now + 10, {"all"}, Verdict::Apply, {}},
        {"the same manifest again is current",
         5,
         "aaa",
         k_now + 10,
         {"all"},
         Verdict::AlreadyCurrent,
         {}},
        {"the same manifest after expiry is stale (a frozen mirror), not refused",
         5,
         "aaa",
         k_now - 10,
         {"all"},
         Verdict::Stale,
         {}},
        {"an older version is a rollback",
         4,
         "ccc",
         k_now + 10,
         {"all"},
         Verdict::Refuse,
         Problem::Rollback},
        {"the same version with other bytes is a replay",
         5,
         "ddd",
         k_now + 10,
         {"all"},
         Verdict::Refuse,
         Problem::Replay},
        {"expiring exactly now is expired",
         6,
         "eee",
         k_now,
         {"all"},
         Verdict::Refuse,
         Problem::Expired},
        {"another board's channel",
         6,
         "fff",
         k_now + 10,
         {"gate-1"},
         Verdict::Refuse,
         Problem::NotForBoard},
        {"a list naming this board", 6, "ggg", k_now + 10, {"gate-1", "hall"}, Verdict::Apply, {}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.guards);
        const PolicyDecision d = judge_manifest(manifest(row.version, row.expires, row.boards),
                                                row.sha, applied, "hall", k_now);
        CHECK(d.verdict == row.verdict);
        if (row.verdict == Verdict::Refuse) {
            CHECK(d.problem == row.problem);
            CHECK_FALSE(d.reason.empty());
        }
    }
}

TEST_CASE("a board with nothing applied accepts version 1") {
    CHECK(judge_manifest(manifest(1, k_now + 10), "x", {}, "hall", k_now).verdict ==
          Verdict::Apply);
}

TEST_CASE("the latest known time never goes backwards, and a lost clock does not count") {
    const int64_t issued = k_now - 600, expires = k_now + 30 * 86400;
    CHECK(advance_latest_known_time(k_now, k_now + 60, issued, expires) == k_now + 60);
    CHECK(advance_latest_known_time(k_now, k_now - 3600, issued, expires) == k_now);  // set back
    CHECK(advance_latest_known_time(k_now, 0, issued, expires) == k_now);  // clock lost (1970)
    CHECK(advance_latest_known_time(0, 1000, 0, 0) == 0);                  // implausible clock
    CHECK(advance_latest_known_time(0, 0, k_now, expires) == k_now);       // a signed issue time
    CHECK(advance_latest_known_time(k_now, 0, k_now - 99, expires) == k_now);
}

TEST_CASE("a clock far past the manifest's expiry is not trusted and moves nothing") {
    const int64_t issued = k_now - 600, expires = k_now + 30 * 86400;
    const int64_t ten_years = 3650LL * 86400;
    CHECK(judge_clock(k_now, expires) == ClockTrust::Trusted);
    CHECK(judge_clock(0, expires) == ClockTrust::Lost);
    CHECK(judge_clock(expires + k_clock_slack, expires) == ClockTrust::Trusted);
    CHECK(judge_clock(expires + k_clock_slack + 1, expires) == ClockTrust::Ahead);
    CHECK(advance_latest_known_time(k_now, k_now + ten_years, issued, expires) == k_now);
    CHECK(judgement_time(k_now, k_now + ten_years, expires) == k_now);
    // A trusted clock past the expiry moves the latest known time only up to the expiry.
    CHECK(advance_latest_known_time(k_now, expires + 86400, issued, expires) == expires);
    CHECK(judgement_time(k_now, expires + 86400, expires) == expires + 86400);
}
