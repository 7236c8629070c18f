// Display windows: staff forms, the JSON form, and whether a minute falls inside.
#include "content/schedule.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <stdexcept>

#include "content/date_time.h"
#include "content/text_util.h"

namespace content {
namespace {

// "HH:MM" at text[at..at+5), 00:00 .. max_minutes; -1 when malformed.
int parse_clock(std::string_view text, size_t at, int max_minutes) {
    if (at + 5 > text.size() || text[at + 2] != ':') {
        return -1;
    }
    for (size_t i : {at, at + 1, at + 3, at + 4}) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            return -1;
        }
    }
    const int hours = (text[at] - '0') * 10 + (text[at + 1] - '0');
    const int minutes = (text[at + 3] - '0') * 10 + (text[at + 4] - '0');
    const int total = hours * 60 + minutes;
    if (minutes > 59 || total > max_minutes) {
        return -1;
    }
    return total;
}

struct DayName {
    std::string_view english;
    std::string_view chinese;
    std::string_view chinese_alt;
};
constexpr std::array<DayName, 7> k_day_names{{{"mon", "周一", "星期一"},
                                              {"tue", "周二", "星期二"},
                                              {"wed", "周三", "星期三"},
                                              {"thu", "周四", "星期四"},
                                              {"fri", "周五", "星期五"},
                                              {"sat", "周六", "星期六"},
                                              {"sun", "周日", "星期日"}}};

std::optional<int> day_index(std::string_view text) {
    const std::string lower = [&] {
        std::string s(text);
        for (char& c : s) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        return s;
    }();
    for (size_t i = 0; i < k_day_names.size(); ++i) {
        const DayName& d = k_day_names[i];
        if (lower == d.english || text == d.chinese || text == d.chinese_alt ||
            (i == 6 && (text == "周天" || text == "星期天"))) {
            return static_cast<int>(i);
        }
    }
    return std::nullopt;
}

// Splits "a-b", "a至b" or "a..b" at the separator; nullopt when there is none.
std::optional<std::pair<std::string_view, std::string_view>> split_range(std::string_view text,
                                                                         std::string_view sep) {
    const size_t at = text.find(sep);
    if (at == std::string_view::npos) {
        return std::nullopt;
    }
    return std::pair{trim(text.substr(0, at)), trim(text.substr(at + sep.size()))};
}

bool is_date(std::string_view text) {
    return text.size() == 10 && parse_beijing_time(text).has_value();
}

[[noreturn]] void bad(const std::string& what) {
    throw std::invalid_argument(what);
}

}  // namespace

std::optional<DailyPeriod> parse_daily_period(std::string_view text) {
    text = trim(text);
    if (text.size() != 11 || text[5] != '-') {
        return std::nullopt;
    }
    const int start = parse_clock(text, 0, 23 * 60 + 59);
    const int end = parse_clock(text, 6, 24 * 60);
    if (start < 0 || end < 0 || start == end) {
        return std::nullopt;
    }
    return DailyPeriod{start, end};
}

std::string format_daily_period(const DailyPeriod& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%02d:%02d-%02d:%02d", p.start_minute / 60, p.start_minute % 60,
                  p.end_minute / 60, p.end_minute % 60);
    return buf;
}

std::optional<std::vector<int>> parse_days(std::string_view text) {
    text = trim(text);
    if (text == "每天" || text == "daily") {
        return std::vector<int>{0, 1, 2, 3, 4, 5, 6};
    }
    if (text == "工作日" || text == "weekdays") {
        return std::vector<int>{0, 1, 2, 3, 4};
    }
    if (text == "周末" || text == "weekend") {
        return std::vector<int>{5, 6};
    }
    if (auto one = day_index(text)) {
        return std::vector<int>{*one};
    }
    for (std::string_view sep : {"-", "至", "到", "~"}) {
        if (auto parts = split_range(text, sep)) {
            const auto first = day_index(parts->first);
            const auto last = day_index(parts->second);
            if (!first || !last) {
                return std::nullopt;
            }
            // "sat-mon" wraps over the week's end.
            std::vector<int> out;
            for (int d = *first;; d = (d + 1) % 7) {
                out.push_back(d);
                if (d == *last) {
                    break;
                }
            }
            std::sort(out.begin(), out.end());
            return out;
        }
    }
    return std::nullopt;
}

