// Live content and bad content: the kiosk notices a committed change within 2 s, keeps the
// reader's place, goes back calmly when a notice is withdrawn, shows a new emergency at once, and
// never shows a failure for a missing database, an enormous title or a missing image.
#include <doctest/doctest.h>

#include "tests/kiosk/kiosk_harness.h"
#include "tests/sample_db.h"

using namespace kiosk;

namespace {

using kiosk_test::all_text;
using kiosk_test::k_now_ms;
using Kiosk = kiosk_test::Harness;

content::Notice notice(const std::string& id, content::Priority priority,
                       const std::string& title) {
    content::Notice n;
    n.id = id;
    n.category = content::Category::Announcement;
    n.title = title;
    n.body = "各位居民：请注意。";
    n.department = "桂花里社区居民委员会";
    n.published_at = k_now_ms / 1000 - 60;
    n.priority = priority;
    n.content_hash = content::notice_hash(n);
    return n;
}

}  // namespace

TEST_CASE("a committed change shows within 2 s and keeps the reader's page") {
    const auto data = test_fixtures::sample_data_dir("live-keep");
    Kiosk k(data);
    REQUIRE(k.tap("政务"));
    REQUIRE(k.tap("年度工作报告"));
    k.app->key({Key::Right, 0}, k.now);
    k.wait(500);
    REQUIRE(k.app->screen().page == 1);
    {
        content::Store writer =
            content::Store::open((data / "content.db").string(), content::OpenMode::ReadWrite);
        writer.put_notice(notice("new-1", content::Priority::Normal, "新增公告"));
    }
    k.wait(2000);
    CHECK(k.app->screen().name == "notice");
    CHECK(k.app->screen().page == 1);
    k.app->key({Key::Home, 0}, k.now);
    k.wait(500);
    CHECK(all_text(k.app->screen()).find("共 9 条") != std::string::npos);  // 8 live 公告 + 1
}

TEST_CASE("a withdrawn notice goes back to its list with a calm message") {
    const auto data = test_fixtures::sample_data_dir("live-withdraw");
    Kiosk k(data);
    REQUIRE(k.tap("财务"));
    REQUIRE(k.tap("第三季度"));
    REQUIRE(k.app->screen().name == "notice");
    {
        content::Store writer =
            content::Store::open((data / "content.db").string(), content::OpenMode::ReadWrite);
        writer.remove_notice("finance-2026-q3-accounts");
    }
    k.wait(2000);
    CHECK(k.app->screen().name == "category");
    CHECK(all_text(k.app->screen()).find("您查看的内容已更新或撤下") != std::string::npos);
}

TEST_CASE("a new emergency notice comes up at once over whatever is on screen") {
    const auto data = test_fixtures::sample_data_dir("live-emergency");
    Kiosk k(data);
    REQUIRE(k.tap("党务"));
    {
        content::Store writer =
            content::Store::open((data / "content.db").string(), content::OpenMode::ReadWrite);
        writer.put_notice(notice("gas-leak", content::Priority::Emergency,
                                 "紧急通知：桂园3幢燃气泄漏，请勿靠近"));
    }
    k.wait(2000);
    CHECK(k.app->screen().name == "notice");
    CHECK(k.app->nav().notice_id == "gas-leak");
}

TEST_CASE("no database, an empty one, or one that appears later: a calm screen, then content") {
    const auto dir = test_paths::scratch_dir("live-nodb");
    Kiosk k(dir);
    CHECK(k.app->screen().name == "home");
    CHECK(all_text(k.app->screen()).find("内容更新中") != std::string::npos);
    { content::Database empty((dir / "content.db").string(), content::OpenMode::ReadWrite); }
    k.wait(1500);
    CHECK(all_text(k.app->screen()).find("内容更新中") != std::string::npos);
    std::filesystem::remove(dir / "content.db");
    {
        content::Store writer =
            content::Store::open((dir / "content.db").string(), content::OpenMode::ReadWrite);
        writer.put_notice(notice("first", content::Priority::Normal, "第一条公告"));
        writer.set_state("last_success", std::to_string(k_now_ms / 1000));
    }
    k.wait(2000);
    CHECK(all_text(k.app->screen()).find("共 1 条") != std::string::npos);
}

TEST_CASE("an enormous title, a missing image and broken text still give a sensible screen") {
    const auto dir = test_paths::scratch_dir("live-bad");
    {
        content::Store writer =
            content::Store::open((dir / "content.db").string(), content::OpenMode::ReadWrite);
        std::string title;
        for (int i = 0; i < 2000; ++i)
            title += "很长的标题";
        content::Notice n = notice("huge", content::Priority::Pinned, title);
        n.body = "正文\xff\xfe有坏字节。\n\n![图](images/gone.png)\n\n| a | b |\n|---|\n| 1 |";
        n.images = {{"images/gone.png", std::string(64, 'f')}};
        writer.put_notice(n);
    }
    Kiosk k(dir);
    REQUIRE(k.tap("很长的标题"));
    CHECK(k.app->screen().name == "notice");
    CHECK(k.app->screen().page_count >= 1);
    for (const auto& t : k.app->screen().targets) {
        CHECK(t.rect.y >= 0);
        CHECK(t.rect.bottom() <= 1080);
    }
}
