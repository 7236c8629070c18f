// Display proofs by interval arithmetic over a board's verified records.
#include "content/events/display_proof.h"

#include <algorithm>
#include <array>

namespace content::events {
namespace {

struct Sets {
    std::vector<Interval> shown, scheduled, failed, any_display;
    int64_t first = INT64_MAX, last = INT64_MIN;
};

Sets collect(const std::string& notice, const std::vector<Record>& records, DisplayProof& proof) {
    Sets s;
    for (const auto& r : records) {
        if (r.kind == Kind::Display) {
            s.any_display.push_back({r.from, r.to});
            if (r.notice != notice)
                continue;
            s.shown.push_back({r.from, r.to});
            s.first = std::min(s.first, r.from);
            s.last = std::max(s.last, r.to);
            if (!r.title.empty())
                proof.title = r.title;
            if (!r.category.empty())
                proof.category = r.category;
            proof.untrusted_clock_records += r.clock != ClockState::Trusted;
        } else if (r.kind == Kind::ScreenOff) {
            (r.detail == "scheduled" ? s.scheduled : s.failed).push_back({r.from, r.to});
        }
    }
    return s;
}

}  // namespace

std::string_view coverage_name(Coverage c) {
    static constexpr std::array<std::string_view, 5> names{"shown", "scheduled-off", "failed",
                                                           "not-listed", "no-data"};
    return names[static_cast<size_t>(c)];
}

std::string_view coverage_chinese(Coverage c) {
    static constexpr std::array<std::string_view, 5> names{"展示中", "按计划关屏", "故障黑屏",
                                                           "未展示", "无记录"};
    return names[static_cast<size_t>(c)];
}

DisplayProof prove_display(const std::string& board, const std::string& notice,
                           const std::vector<Record>& records, std::optional<Interval> period) {
    DisplayProof proof;
    proof.board = board;
    proof.notice = notice;
    Sets s = collect(notice, records, proof);
    proof.period = period ? *period : (s.first <= s.last ? Interval{s.first, s.last} : Interval{});
    const std::vector<Interval> whole = merge_intervals({proof.period});
    std::vector<Interval> rest = whole;
    std::vector<std::pair<Coverage, std::vector<Interval>>> parts;
    for (auto& [coverage, set] : std::vector<std::pair<Coverage, std::vector<Interval>*>>{
             {Coverage::Shown, &s.shown},
             {Coverage::ScheduledOff, &s.scheduled},
             {Coverage::Failed, &s.failed},
             {Coverage::NotListed, &s.any_display}}) {
        auto part = intersect_intervals(rest, merge_intervals(*set));
        rest = subtract_intervals(rest, part);
        parts.emplace_back(coverage, std::move(part));
    }
    parts.emplace_back(Coverage::NoData, std::move(rest));
    for (const auto& [coverage, list] : parts) {
        for (const auto& span : list)
            proof.timeline.push_back({span, coverage});
        proof.seconds[static_cast<size_t>(coverage)] = total_length(list);
    }
    std::sort(
        proof.timeline.begin(), proof.timeline.end(),
        [](const TimelinePart& a, const TimelinePart& b) { return a.span.from < b.span.from; });
    return proof;
}

}  // namespace content::events
