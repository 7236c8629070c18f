// The staff notice format: a good file parses; every validation error names file, line and field
// and says what to write instead.
#include <doctest/doctest.h>

#include "content/date_time.h"
#include "content/notice_source.h"

using namespace content;

namespace {

const char* k_good = R"(---
title: 关于加装电梯意见征询的通知
category: 事务
department: 桂花里社区居民委员会
date: 2026-11-20 09:30
starts: 2026-11-21
expires: 2026-12-31
priority: pinned
boards: [guihuali-hall, guihuali-gate-1]
source_url: https://qinghe.example.gov.cn/guihuali/1120.html
images: [images/plan.png]
---
## 征询事项

各位居民：桂园5幢拟加装电梯，请于**12月5日**前反馈意见。

| 楼层 | 户数 |
|---|---|
| 1 | 4 |
)";

ParsedNotice parse(const std::string& text, const std::string& id = "elevator-1120") {
    return parse_notice_source("notices/affairs/" + id + ".md", id, text);
}

// Replaces the first occurrence of `from` in the good file.
std::string good_with(const std::string& from, const std::string& to) {
    std::string text = k_good;
    const size_t pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    text.replace(pos, from.size(), to);
    return text;
}

}  // namespace

TEST_CASE("a complete notice parses into every field") {
    const ParsedNotice parsed = parse(k_good);
    REQUIRE(parsed.diagnostics.empty());
    REQUIRE(parsed.notice);
    const Notice& n = *parsed.notice;
    CHECK(n.id == "elevator-1120");
    CHECK(n.title == "关于加装电梯意见征询的通知");
    CHECK(n.category == Category::Affairs);
    CHECK(n.department == "桂花里社区居民委员会");
    CHECK(n.published_at == *parse_beijing_time("2026-11-20 09:30"));
    CHECK(n.starts_at == parse_beijing_time("2026-11-21"));
    CHECK(n.expires_at == parse_beijing_time("2027-01-01"));  // through the end of 12-31
    CHECK(n.priority == Priority::Pinned);
    CHECK(n.boards == std::vector<std::string>{"guihuali-hall", "guihuali-gate-1"});
    CHECK(n.source_url == "https://qinghe.example.gov.cn/guihuali/1120.html");
    REQUIRE(n.images.size() == 1);
    CHECK(n.images[0].path == "images/plan.png");
    CHECK(n.body.rfind("## 征询事项", 0) == 0);
}

TEST_CASE("the category may be written as its key") {
    const ParsedNotice parsed = parse(good_with("category: 事务", "category: finance"));
    REQUIRE(parsed.notice);
    CHECK(parsed.notice->category == Category::Finance);
}

TEST_CASE("every validation error names the file, the line and the field") {
    struct Row {
        const char* why;
        std::string text;
        int line;
        const char* field;
        const char* says;  // part of the advice given
    };
    const std::vector<Row> rows = {
        {"unknown category lists the six", good_with("category: 事务", "category: 党建"), 3,
         "category",
         "党务 (party), 政务 (government), 事务 (affairs), 财务 (finance), 服务 (service), 公告 "
         "(announcement)"},
        {"bad date shows the form", good_with("date: 2026-11-20 09:30", "date: 2026/11/20"), 5,
         "date", "2026-11-20 or 2026-11-20 09:30"},
        {"impossible date", good_with("expires: 2026-12-31", "expires: 2026-02-30"), 7, "expires",
         "2026-11-20"},
        {"expiry before start", good_with("expires: 2026-12-31", "expires: 2026-11-01"), 7,
         "expires", "later expiry"},
        {"unknown priority", good_with("priority: pinned", "priority: urgent"), 8, "priority",
         "normal, pinned or emergency"},
        {"bad board id", good_with("guihuali-gate-1", "Gate 1"), 9, "boards", "lowercase"},
        {"not a web address", good_with("https://qinghe", "qinghe"), 10, "source_url", "https://"},
        {"image outside the folder", good_with("images/plan.png", "../secret.png"), 11, "images",
         "inside the notices folder"},
        {"unknown field", good_with("priority: pinned", "priorty: pinned"), 8, "priorty",
         "the fields are"},
        {"missing title", good_with("title: 关于加装电梯意见征询的通知\n", ""), 11, "title",
         "add a line `title: ...`"},
        {"empty title", good_with("title: 关于加装电梯意见征询的通知", "title: \"\""), 2, "title",
         "headline"},
        {"title too long",
         good_with("title: 关于加装电梯意见征询的通知", "title: " + std::string(130 * 3, 'a')), 2,
         "title", "at most 120"},
        {"list where one value is expected",
         good_with("department: 桂花里社区居民委员会", "department: [a, b]"), 4, "department",
         "single value"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.why);
        const ParsedNotice parsed = parse(row.text);
        CHECK_FALSE(parsed.notice);
        REQUIRE(parsed.diagnostics.size() >= 1);
        const Diagnostic& d = parsed.diagnostics.front();
        CHECK(d.file == "notices/affairs/elevator-1120.md");
        CHECK(d.line == row.line);
        CHECK(d.field == row.field);
        CHECK(d.message.find(row.says) != std::string::npos);
        CHECK(format_diagnostic(d).rfind("notices/affairs/elevator-1120.md:" +
                                             std::to_string(row.line) + ": " + row.field + ": ",
                                         0) == 0);
    }
}

