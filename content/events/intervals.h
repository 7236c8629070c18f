// Half-open time intervals [from, to) in Unix seconds: union, intersection and difference of
// sorted interval lists, for proofs of display.
#pragma once

#include <cstdint>
#include <vector>

namespace content::events {

struct Interval {
    int64_t from = 0;
    int64_t to = 0;
    int64_t length() const { return to - from; }
    bool operator==(const Interval&) const = default;
};

// Sorted, non-overlapping, non-empty; touching intervals are joined.
std::vector<Interval> merge_intervals(std::vector<Interval> intervals);
// Both inputs merged (merge_intervals); so is the result.
std::vector<Interval> intersect_intervals(const std::vector<Interval>& a,
                                          const std::vector<Interval>& b);
std::vector<Interval> subtract_intervals(const std::vector<Interval>& a,
                                         const std::vector<Interval>& b);
int64_t total_length(const std::vector<Interval>& intervals);

}  // namespace content::events
