// Exact periods and display windows: starts/expires to the minute, recurring windows, the staff
// forms that write them, and the content.db filter that applies them, all on a fixed clock.
#include <doctest/doctest.h>

#include "content/date_time.h"
#include "content/notice_source.h"
#include "content/schedule.h"
#include "content/schema.h"
#include "content/store.h"
#include "tests/test_paths.h"

using namespace content;

namespace {

int64_t at(const char* text) {
    return *parse_beijing_time(text);
}

std::string notice_text(const std::string& extra) {
    return "---\ntitle: 食堂今日菜单\ncategory: 服务\ndepartment: 桂花里社区居民委员会\n"
           "date: 2026-11-20 09:30\n" +
           extra + "---\n今天中午供应红烧肉。\n";
}

Notice parsed(const std::string& extra) {
    const ParsedNotice p =
        parse_notice_source("notices/service/menu.md", "menu", notice_text(extra));
    for (const Diagnostic& d : p.diagnostics) {
        FAIL_CHECK(format_diagnostic(d));
    }
    REQUIRE(p.notice);
    return *p.notice;
}

}  // namespace

TEST_CASE(
    "starts and expires hold to the minute: a date ends with its day, a time at that minute") {
    struct Row {
        const char* fields;
        const char* now;
        bool live;
    };
    const std::vector<Row> rows = {
        {"expires: 2026-12-31\n", "2026-12-31 23:59:59", true},
        {"expires: 2026-12-31\n", "2027-01-01 00:00", false},
        {"expires: 2026-12-31 12:00\n", "2026-12-31 11:59:59", true},
        {"expires: 2026-12-31 12:00\n", "2026-12-31 12:00", false},
        {"starts: 2026-11-21\n", "2026-11-20 23:59:59", false},
        {"starts: 2026-11-21\n", "2026-11-21 00:00", true},
        {"starts: 2026-11-21 08:30\n", "2026-11-21 08:29:59", false},
        {"starts: 2026-11-21 08:30\n", "2026-11-21 08:30", true},
        {"", "2026-11-20 09:29:59", false},  // before its date
        {"", "2026-11-20 09:30", true},
        {"starts: 2026-12-31\nexpires: 2026-12-31\n", "2026-12-31 18:00", true},  // one day
    };
    for (const Row& row : rows) {
        CAPTURE(row.fields);
        CAPTURE(row.now);
        CHECK(is_live(parsed(row.fields), at(row.now)) == row.live);
    }
}

TEST_CASE("有效期至 shows the last day, with the time when the notice ends within a day") {
    CHECK(format_until_chinese(*parsed("expires: 2026-12-31\n").expires_at) == "2026年12月31日");
    CHECK(format_until_chinese(*parsed("expires: 2026-12-31 12:00\n").expires_at) ==
          "2026年12月31日 12:00");
}

TEST_CASE("display windows: weekdays, times of day and date ranges, to the minute") {
    const Notice office = parsed("schedule:\n  days: mon-fri\n  times: [08:00-18:00]\n");
    const Notice canteen = parsed("schedule:\n  times: [06:30-08:30, 11:00-13:00, 17:00-19:00]\n");
    const Notice night = parsed("schedule:\n  days: 周末\n  times: [22:00-06:00]\n");
    const Notice advent = parsed("schedule:\n  dates: [2026-12-01..2026-12-24, 2026-12-31]\n");
    struct Row {
        const Notice* notice;
        const char* now;
        bool shown;
    };
    // 2026-11-27 is a Friday, 11-28 a Saturday, 11-30 a Monday.
    const std::vector<Row> rows = {
        {&office, "2026-11-27 07:59", false},   {&office, "2026-11-27 08:00", true},
        {&office, "2026-11-27 17:59:59", true}, {&office, "2026-11-27 18:00", false},
        {&office, "2026-11-28 10:00", false},   {&office, "2026-11-30 08:00", true},
        {&canteen, "2026-11-28 06:29", false},  {&canteen, "2026-11-28 06:30", true},
        {&canteen, "2026-11-28 10:59", false},  {&canteen, "2026-11-28 12:59", true},
        {&canteen, "2026-11-28 13:00", false},  {&canteen, "2026-11-28 18:30", true},
        {&night, "2026-11-28 21:59", false},    {&night, "2026-11-28 22:00", true},
        {&night, "2026-11-29 05:59", true},     {&night, "2026-11-29 06:00", false},
        {&night, "2026-11-27 23:00", false},    {&advent, "2026-11-30 23:59", false},
        {&advent, "2026-12-01 00:00", true},    {&advent, "2026-12-24 23:59", true},
        {&advent, "2026-12-25 00:00", false},   {&advent, "2026-12-31 12:00", true},
    };
    for (const Row& row : rows) {
        CAPTURE(row.now);
        CHECK(is_live(*row.notice, at(row.now)) == row.shown);
    }
}