TEST_CASE("structural problems are explained") {
    struct Row {
        const char* why;
        std::string text;
        std::string id;
        const char* says;
    };
    const std::vector<Row> rows = {
        {"no front matter", "# 通知\n\n正文", "a", "starts with a line '---'"},
        {"front matter never closed", "---\ntitle: 通知\n", "a", "add a line '---'"},
        {"not YAML", "---\ntitle: [unclosed\n---\n正文\n", "a", "cannot read the fields"},
        {"fields not a map", "---\n- a\n- b\n---\n正文\n", "a", "name: value"},
        {"no body", good_with("## 征询事项", "").substr(0, std::string(k_good).find("## 征询事项")),
         "a", "no text"},
        {"bad file name", k_good, "Elevator Notice", "rename it"},
        {"invalid UTF-8", std::string(k_good) + "\xff\xfe", "a", "UTF-8"},
        {"oversized file", std::string(k_good) + std::string(600 * 1024, 'x'), "a",
         "at most 512 KB"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.why);
        const ParsedNotice parsed = parse(row.text, row.id);
        CHECK_FALSE(parsed.notice);
        REQUIRE_FALSE(parsed.diagnostics.empty());
        CHECK(parsed.diagnostics.front().message.find(row.says) != std::string::npos);
    }
}

TEST_CASE("several problems in one file are all reported") {
    std::string text = good_with("category: 事务", "category: 其他");
    text.replace(text.find("priority: pinned"), 16, "priority: top");
    const ParsedNotice parsed = parse(text);
    CHECK(parsed.diagnostics.size() == 2);
}

TEST_CASE("a NUL or control byte in a field is reported with file, line and field") {
    // Found by fuzzing: a NUL in the front matter made validate/check/build exit 2 with only
    // "invalid UTF-8 byte at index 111".
    for (const std::string& bad :
         {std::string("\0", 1), std::string("\x01"), std::string("\x1b")}) {
        CAPTURE(bad.size());
        const ParsedNotice p = parse(
            good_with("department: 桂花里社区居民委员会", "department: 桂花里" + bad + "居委会"));
        CHECK_FALSE(p.notice);
        REQUIRE(p.diagnostics.size() == 1);
        CHECK(p.diagnostics[0].file == "notices/affairs/elevator-1120.md");
        CHECK(p.diagnostics[0].line == 4);
        CHECK(p.diagnostics[0].field == "department");
        CHECK(p.diagnostics[0].message.find("control character") != std::string::npos);
    }
    const std::string nul_title = good_with("title: 关于", std::string("title: \0关于", 14));
    const ParsedNotice t = parse(nul_title);
    CHECK_FALSE(t.notice);
    REQUIRE_FALSE(t.diagnostics.empty());
    CHECK(t.diagnostics[0].line == 2);
    CHECK(t.diagnostics[0].field == "title");
}

TEST_CASE("source_url must be an http(s) address without a user name (no phishing look-alike)") {
    for (const char* url :
         {"https://www.qinghe.gov.cn@evil.example.com/pay", "https://user:pass@www.qinghe.gov.cn/",
          "javascript:alert(1)", "ftp://www.qinghe.gov.cn/a", "https:///no-host", "https://"}) {
        CAPTURE(url);
        const ParsedNotice p =
            parse(good_with("https://qinghe.example.gov.cn/guihuali/1120.html", url));
        CHECK_FALSE(p.notice);
        REQUIRE(p.diagnostics.size() == 1);
        CHECK(p.diagnostics[0].field == "source_url");
        CHECK(p.diagnostics[0].line == 10);
    }
    CHECK(parse(good_with("https://qinghe.example.gov.cn/guihuali/1120.html",
                          "http://qinghe.example.gov.cn:8080/a?b=c@d"))
              .notice);
}
