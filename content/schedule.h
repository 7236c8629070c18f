// Recurring display windows (days of the week, times of day, date ranges), decided on a passed-in
// clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace content {

// A period of each day in minutes after midnight (Beijing time), from `start_minute` inclusive to
// `end_minute` exclusive; when end < start it runs past midnight ("22:00-06:00"); "00:00-24:00"
// is the whole day.
struct DailyPeriod {
    int start_minute = 0;
    int end_minute = 24 * 60;

    bool always() const { return start_minute == 0 && end_minute == 24 * 60; }
    // True when `minute_of_day` (0..1439) falls in the period.
    bool contains(int minute_of_day) const {
        if (start_minute <= end_minute) {
            return minute_of_day >= start_minute && minute_of_day < end_minute;
        }
        return minute_of_day >= start_minute || minute_of_day < end_minute;
    }
    bool operator==(const DailyPeriod&) const = default;
};

// Parses "HH:MM-HH:MM" (24-hour clock, end may be 24:00); nullopt when malformed or empty.
std::optional<DailyPeriod> parse_daily_period(std::string_view text);
// "08:00-18:00".
std::string format_daily_period(const DailyPeriod& period);

// Calendar days, both ends included, as Beijing dates "YYYY-MM-DD".
struct DateRange {
    std::string first;
    std::string last;
    bool operator==(const DateRange&) const = default;
};

// When a live notice is on screen. Each part left empty does not restrict; a notice is shown when
// the current minute matches every part given (any of its entries). Days and times are checked
// independently on the current Beijing day, so "days: [fri], times: [22:00-02:00]" shows on
// Friday from 22:00 and on Friday from 00:00 to 02:00.
struct DisplaySchedule {
    std::vector<int> days;  // 0 = Monday ... 6 = Sunday, ascending, no repeats
    std::vector<DailyPeriod> times;
    std::vector<DateRange> dates;

    bool empty() const { return days.empty() && times.empty() && dates.empty(); }
    bool operator==(const DisplaySchedule&) const = default;
};

bool schedule_shows(const DisplaySchedule& schedule, int64_t now);

// Staff forms, each returning nullopt when malformed:
//   days:  "mon-fri", "sat", "周一至周五", "周六", "工作日", "周末", "每天" (one entry of a list)
//   dates: "2026-12-01..2026-12-24", "2026-12-01 至 2026-12-24" or one day "2026-12-25"
std::optional<std::vector<int>> parse_days(std::string_view text);
std::optional<DateRange> parse_date_range(std::string_view text);

// Compact JSON text used by the channel's notice objects and content.db: sorted keys
// {"dates":[["2026-12-01","2026-12-24"]],"days":[0,1],"times":[[480,1080]]}.
std::string schedule_to_json(const DisplaySchedule& schedule);
nlohmann::json schedule_to_json_value(const DisplaySchedule& schedule);
// Strict reverse of schedule_to_json; nullopt (and `error` set) when anything is off.
std::optional<DisplaySchedule> schedule_from_json(std::string_view text, std::string& error);
std::optional<DisplaySchedule> schedule_from_json_value(const nlohmann::json& value,
                                                        std::string& error);

inline constexpr size_t k_max_schedule_entries = 16;  // per part

}  // namespace content
