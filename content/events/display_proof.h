// "Was notice X displayed on board Y from A to B?": the shown intervals and every gap, each gap
// classified as scheduled-off, failed, not listed (the board ran but did not show the notice) or
// no data (no record covers that time). Pure: records in, answer out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/events/event_record.h"
#include "content/events/intervals.h"

namespace content::events {

enum class Coverage { Shown, ScheduledOff, Failed, NotListed, NoData };
std::string_view coverage_name(Coverage coverage);     // "shown", "scheduled-off", ...
std::string_view coverage_chinese(Coverage coverage);  // "展示中", "按计划关屏", ...

struct TimelinePart {
    Interval span;
    Coverage coverage = Coverage::NoData;
};

struct DisplayProof {
    std::string board;
    std::string notice;
    std::string title;     // from the records, when they carry it
    std::string category;  // category key, when recorded
    Interval period;
    std::vector<TimelinePart> timeline;    // covers the period, in order
    int64_t seconds[5] = {0, 0, 0, 0, 0};  // per Coverage
    uint64_t untrusted_clock_records = 0;  // records used whose clock was not trusted
    bool whole_period_shown() const { return seconds[0] == period.length(); }
};

// `period` nullopt: from the first to the last record that mentions the notice.
DisplayProof prove_display(const std::string& board, const std::string& notice,
                           const std::vector<Record>& records, std::optional<Interval> period);

}  // namespace content::events
