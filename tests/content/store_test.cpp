// Store and schema: creation, upgrades from older versions, listing, paging, and the live rules
// decided against a fixed clock.
#include <doctest/doctest.h>

#include "content/date_time.h"
#include "content/schema.h"
#include "content/store.h"
#include "tests/test_paths.h"

using namespace content;

namespace {

int64_t at(const char* text) {
    return *parse_beijing_time(text);
}

Notice make(const std::string& id, Category category, const char* date,
            Priority priority = Priority::Normal) {
    Notice n;
    n.id = id;
    n.category = category;
    n.title = "标题 " + id;
    n.body = "正文";
    n.department = "桂花里社区居民委员会";
    n.published_at = at(date);
    n.priority = priority;
    n.content_hash = notice_hash(n);
    return n;
}

std::string fresh_db(const std::string& name) {
    return (test_paths::scratch_dir(name) / "content.db").string();
}

}  // namespace

TEST_CASE("a new database is created at the latest schema version in WAL mode") {
    const std::string path = fresh_db("store-create");
    Store store = Store::open(path, OpenMode::ReadWrite);
    CHECK(store.database().pragma_int("user_version") == schema_version_latest());
    Statement st = store.database().prepare("PRAGMA journal_mode");
    REQUIRE(st.step());
    CHECK(st.column_text(0) == "wal");
    CHECK(store.database().pragma_int("synchronous") == 2);  // FULL
}

TEST_CASE("an older schema is upgraded forward and keeps its rows") {
    const std::string path = fresh_db("store-upgrade");
    {
        Database db(path, OpenMode::ReadWrite);
        migrate(db, 1);
        CHECK(db.pragma_int("user_version") == 1);
        db.exec(
            "INSERT INTO notices (id, category, title, body, published_at, content_hash) "
            "VALUES ('old-1', 'finance', '旧公告', '正文', 1700000000, 'h')");
    }
    Store store = Store::open(path, OpenMode::ReadWrite);
    CHECK(store.database().pragma_int("user_version") == schema_version_latest());
    const auto notice = store.notice("old-1");
    REQUIRE(notice);
    CHECK(notice->title == "旧公告");
    CHECK(notice->category == Category::Finance);
    CHECK(store.quarantined().empty());
}

TEST_CASE("a database newer than the program is refused with a reason") {
    const std::string path = fresh_db("store-newer");
    {
        Database db(path, OpenMode::ReadWrite);
        db.exec("PRAGMA user_version = 999");
    }
    CHECK_THROWS_WITH_AS(Store::open(path, OpenMode::ReadWrite), doctest::Contains("newer"),
                         DatabaseError);
    CHECK_THROWS_AS(Store::open(path, OpenMode::ReadOnly), DatabaseError);
}

TEST_CASE("read-only open refuses a missing or empty database and never creates one") {
    const auto dir = test_paths::scratch_dir("store-readonly");
    CHECK_THROWS_AS(Store::open((dir / "absent.db").string(), OpenMode::ReadOnly), DatabaseError);
    CHECK_FALSE(std::filesystem::exists(dir / "absent.db"));
    { Database db((dir / "empty.db").string(), OpenMode::ReadWrite); }
    CHECK_THROWS_WITH_AS(Store::open((dir / "empty.db").string(), OpenMode::ReadOnly),
                         doctest::Contains("no content"), DatabaseError);
}

TEST_CASE("a read-only store cannot write") {
    const std::string path = fresh_db("store-ro-write");
    { Store::open(path, OpenMode::ReadWrite).put_notice(make("a", Category::Party, "2026-11-01")); }
    Store ro = Store::open(path, OpenMode::ReadOnly);
    CHECK(ro.notice("a"));
    CHECK_THROWS_AS(ro.put_notice(make("b", Category::Party, "2026-11-01")), DatabaseError);
}

TEST_CASE("category counts include only live notices, with fresh ones counted") {
    Store store = Store::open(fresh_db("store-counts"), OpenMode::ReadWrite);
    store.put_notice(make("p1", Category::Party, "2026-11-22"));
    store.put_notice(make("p2", Category::Party, "2026-10-01"));
    Notice expired = make("p3", Category::Party, "2026-09-01");
    expired.expires_at = at("2026-10-31");
    store.put_notice(expired);
    Notice later = make("f1", Category::Finance, "2026-11-01");
    later.starts_at = at("2027-01-10");
    store.put_notice(later);
    store.put_notice(make("s1", Category::Service, "2026-11-26"), std::string("gambling"));

    const int64_t now = at("2026-11-27 10:00");
    const auto counts = store.category_counts(now, now - 7 * 86400);
    REQUIRE(counts.size() == 6);
    CHECK(counts[0].category == Category::Party);
    CHECK(counts[0].live == 2);
    CHECK(counts[0].fresh == 1);
    CHECK(counts[static_cast<size_t>(Category::Finance)].live == 0);
    CHECK(counts[static_cast<size_t>(Category::Service)].live == 0);  // quarantined

    // The expired notice was live before its expiry; the future one after its start.
    CHECK(store.category_counts(at("2026-10-30"), 0)[0].live == 2);
    CHECK(store.category_counts(at("2027-01-10"), 0)[static_cast<size_t>(Category::Finance)].live ==
          1);
}

