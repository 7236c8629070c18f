// Update planning: only new or changed notices are written, missing ones removed.
#include <doctest/doctest.h>

#include "sync/update_plan.h"

using namespace sync_core;

TEST_CASE("the plan writes only what changed") {
    const UpdatePlan p =
        plan_update({{"a", "1"}, {"b", "2"}, {"c", "3"}}, {{"a", "1"}, {"b", "9"}, {"d", "4"}});
    CHECK(p.upsert == std::vector<std::string>{"b", "d"});
    CHECK(p.remove == std::vector<std::string>{"c"});
    CHECK(p.unchanged == 1);
    CHECK(plan_update({{"a", "1"}}, {{"a", "1"}}).empty());
}
