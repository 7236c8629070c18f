// The year's disclosure statistics from verified board records, shaped like the tables of a
// 政府信息公开工作年度报告: notices per category (published, emergencies, days displayed, views,
// ratings, comments), 好差评 per level with the satisfaction rate, per board, per month, and the
// bad ratings to follow up. Pure: records in, numbers out.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "content/events/event_record.h"

namespace content::events {

struct BoardRecords {
    std::string board;
    std::string name;
    const std::vector<Record>* records = nullptr;
};

// Index 0..5: the six publics in content::k_categories order; 6: not recorded.
inline constexpr size_t k_report_categories = 7;

struct RatingCounts {
    std::array<uint64_t, k_level_count> per_level{};  // 非常满意 .. 非常不满意
    uint64_t comments = 0;
    uint64_t total() const;
    // (非常满意 + 满意 + 基本满意) / total, in percent; 0 when there are none.
    double satisfaction_percent() const;
};

struct CategoryRow {
    uint64_t notices = 0;  // first listed on any board in the year
    uint64_t emergencies = 0;
    double days_displayed = 0;  // summed over the notices: union of display intervals, in days
    uint64_t views = 0;
    RatingCounts ratings;
    double average_days() const {
        return notices ? days_displayed / static_cast<double>(notices) : 0;
    }
};

struct BoardRow {
    std::string board;
    std::string name;
    uint64_t notices_shown = 0;  // distinct notices with a display interval in the year
    uint64_t display_intervals = 0;
    uint64_t views = 0;
    RatingCounts ratings;
    uint64_t untrusted_clock_records = 0;  // not counted anywhere else
};

struct BadRating {
    std::string board;
    std::string notice;
    std::string title;
    int64_t at = 0;
    int level = 0;
    std::vector<std::string> reasons;
    std::string comment;
    int64_t follow_up_by = 0;  // 15 working days (Monday to Friday) later
};

struct AnnualReport {
    int year = 0;
    std::array<CategoryRow, k_report_categories> categories{};
    std::array<std::array<uint64_t, 12>, k_report_categories> notices_per_month{};
    RatingCounts ratings;
    std::vector<BoardRow> boards;
    std::vector<BadRating> bad_ratings;  // in time order
    uint64_t display_intervals = 0;
};

// Records count for the year by their Beijing-time date; records whose clock was not trusted
// are left out of every count and reported per board.
AnnualReport build_annual_report(int year, const std::vector<BoardRecords>& boards);

std::string_view report_category_name(size_t index);  // "党务" .. "公告", "未记录"
int64_t add_working_days(int64_t at, int days);

}  // namespace content::events
