// Display proofs: shown time and every gap, each kind of gap told apart.
#include "content/events/display_proof.h"

#include <doctest/doctest.h>

#include "content/events/fleet_status.h"
#include "tests/content/events/uploads_fixture.h"

using namespace content::events;
using namespace uploads_fixture;

namespace {
constexpr int64_t k_day = 1782835200;  // 2026-07-01 00:00 Beijing
constexpr int64_t H = 3600;
}  // namespace

TEST_CASE("interval arithmetic joins, intersects and subtracts") {
    const auto m = merge_intervals({{5, 10}, {0, 3}, {3, 4}, {8, 12}, {20, 20}});
    CHECK(m == std::vector<Interval>{{0, 4}, {5, 12}});
    CHECK(intersect_intervals(m, {{2, 6}, {11, 30}}) ==
          std::vector<Interval>{{2, 4}, {5, 6}, {11, 12}});
    CHECK(subtract_intervals({{0, 20}}, m) == std::vector<Interval>{{4, 5}, {12, 20}});
    CHECK(total_length(m) == 11);
}

TEST_CASE("a day with the screen off by schedule at night, a failure and a hole in the data") {
    std::vector<Record> records{
        screen_off(k_day, k_day + 7 * H, "scheduled"),
        display("finance-q3", k_day + 7 * H, k_day + 12 * H),
        screen_off(k_day + 12 * H, k_day + 13 * H, "failed"),
        display("other", k_day + 13 * H, k_day + 14 * H),  // the board ran, without our notice
        display("finance-q3", k_day + 14 * H, k_day + 20 * H),
        // 20:00 - 22:00: nothing recorded (the kiosk was not running)
        screen_off(k_day + 22 * H, k_day + 24 * H, "scheduled"),
    };
    const auto p = prove_display("hall-1", "finance-q3", records, Interval{k_day, k_day + 24 * H});
    CHECK(p.seconds[static_cast<size_t>(Coverage::Shown)] == 11 * H);
    CHECK(p.seconds[static_cast<size_t>(Coverage::ScheduledOff)] == 9 * H);
    CHECK(p.seconds[static_cast<size_t>(Coverage::Failed)] == 1 * H);
    CHECK(p.seconds[static_cast<size_t>(Coverage::NotListed)] == 1 * H);
    CHECK(p.seconds[static_cast<size_t>(Coverage::NoData)] == 2 * H);
    REQUIRE(p.timeline.size() == 7);
    CHECK(p.timeline[0].coverage == Coverage::ScheduledOff);
    CHECK(p.timeline[5].coverage == Coverage::NoData);
    CHECK(p.timeline[5].span == Interval{k_day + 20 * H, k_day + 22 * H});
    CHECK(p.title == "2026年第三季度财务公开");
    CHECK_FALSE(p.whole_period_shown());
}

TEST_CASE("without a period the proof spans the notice's own records") {
    std::vector<Record> records{display("n", k_day + H, k_day + 2 * H),
                                display("n", k_day + 5 * H, k_day + 6 * H)};
    const auto p = prove_display("b", "n", records, std::nullopt);
    CHECK(p.period == Interval{k_day + H, k_day + 6 * H});
    CHECK(p.seconds[0] == 2 * H);
    CHECK(p.seconds[static_cast<size_t>(Coverage::NoData)] == 3 * H);
}

TEST_CASE("fleet: scheduled-off is told from failed and from late") {
    Heartbeat h;
    h.board = "b";
    h.at = k_day;
    FleetInput in;
    in.heartbeat = h;
    CHECK(assess_board(in, k_day + 60).state == BoardState::Ok);
    in.heartbeat->screen = ScreenState::OffBySchedule;
    CHECK(assess_board(in, k_day + 60).state == BoardState::OffBySchedule);
    in.heartbeat->screen = ScreenState::Failed;
    CHECK(assess_board(in, k_day + 60).state == BoardState::Failed);
    in.heartbeat->screen = ScreenState::OffBySchedule;
    CHECK(assess_board(in, k_day + 46 * 60).state == BoardState::Late);
    CHECK(assess_board(in, k_day + 25 * H).state == BoardState::Failed);
    CHECK(assess_board(FleetInput{}, k_day).state == BoardState::NeverSeen);
}
