// When to poll next: the configured interval with a little jitter after a success, and jittered
// exponential backoff after failures, so a district's boards do not all retry in step. Pure: the
// random number is passed in.
#pragma once

namespace sync_core {

struct BackoffPolicy {
    double first_seconds = 30;  // after the first failure
    double max_seconds = 3600;  // never wait longer than this after failures
};

// Seconds to wait after `consecutive_failures` (>= 1) failures: first * 2^(n-1), capped, then
// scaled into [50%, 100%] by `random01` in [0, 1).
double failure_delay(int consecutive_failures, const BackoffPolicy& policy, double random01);

// Seconds to wait after a success: `poll_seconds` within +-10%.
double poll_delay(int poll_seconds, double random01);

}  // namespace sync_core
