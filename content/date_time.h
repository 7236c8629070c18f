// Beijing-time calendar conversions with no clock inside: dates in, Unix seconds out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace content {

// China uses one time zone, UTC+8, with no daylight saving.
inline constexpr int64_t k_beijing_offset_seconds = 8 * 3600;

struct CivilTime {
    int year = 1970;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

// Accepts "2026-11-20", "2026-11-20 09:30", "2026-11-20 09:30:15" and the same with 'T'.
std::optional<int64_t> parse_beijing_time(std::string_view text);

// An end written by staff, returned as the first second the thing no longer holds: a date alone
// ("2026-12-31") means through the end of that day (2027-01-01 00:00); a time ("2026-12-31
// 12:00") means that moment.
std::optional<int64_t> parse_beijing_until(std::string_view text);

CivilTime to_beijing_civil(int64_t unix_seconds);
int64_t from_beijing_civil(const CivilTime& civil);

// 0 = Monday ... 6 = Sunday.
int weekday(const CivilTime& civil);

// "2026-11-20" and "2026-11-20 09:30".
std::string format_date(int64_t unix_seconds);
std::string format_date_time(int64_t unix_seconds);
// "2026年11月20日" and "星期五".
std::string format_date_chinese(int64_t unix_seconds);
std::string format_weekday_chinese(int64_t unix_seconds);
// The last day an exclusive end `until` covers, with the time when it is not the end of a day:
// 2027-01-01 00:00 -> "2026年12月31日"; 2026-12-31 12:00 -> "2026年12月31日 12:00".
std::string format_until_chinese(int64_t until);

inline constexpr std::string_view k_date_forms = "2026-11-20 or 2026-11-20 09:30";

}  // namespace content
