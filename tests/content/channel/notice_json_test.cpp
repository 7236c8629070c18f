// Notice objects: every sample notice round-trips through its canonical JSON, whose sha256 is its
// content hash; anything not canonical is refused.
#include <doctest/doctest.h>

#include "content/channel/notice_json.h"
#include "content/sha256.h"
#include "content/source_tree.h"
#include "tests/test_paths.h"

using namespace content;
using namespace content::channel;

TEST_CASE("every sample notice round-trips through its canonical JSON") {
    const SourceTree tree = load_source_tree(test_paths::sample_dir());
    REQUIRE(tree.diagnostics.empty());
    REQUIRE(tree.notices.size() > 10);
    for (const Notice& notice : tree.notices) {
        const std::string text = notice_canonical_text(notice);
        const NoticeJsonParse p = parse_notice_json(text);
        REQUIRE_MESSAGE(p.notice, (notice.id + ": " + p.error));
        CHECK(*p.notice == notice);
        CHECK(p.notice->content_hash == sha256_hex(text));
    }
}

TEST_CASE("non-canonical or invalid notice objects are refused") {
    const SourceTree tree = load_source_tree(test_paths::sample_dir());
    const std::string text = notice_canonical_text(tree.notices.at(0));
    CHECK(parse_notice_json(" " + text).error.find("canonical") != std::string::npos);
    CHECK(parse_notice_json("{}").error == "id: missing");
    CHECK(parse_notice_json("[1,2]").error.find("object") != std::string::npos);
    CHECK(parse_notice_json("{\"id\":").error.find("JSON") != std::string::npos);
    CHECK(parse_notice_json(std::string(3 * 1024 * 1024, ' ')).error.find("larger") !=
          std::string::npos);
    CHECK(parse_notice_json(std::string(1000, '[')).error.find("nests") != std::string::npos);
    std::string bad_id = text;
    const size_t at = bad_id.find("\"id\":\"") + 6;
    bad_id.insert(at, "../");
    CHECK(parse_notice_json(bad_id).error.starts_with("id"));
}

TEST_CASE("a board refuses a notice object whose source_url has a user name or another scheme") {
    SourceTree tree = load_source_tree(test_paths::sample_dir());
    for (const char* url : {"https://www.qinghe.gov.cn@evil.example.com/pay", "javascript:alert(1)",
                            "ftp://files.example.gov.cn/a"}) {
        CAPTURE(url);
        content::Notice n = tree.notices.at(0);
        n.source_url = url;
        const NoticeJsonParse p = parse_notice_json(notice_canonical_text(n));
        CHECK_FALSE(p.notice);
        CHECK(p.error.starts_with("source_url"));
    }
}

TEST_CASE("a notice object carries level and schedule only when they say something") {
    const SourceTree tree = load_source_tree(test_paths::sample_dir());
    Notice n = tree.notices.at(0);
    n.priority = Priority::Normal;
    n.schedule = {};
    const std::string plain = notice_canonical_text(n);
    CHECK(plain.find("\"level\"") == std::string::npos);
    CHECK(plain.find("\"schedule\"") == std::string::npos);

    n.priority = Priority::Emergency;
    n.level = AlertLevel::Orange;
    n.schedule.days = {0, 1, 2, 3, 4};
    n.schedule.times = {{8 * 60, 18 * 60}};
    const std::string rich = notice_canonical_text(n);
    CHECK(rich.find("\"level\":\"orange\"") != std::string::npos);
    const NoticeJsonParse p = parse_notice_json(rich);
    REQUIRE_MESSAGE(p.notice, p.error);
    CHECK(p.notice->level == AlertLevel::Orange);
    CHECK(p.notice->schedule == n.schedule);

    auto with = [&](const std::string& from, const std::string& to) {
        std::string text = rich;
        const size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        return parse_notice_json(text).error;
    };
    CHECK(with("\"level\":\"orange\"", "\"level\":\"purple\"").starts_with("level"));
    CHECK(with("\"level\":\"orange\"", "\"level\":\"red\"").starts_with("level"));
    CHECK(with("\"priority\":\"emergency\"", "\"priority\":\"normal\"").starts_with("level"));
    CHECK(with("[480,1080]", "[480,2000]").starts_with("schedule"));
    CHECK(with("\"days\":[0,1,2,3,4]", "\"days\":[4,1]").starts_with("schedule"));
}
