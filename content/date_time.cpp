// Beijing-time calendar conversions (Howard Hinnant's civil-day algorithms).
#include "content/date_time.h"

#include <array>
#include <cstdio>

namespace content {
namespace {

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yy + (m <= 2));
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> k_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : k_days[static_cast<size_t>(month - 1)];
}

// Reads exactly `width` digits at `pos`.
bool read_number(std::string_view text, size_t& pos, size_t width, int& out) {
    if (pos + width > text.size()) {
        return false;
    }
    int value = 0;
    for (size_t i = 0; i < width; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + (c - '0');
    }
    pos += width;
    out = value;
    return true;
}

bool expect(std::string_view text, size_t& pos, char c) {
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

}  // namespace

std::optional<int64_t> parse_beijing_time(std::string_view text) {
    CivilTime t;
    size_t pos = 0;
    if (!read_number(text, pos, 4, t.year) || !expect(text, pos, '-') ||
        !read_number(text, pos, 2, t.month) || !expect(text, pos, '-') ||
        !read_number(text, pos, 2, t.day)) {
        return std::nullopt;
    }
    if (pos < text.size()) {
        if (!expect(text, pos, ' ') && !expect(text, pos, 'T')) {
            return std::nullopt;
        }
        if (!read_number(text, pos, 2, t.hour) || !expect(text, pos, ':') ||
            !read_number(text, pos, 2, t.minute)) {
            return std::nullopt;
        }
        if (pos < text.size() &&
            (!expect(text, pos, ':') || !read_number(text, pos, 2, t.second))) {
            return std::nullopt;
        }
    }
    if (pos != text.size() || t.year < 1970 || t.month < 1 || t.month > 12 || t.day < 1 ||
        t.day > days_in_month(t.year, t.month) || t.hour > 23 || t.minute > 59 || t.second > 59) {
        return std::nullopt;
    }
    return from_beijing_civil(t);
}

std::optional<int64_t> parse_beijing_until(std::string_view text) {
    const auto t = parse_beijing_time(text);
    if (t && text.size() == 10) {  // "YYYY-MM-DD": the whole day
        return *t + 86400;
    }
    return t;
}

int64_t from_beijing_civil(const CivilTime& c) {
    const int64_t days =
        days_from_civil(c.year, static_cast<unsigned>(c.month), static_cast<unsigned>(c.day));
    return days * 86400 + c.hour * 3600 + c.minute * 60 + c.second - k_beijing_offset_seconds;
}

CivilTime to_beijing_civil(int64_t unix_seconds) {
    const int64_t local = unix_seconds + k_beijing_offset_seconds;
    int64_t days = local / 86400;
    int64_t rest = local % 86400;
    if (rest < 0) {
        rest += 86400;
        days -= 1;
    }
    CivilTime c;
    civil_from_days(days, c.year, c.month, c.day);
    c.hour = static_cast<int>(rest / 3600);
    c.minute = static_cast<int>(rest % 3600 / 60);
    c.second = static_cast<int>(rest % 60);
    return c;
}

int weekday(const CivilTime& c) {
    const int64_t days =
        days_from_civil(c.year, static_cast<unsigned>(c.month), static_cast<unsigned>(c.day));
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string format_date(int64_t unix_seconds) {
    const CivilTime c = to_beijing_civil(unix_seconds);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

std::string format_date_time(int64_t unix_seconds) {
    const CivilTime c = to_beijing_civil(unix_seconds);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour,
                  c.minute);
    return buf;
}

std::string format_date_chinese(int64_t unix_seconds) {
    const CivilTime c = to_beijing_civil(unix_seconds);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%d年%d月%d日", c.year, c.month, c.day);
    return buf;
}

std::string format_weekday_chinese(int64_t unix_seconds) {
    static constexpr std::array<const char*, 7> k_names{"星期一", "星期二", "星期三", "星期四",
                                                        "星期五", "星期六", "星期日"};
    return k_names[static_cast<size_t>(weekday(to_beijing_civil(unix_seconds)))];
}

std::string format_until_chinese(int64_t until) {
    const CivilTime c = to_beijing_civil(until);
    if (c.hour == 0 && c.minute == 0 && c.second == 0) {
        return format_date_chinese(until - 1);
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, " %02d:%02d", c.hour, c.minute);
    return format_date_chinese(until) + buf;
}

}  // namespace content
