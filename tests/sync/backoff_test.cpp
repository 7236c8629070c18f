// Poll scheduling: exponential backoff with jitter after failures, a jittered interval otherwise.
#include <doctest/doctest.h>

#include <initializer_list>

#include "sync/backoff.h"

using namespace sync_core;

TEST_CASE("failure backoff doubles from the first delay up to the cap, jittered into [50%, 100%]") {
    const BackoffPolicy p{30, 3600};
    CHECK(failure_delay(1, p, 0.999) == doctest::Approx(30).epsilon(0.01));
    CHECK(failure_delay(1, p, 0.0) == doctest::Approx(15));
    CHECK(failure_delay(2, p, 0.999) == doctest::Approx(60).epsilon(0.01));
    CHECK(failure_delay(5, p, 0.999) == doctest::Approx(480).epsilon(0.01));
    CHECK(failure_delay(8, p, 0.999) == doctest::Approx(3600).epsilon(0.01));
    CHECK(failure_delay(1000, p, 0.5) == doctest::Approx(2700));
    CHECK(failure_delay(0, p, 0.5) == doctest::Approx(22.5));  // treated as the first failure
    for (double r : {0.0, 0.25, 0.5, 0.75, 0.99}) {
        const double d = failure_delay(4, p, r);
        CHECK(d >= 120);
        CHECK(d <= 240);
    }
}

TEST_CASE("the poll interval is jittered by 10% so a district's boards spread out") {
    CHECK(poll_delay(300, 0.0) == doctest::Approx(270));
    CHECK(poll_delay(300, 1.0) == doctest::Approx(330));
    CHECK(poll_delay(0, 0.5) == doctest::Approx(1));
}