TEST_CASE("expiry is exclusive and start is inclusive") {
    Notice n = make("x", Category::Affairs, "2026-11-01 08:00");
    n.expires_at = at("2026-11-02 08:00");
    CHECK_FALSE(is_live(n, at("2026-11-01 07:59")));
    CHECK(is_live(n, at("2026-11-01 08:00")));
    CHECK(is_live(n, at("2026-11-02 07:59")));
    CHECK_FALSE(is_live(n, at("2026-11-02 08:00")));
}

TEST_CASE("a category lists pinned and emergency first, then newest, in pages") {
    Store store = Store::open(fresh_db("store-paging"), OpenMode::ReadWrite);
    for (int day = 1; day <= 9; ++day) {
        char date[16];
        std::snprintf(date, sizeof date, "2026-11-%02d", day);
        store.put_notice(make("n" + std::to_string(day), Category::Affairs, date));
    }
    store.put_notice(make("pinned-old", Category::Affairs, "2026-08-01", Priority::Pinned));
    store.put_notice(make("other", Category::Finance, "2026-11-10"));
    const int64_t now = at("2026-11-27");

    const NoticePage first = store.notices_in_category(Category::Affairs, now, 0, 4);
    CHECK(first.total == 10);
    REQUIRE(first.items.size() == 4);
    CHECK(first.items[0].id == "pinned-old");
    CHECK(first.items[1].id == "n9");
    CHECK(first.items[3].id == "n7");
    const NoticePage last = store.notices_in_category(Category::Affairs, now, 8, 4);
    REQUIRE(last.items.size() == 2);
    CHECK(last.items[1].id == "n1");
    CHECK(store.notices_in_category(Category::Affairs, now, 12, 4).items.empty());
}

TEST_CASE("highlighted notices put emergencies before pinned ones") {
    Store store = Store::open(fresh_db("store-highlight"), OpenMode::ReadWrite);
    store.put_notice(make("pin", Category::Finance, "2026-11-20", Priority::Pinned));
    store.put_notice(make("sos", Category::Announcement, "2026-11-01", Priority::Emergency));
    store.put_notice(make("plain", Category::Finance, "2026-11-25"));
    const auto items = store.highlighted(at("2026-11-27"), 5);
    REQUIRE(items.size() == 2);
    CHECK(items[0].id == "sos");
    CHECK(items[1].id == "pin");
}

TEST_CASE("one notice round-trips every field") {
    Store store = Store::open(fresh_db("store-roundtrip"), OpenMode::ReadWrite);
    Notice n = make("full", Category::Service, "2026-11-20 09:30", Priority::Pinned);
    n.starts_at = at("2026-11-21 08:00");
    n.expires_at = at("2027-01-01");
    n.boards = {"guihuali-hall", "guihuali-gate-1"};
    n.source_url = "https://qinghe.example.gov.cn/a.html";
    n.images = {{"images/plan.png", std::string(64, 'a')}};
    n.body = "## 办理时间\n\n周一至周五 9:00—17:00";
    n.content_hash = notice_hash(n);
    store.put_notice(n);
    const auto back = store.notice("full");
    REQUIRE(back);
    CHECK(*back == n);
    CHECK_FALSE(store.notice("absent"));
}

TEST_CASE("assets are content-addressed and unreferenced ones are collected") {
    Store store = Store::open(fresh_db("store-assets"), OpenMode::ReadWrite);
    const std::string used(64, 'a'), unused(64, 'b');
    store.put_asset(used, "PNGDATA", "image/png");
    store.put_asset(unused, "OTHER", "image/png");
    Notice n = make("with-image", Category::Service, "2026-11-20");
    n.images = {{"images/a.png", used}};
    store.put_notice(n);
    CHECK(store.collect_garbage_assets() == 1);
    CHECK(store.asset(used) == std::optional<std::string>("PNGDATA"));
    CHECK_FALSE(store.has_asset(unused));
}

TEST_CASE("sync state keeps one value per key") {
    Store store = Store::open(fresh_db("store-state"), OpenMode::ReadWrite);
    CHECK_FALSE(store.state("applied_version"));
    store.set_state("applied_version", "3");
    store.set_state("applied_version", "4");
    CHECK(store.state("applied_version") == std::optional<std::string>("4"));
}

TEST_CASE("a reader sees another connection's commit through data_version") {
    const std::string path = fresh_db("store-dataversion");
    Store writer = Store::open(path, OpenMode::ReadWrite);
    Store reader = Store::open(path, OpenMode::ReadOnly);
    const int64_t before = reader.data_version();
    writer.put_notice(make("new", Category::Party, "2026-11-20"));
    CHECK(reader.data_version() != before);
    CHECK(reader.notice("new"));
}

TEST_CASE(
    "the WAL files outlive the writer, so a reader in a read-only folder can open the database") {
    const auto dir = test_paths::scratch_dir("store-persist-wal");
    const std::string path = (dir / "content.db").string();
    {
        Store writer = Store::open(path, OpenMode::ReadWrite);
        writer.put_notice(make("a", Category::Party, "2026-11-01"));
    }
    // Without SQLITE_FCNTL_PERSIST_WAL SQLite deletes both when the last connection closes, and
    // a kiosk that may not write /var/lib/kiosk then fails with "unable to open database file".
    CHECK(std::filesystem::exists(dir / "content.db-wal"));
    CHECK(std::filesystem::exists(dir / "content.db-shm"));
    Store reader = Store::open(path, OpenMode::ReadOnly);
    CHECK(reader.notice("a"));
}
