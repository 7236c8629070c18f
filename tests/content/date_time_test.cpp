// Beijing-time parsing and formatting, table-driven.
#include <doctest/doctest.h>

#include "content/date_time.h"

using namespace content;

TEST_CASE("dates in the accepted forms parse as Beijing time") {
    struct Row {
        const char* text;
        int64_t expected;
    };
    const Row rows[] = {
        {"1970-01-01 08:00", 0},     // the epoch is 08:00 in Beijing
        {"2026-11-20", 1795104000},  // midnight Beijing = 16:00 UTC the day before
        {"2026-11-20 09:30", 1795138200},
        {"2026-11-20T09:30", 1795138200},
        {"2026-11-20 09:30:15", 1795138215},
        {"2024-02-29", 1709136000},  // leap day
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(parse_beijing_time(row.text) == std::optional<int64_t>(row.expected));
    }
}

TEST_CASE("malformed or impossible dates are refused") {
    for (const char* text :
         {"", "2026-11", "2026/11/20", "2026-13-01", "2026-02-30", "2025-02-29", "2026-11-20 24:00",
          "2026-11-20 9:30", "2026-11-20 09:30 ", "二〇二六年", "2026-11-20x"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_beijing_time(text));
    }
}

TEST_CASE("formatting round-trips and names the weekday") {
    const int64_t t = *parse_beijing_time("2026-11-27 20:05");
    CHECK(format_date(t) == "2026-11-27");
    CHECK(format_date_time(t) == "2026-11-27 20:05");
    CHECK(format_date_chinese(t) == "2026年11月27日");
    CHECK(format_weekday_chinese(t) == "星期五");
    CHECK(format_weekday_chinese(*parse_beijing_time("2026-11-29")) == "星期日");
}
