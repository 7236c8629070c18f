// Interval list arithmetic by a linear merge of sorted lists.
#include "content/events/intervals.h"

#include <algorithm>

namespace content::events {

std::vector<Interval> merge_intervals(std::vector<Interval> in) {
    std::erase_if(in, [](const Interval& i) { return i.to <= i.from; });
    std::sort(in.begin(), in.end(),
              [](const Interval& a, const Interval& b) { return a.from < b.from; });
    std::vector<Interval> out;
    for (const auto& i : in) {
        if (!out.empty() && i.from <= out.back().to)
            out.back().to = std::max(out.back().to, i.to);
        else
            out.push_back(i);
    }
    return out;
}

std::vector<Interval> intersect_intervals(const std::vector<Interval>& a,
                                          const std::vector<Interval>& b) {
    std::vector<Interval> out;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const int64_t from = std::max(a[i].from, b[j].from);
        const int64_t to = std::min(a[i].to, b[j].to);
        if (from < to)
            out.push_back({from, to});
        if (a[i].to < b[j].to)
            ++i;
        else
            ++j;
    }
    return out;
}

std::vector<Interval> subtract_intervals(const std::vector<Interval>& a,
                                         const std::vector<Interval>& b) {
    std::vector<Interval> out;
    size_t j = 0;
    for (Interval cur : a) {
        while (j < b.size() && b[j].to <= cur.from)
            ++j;
        size_t k = j;
        while (k < b.size() && b[k].from < cur.to) {
            if (b[k].from > cur.from)
                out.push_back({cur.from, b[k].from});
            cur.from = std::max(cur.from, b[k].to);
            ++k;
        }
        if (cur.from < cur.to)
            out.push_back(cur);
    }
    return out;
}

int64_t total_length(const std::vector<Interval>& intervals) {
    int64_t sum = 0;
    for (const auto& i : intervals)
        sum += i.length();
    return sum;
}

}  // namespace content::events