std::optional<DateRange> parse_date_range(std::string_view text) {
    text = trim(text);
    if (is_date(text)) {
        return DateRange{std::string(text), std::string(text)};
    }
    for (std::string_view sep : {"..", "至", "到", "~"}) {
        if (auto parts = split_range(text, sep)) {
            if (!is_date(parts->first) || !is_date(parts->second) || parts->second < parts->first) {
                return std::nullopt;
            }
            return DateRange{std::string(parts->first), std::string(parts->second)};
        }
    }
    return std::nullopt;
}

bool schedule_shows(const DisplaySchedule& s, int64_t now) {
    const CivilTime c = to_beijing_civil(now);
    if (!s.days.empty() && std::find(s.days.begin(), s.days.end(), weekday(c)) == s.days.end()) {
        return false;
    }
    const int minute = c.hour * 60 + c.minute;
    if (!s.times.empty() && std::none_of(s.times.begin(), s.times.end(),
                                         [&](const auto& p) { return p.contains(minute); })) {
        return false;
    }
    if (!s.dates.empty()) {
        const std::string today = format_date(now);
        return std::any_of(s.dates.begin(), s.dates.end(), [&](const DateRange& r) {
            return r.first <= today && today <= r.last;  // "YYYY-MM-DD" sorts as dates do
        });
    }
    return true;
}

nlohmann::json schedule_to_json_value(const DisplaySchedule& s) {
    nlohmann::json times = nlohmann::json::array();
    for (const DailyPeriod& p : s.times) {
        times.push_back({p.start_minute, p.end_minute});
    }
    nlohmann::json dates = nlohmann::json::array();
    for (const DateRange& r : s.dates) {
        dates.push_back({r.first, r.last});
    }
    return {{"days", s.days}, {"times", times}, {"dates", dates}};
}

std::string schedule_to_json(const DisplaySchedule& s) {
    return schedule_to_json_value(s).dump();
}

std::optional<DisplaySchedule> schedule_from_json_value(const nlohmann::json& j,
                                                        std::string& error) {
    try {
        if (!j.is_object() || j.size() != 3) {
            bad("expected an object with days, times and dates");
        }
        DisplaySchedule s;
        auto list = [&](const char* key) -> const nlohmann::json& {
            const auto it = j.find(key);
            if (it == j.end() || !it->is_array() || it->size() > k_max_schedule_entries) {
                bad(std::string(key) + ": expected a list of at most " +
                    std::to_string(k_max_schedule_entries));
            }
            return *it;
        };
        for (const auto& d : list("days")) {
            if (!d.is_number_integer() || d.get<int64_t>() < 0 || d.get<int64_t>() > 6 ||
                (!s.days.empty() && d.get<int>() <= s.days.back())) {
                bad("days: expected ascending weekday numbers 0 (Monday) to 6");
            }
            s.days.push_back(d.get<int>());
        }
        for (const auto& t : list("times")) {
            if (!t.is_array() || t.size() != 2 || !t[0].is_number_integer() ||
                !t[1].is_number_integer()) {
                bad("times: expected [start, end] minutes");
            }
            const DailyPeriod p{t[0].get<int>(), t[1].get<int>()};
            if (p.start_minute < 0 || p.start_minute >= 24 * 60 || p.end_minute < 0 ||
                p.end_minute > 24 * 60 || p.start_minute == p.end_minute) {
                bad("times: minutes out of range");
            }
            s.times.push_back(p);
        }
        for (const auto& d : list("dates")) {
            if (!d.is_array() || d.size() != 2 || !d[0].is_string() || !d[1].is_string()) {
                bad("dates: expected [first, last] dates");
            }
            DateRange r{d[0].get<std::string>(), d[1].get<std::string>()};
            if (!is_date(r.first) || !is_date(r.last) || r.last < r.first) {
                bad("dates: expected YYYY-MM-DD, first not after last");
            }
            s.dates.push_back(std::move(r));
        }
        if (s.empty()) {
            bad("an empty schedule is written as no schedule");
        }
        return s;
    } catch (const std::exception& e) {
        error = std::string("schedule: ") + e.what();
        return std::nullopt;
    }
}

std::optional<DisplaySchedule> schedule_from_json(std::string_view text, std::string& error) {
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) {
        error = "schedule: not valid JSON";
        return std::nullopt;
    }
    return schedule_from_json_value(j, error);
}

}  // namespace content