TEST_CASE("day names in English and Chinese, ranges that wrap the week") {
    CHECK(parse_days("mon-fri") == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(parse_days("周一至周五") == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(parse_days("工作日") == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(parse_days("Sat") == std::vector<int>{5});
    CHECK(parse_days("星期天") == std::vector<int>{6});
    CHECK(parse_days("sat-mon") == std::vector<int>{0, 5, 6});
    CHECK_FALSE(parse_days("someday"));
    CHECK(parse_date_range("2026-12-01 至 2026-12-24") == DateRange{"2026-12-01", "2026-12-24"});
    CHECK_FALSE(parse_date_range("2026-12-24..2026-12-01"));
    CHECK_FALSE(parse_date_range("2026-02-30"));
}

TEST_CASE("levels and schedules that staff get wrong are refused naming line and field") {
    struct Row {
        const char* fields;
        int line;
        const char* field;
        const char* says;
    };
    const std::vector<Row> rows = {
        {"priority: emergency\nlevel: purple\n", 7, "level", "red, orange, yellow or blue"},
        {"level: orange\n", 6, "level", "emergency notices only"},
        {"schedule: weekdays\n", 6, "schedule", "days, times and/or dates"},
        {"schedule:\n  days: someday\n", 7, "schedule.days", "mon-fri"},
        {"schedule:\n  times: [8-18]\n", 7, "schedule.times", "HH:MM-HH:MM"},
        {"schedule:\n  dates: [2026-12-24..2026-12-01]\n", 7, "schedule.dates", "both days"},
        {"schedule:\n  hours: [08:00-18:00]\n", 7, "schedule.hours", "days, times and dates"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.fields);
        const ParsedNotice p = parse_notice_source("m.md", "m", notice_text(row.fields));
        CHECK_FALSE(p.notice);
        REQUIRE_FALSE(p.diagnostics.empty());
        CHECK(p.diagnostics[0].line == row.line);
        CHECK(p.diagnostics[0].field == row.field);
        CHECK(p.diagnostics[0].message.find(row.says) != std::string::npos);
    }
}

TEST_CASE("emergency levels: red by default, 橙/orange spelled either way") {
    CHECK(parsed("priority: emergency\n").level == AlertLevel::Red);
    CHECK(parsed("priority: emergency\nlevel: 橙\n").level == AlertLevel::Orange);
    CHECK(parsed("priority: emergency\nlevel: blue\n").level == AlertLevel::Blue);
    CHECK(parsed("priority: emergency\nlevel: 黄色预警\n").level == AlertLevel::Yellow);
    CHECK(alert_level_name(AlertLevel::Orange) == "橙色预警");
}

TEST_CASE("content.db keeps level and schedule and lists a notice only inside its window") {
    Store store = Store::open((test_paths::scratch_dir("schedule-store") / "content.db").string(),
                              OpenMode::ReadWrite);
    Notice menu = parsed("schedule:\n  days: mon-fri\n  times: [11:00-13:00]\n");
    store.put_notice(menu);
    Notice alert = parsed("priority: emergency\nlevel: yellow\n");
    alert.id = "alert";
    store.put_notice(alert);

    const auto back = store.notice("menu");
    REQUIRE(back);
    CHECK(back->schedule == menu.schedule);
    CHECK(store.notice("alert")->level == AlertLevel::Yellow);

    auto listed = [&](const char* now) {
        return store.notices_in_category(Category::Service, at(now), 0, 10).total;
    };
    CHECK(listed("2026-11-27 10:59") == 1);  // only the alert
    CHECK(listed("2026-11-27 11:00") == 2);
    CHECK(listed("2026-11-27 12:59") == 2);
    CHECK(listed("2026-11-27 13:00") == 1);
    CHECK(listed("2026-11-28 12:00") == 1);  // Saturday
    CHECK(store.category_counts(at("2026-11-27 12:00"), 0)[4].live == 2);
}

TEST_CASE("a version 4 database gains the level and schedule columns and keeps its rows") {
    const std::string path = (test_paths::scratch_dir("schedule-upgrade") / "content.db").string();
    {
        Database db(path, OpenMode::ReadWrite);
        migrate(db, 4);
        db.exec(
            "INSERT INTO notices (id, category, title, body, published_at, priority, "
            "content_hash) VALUES ('old', 'announcement', '停水', '正文', 1700000000, "
            "'emergency', 'h')");
    }
    Store store = Store::open(path, OpenMode::ReadWrite);
    const auto old = store.notice("old");
    REQUIRE(old);
    CHECK(old->level == AlertLevel::Red);
    CHECK(old->schedule.empty());
    CHECK(store.highlighted(1800000000, 5).size() == 1);
}
