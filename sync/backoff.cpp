// Jittered exponential backoff ("equal jitter": half fixed, half random).
#include "sync/backoff.h"

#include <algorithm>
#include <cmath>

namespace sync_core {

double failure_delay(int consecutive_failures, const BackoffPolicy& policy, double random01) {
    const int n = std::clamp(consecutive_failures, 1, 62);
    const double base = std::min(policy.max_seconds, policy.first_seconds * std::ldexp(1.0, n - 1));
    const double r = std::clamp(random01, 0.0, 1.0);
    return base * (0.5 + 0.5 * r);
}

double poll_delay(int poll_seconds, double random01) {
    const double r = std::clamp(random01, 0.0, 1.0);
    return std::max(1.0, poll_seconds * (0.9 + 0.2 * r));
}

}  // namespace sync_core
