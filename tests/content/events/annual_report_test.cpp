// Annual statistics: counts per category, level, board and month; bad ratings to follow up.
#include "content/events/annual_report.h"

#include "content/date_time.h"

#include <doctest/doctest.h>

#include "tests/content/events/uploads_fixture.h"

using namespace content::events;
using namespace uploads_fixture;

namespace {
constexpr int64_t k_jul1 = 1782835200;  // 2026-07-01 00:00 Beijing (a Wednesday)
constexpr int64_t D = 86400;
}  // namespace

TEST_CASE("report: notices, days displayed, views and ratings count per category and board") {
    std::vector<Record> a{display("f1", k_jul1, k_jul1 + 10 * D),
                          display("f1", k_jul1 + 5 * D, k_jul1 + 12 * D),
                          display("s1", k_jul1 + D, k_jul1 + 2 * D, "service"),
                          rating("f1", k_jul1 + 3600, 1),
                          rating("f1", k_jul1 + 7200, 5, "看不懂"),
                          rating("s1", k_jul1 + D + 60, 3)};
    Record view;
    view.kind = Kind::View;
    view.notice = "f1";
    view.at = k_jul1 + 100;
    a.push_back(view);
    Record late_clock = rating("f1", k_jul1 + 9000, 2);
    late_clock.clock = ClockState::Jumped;
    a.push_back(late_clock);
    std::vector<Record> last_year{display("old", k_jul1 - 200 * D, k_jul1 - 199 * D)};
    std::vector<Record> b{display("f1", k_jul1 + 20 * D, k_jul1 + 21 * D),
                          rating("f1", k_jul1 + 20 * D, 4)};
    const auto r =
        build_annual_report(2026, {{"a", "大厅", &a}, {"b", "门口", &b}, {"c", "旧", &last_year}});
    const auto& finance = r.categories[3];
    const auto& service = r.categories[4];
    CHECK(finance.notices == 1);
    CHECK(finance.days_displayed == doctest::Approx(13.0));  // 12 days on a, 1 on b
    CHECK(finance.views == 1);
    CHECK(finance.ratings.total() == 3);
    CHECK(finance.ratings.comments == 1);
    CHECK(service.notices == 1);
    CHECK(r.ratings.per_level == std::array<uint64_t, 5>{1, 0, 1, 1, 1});
    CHECK(r.ratings.satisfaction_percent() == doctest::Approx(50.0));
    CHECK(r.notices_per_month[3][6] == 1);
    CHECK(r.display_intervals == 4);
    REQUIRE(r.boards.size() == 3);
    CHECK(r.boards[0].untrusted_clock_records == 1);
    CHECK(r.boards[1].notices_shown == 1);
    REQUIRE(r.bad_ratings.size() == 2);
    CHECK(r.bad_ratings[0].level == 5);
    CHECK(r.bad_ratings[0].comment == "看不懂");
    // 15 working days from Wednesday 2026-07-01: Wednesday 2026-07-22.
    CHECK(content::format_date(r.bad_ratings[0].follow_up_by) == "2026-07-22");
}
