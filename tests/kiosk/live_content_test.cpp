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

TEST_CASE("a content.db replaced by another file (a restore) is noticed and reopened") {
    const auto dir = test_paths::scratch_dir("live-replaced-db");
    {
        content::Store writer =
            content::Store::open((dir / "content.db").string(), content::OpenMode::ReadWrite);
        writer.put_notice(notice("old", content::Priority::Pinned, "旧的置顶公告"));
        writer.set_state("last_success", std::to_string(k_now_ms / 1000));
    }
    Kiosk k(dir);
    CHECK(all_text(k.app->screen()).find("旧的置顶公告") != std::string::npos);
    {
        content::Store other =
            content::Store::open((dir / "restored.db").string(), content::OpenMode::ReadWrite);
        other.put_notice(notice("new", content::Priority::Pinned, "新的置顶公告"));
        other.set_state("last_success", std::to_string(k_now_ms / 1000));
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        std::filesystem::remove(dir / (std::string("content.db") + suffix));
        std::error_code ec;
        std::filesystem::rename(dir / (std::string("restored.db") + suffix),
                                dir / (std::string("content.db") + suffix), ec);
    }
    std::filesystem::rename(dir / "restored.db", dir / "content.db");
    k.wait(2500);
    const std::string text = all_text(k.app->screen());
    CHECK(text.find("新的置顶公告") != std::string::npos);
    CHECK(text.find("旧的置顶公告") == std::string::npos);
}

TEST_CASE("a board whose sources stay expired says calmly that content may not be current") {
    const auto dir = test_paths::scratch_dir("live-stale-note");
    content::Store writer =
        content::Store::open((dir / "content.db").string(), content::OpenMode::ReadWrite);
    writer.put_notice(notice("a", content::Priority::Pinned, "一条置顶公告"));
    writer.set_state("last_success", std::to_string(k_now_ms / 1000 - 3 * 86400));
    writer.set_state("applied_channel", "guihuali");
    writer.set_state("stale_since", std::to_string(k_now_ms / 1000 - 3600));
    Kiosk k(dir);
    CHECK(all_text(k.app->screen()).find("内容可能不是最新") == std::string::npos);  // not yet
    writer.set_state("stale_since", std::to_string(k_now_ms / 1000 - 2 * 86400));
    k.wait(2500);
    CHECK(all_text(k.app->screen()).find("内容可能不是最新") != std::string::npos);
    kiosk::ContentReader reader(dir.string());
    kiosk::DiagnosticsModel model;
    reader.diagnostics(model, k_now_ms / 1000);
    CHECK(model.channel == "guihuali");
    CHECK(model.freshness.find("过期") != std::string::npos);
}
