// The takeover decisions for emergencies: order by severity then age, acknowledged by version,
// back after idle and after a restart, again on an edit, in at starts and out at expiry.
#include <doctest/doctest.h>

#include "content/date_time.h"
#include "kiosk/emergency_queue.h"

using namespace kiosk;
using content::AlertLevel;

namespace {

constexpr int64_t k_idle_home_ms = 90'000;

EmergencyFact fact(const char* id, AlertLevel level, const char* date, const char* hash = "h1") {
    return {id, hash, level, *content::parse_beijing_time(date)};
}

std::vector<std::string> ids(const EmergencyQueue& q) {
    std::vector<std::string> out;
    for (const EmergencyFact& f : q.live()) {
        out.push_back(f.id);
    }
    return out;
}

}  // namespace

TEST_CASE("several emergencies: the most severe first, then the newest") {
    EmergencyQueue q;
    q.update({fact("blue-new", AlertLevel::Blue, "2026-11-27 09:00"),
              fact("red-old", AlertLevel::Red, "2026-11-20 08:00"),
              fact("orange", AlertLevel::Orange, "2026-11-26 08:00"),
              fact("red-new", AlertLevel::Red, "2026-11-27 08:00")});
    CHECK(ids(q) == std::vector<std::string>{"red-new", "red-old", "orange", "blue-new"});
}

TEST_CASE("an emergency stays until acknowledged, returns after idle, and after a restart") {
    EmergencyQueue q;
    q.update({fact("water", AlertLevel::Orange, "2026-11-26 06:40")});
    CHECK(q.pending());
    CHECK(q.should_take_over(0, k_idle_home_ms));
    CHECK(q.should_take_over(10 * k_idle_home_ms, k_idle_home_ms));  // stays past the idle time
    q.acknowledge();
    CHECK_FALSE(q.pending());
    CHECK_FALSE(q.should_take_over(k_idle_home_ms - 1, k_idle_home_ms));  // someone is reading
    CHECK(q.should_take_over(k_idle_home_ms, k_idle_home_ms));            // back after idle
    EmergencyQueue after_restart;
    after_restart.update(q.live());
    CHECK(after_restart.pending());
}

TEST_CASE("an edit alerts again; a new emergency alerts; expiry and starts change the live set") {
    EmergencyQueue q;
    q.update({fact("water", AlertLevel::Orange, "2026-11-26 06:40", "h1")});
    q.acknowledge();
    q.update({fact("water", AlertLevel::Orange, "2026-11-26 06:40", "h1")});  // unchanged
    CHECK_FALSE(q.pending());
    q.update({fact("water", AlertLevel::Red, "2026-11-26 06:40", "h2")});  // edited
    CHECK(q.pending());
    q.acknowledge();
    // A scheduled emergency enters the live set at its starts (the caller computes it).
    q.update({fact("water", AlertLevel::Red, "2026-11-26 06:40", "h2"),
              fact("gas", AlertLevel::Yellow, "2026-11-27 10:00")});
    CHECK(q.pending());
    q.acknowledge();
    q.update({});  // both expired
    CHECK(q.empty());
    CHECK_FALSE(q.should_take_over(10 * k_idle_home_ms, k_idle_home_ms));
    // Withdrawn and published again: acknowledgements of notices gone do not linger.
    q.update({fact("gas", AlertLevel::Yellow, "2026-11-27 10:00")});
    CHECK(q.pending());
}
