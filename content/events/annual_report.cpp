// Annual disclosure statistics: one pass over each board's records, then per-notice unions.
#include "content/events/annual_report.h"

#include <algorithm>
#include <set>

#include "content/category.h"
#include "content/date_time.h"
#include "content/events/intervals.h"

namespace content::events {
namespace {

size_t category_index(const std::string& key) {
    for (size_t i = 0; i < content::k_categories.size(); ++i)
        if (content::k_categories[i].key == key)
            return i;
    return k_report_categories - 1;
}

struct NoticeFacts {
    size_t category = k_report_categories - 1;
    bool emergency = false;
    int64_t first_listed = INT64_MAX;
    std::vector<Interval> shown;
    std::string title;
};

struct Pass {
    int year;
    std::map<std::string, NoticeFacts> notices;
    std::map<std::string, uint64_t> views;
    std::map<std::string, RatingCounts> ratings;
};

bool in_year(int64_t t, int year) {
    return content::to_beijing_civil(t).year == year;
}

void count_rating(const Record& r, RatingCounts& c) {
    ++c.per_level[static_cast<size_t>(r.level - 1)];
    c.comments += !r.comment.empty();
}

void read_board(const BoardRecords& b, Pass& pass, AnnualReport& report) {
    BoardRow row;
    row.board = b.board;
    row.name = b.name;
    std::set<std::string> shown;
    for (const Record& r : *b.records) {
        const int64_t when = r.kind == Kind::Display ? r.from : r.at;
        if (!in_year(when, pass.year))
            continue;
        if (r.clock != ClockState::Trusted) {
            ++row.untrusted_clock_records;
            continue;
        }
        if (r.kind == Kind::Display) {
            NoticeFacts& n = pass.notices[r.notice];
            if (!r.category.empty())
                n.category = category_index(r.category);
            n.emergency |= r.emergency;
            n.first_listed = std::min(n.first_listed, r.from);
            n.shown.push_back({r.from, r.to});
            if (!r.title.empty())
                n.title = r.title;
            shown.insert(r.notice);
            ++row.display_intervals;
        } else if (r.kind == Kind::View) {
            ++pass.views[r.notice];
            ++row.views;
        } else if (r.kind == Kind::Rating) {
            count_rating(r, pass.ratings[r.notice]);
            count_rating(r, row.ratings);
            count_rating(r, report.ratings);
            if (is_bad_rating(r.level))
                report.bad_ratings.push_back({b.board,
                                              r.notice,
                                              {},
                                              r.at,
                                              r.level,
                                              r.reasons,
                                              r.comment,
                                              add_working_days(r.at, 15)});
        }
    }
    row.notices_shown = shown.size();
    report.display_intervals += row.display_intervals;
    report.boards.push_back(std::move(row));
}

}  // namespace

uint64_t RatingCounts::total() const {
    uint64_t sum = 0;
    for (const auto n : per_level)
        sum += n;
    return sum;
}

double RatingCounts::satisfaction_percent() const {
    const uint64_t all = total();
    if (all == 0)
        return 0;
    return 100.0 * static_cast<double>(per_level[0] + per_level[1] + per_level[2]) /
           static_cast<double>(all);
}

std::string_view report_category_name(size_t index) {
    if (index < content::k_categories.size())
        return content::k_categories[index].name;
    return "未记录";
}

int64_t add_working_days(int64_t at, int days) {
    int64_t t = at;
    while (days > 0) {
        t += 86400;
        if (content::weekday(content::to_beijing_civil(t)) < 5)
            --days;
    }
    return t;
}

AnnualReport build_annual_report(int year, const std::vector<BoardRecords>& boards) {
    AnnualReport report;
    report.year = year;
    Pass pass{year, {}, {}, {}};
    for (const auto& b : boards)
        read_board(b, pass, report);
    for (auto& [id, n] : pass.notices) {
        CategoryRow& row = report.categories[n.category];
        ++row.notices;
        row.emergencies += n.emergency;
        row.days_displayed += static_cast<double>(total_length(merge_intervals(n.shown))) / 86400.0;
        row.views += pass.views[id];
        const RatingCounts& rc = pass.ratings[id];
        for (size_t l = 0; l < k_level_count; ++l)
            row.ratings.per_level[l] += rc.per_level[l];
        row.ratings.comments += rc.comments;
        const int month = content::to_beijing_civil(n.first_listed).month;
        ++report.notices_per_month[n.category][static_cast<size_t>(month - 1)];
    }
    for (auto& bad : report.bad_ratings) {
        const auto it = pass.notices.find(bad.notice);
        if (it != pass.notices.end())
            bad.title = it->second.title;
    }
    std::sort(report.bad_ratings.begin(), report.bad_ratings.end(),
              [](const BadRating& a, const BadRating& b) { return a.at < b.at; });
    return report;
}

}  // namespace content::events
