// Applying channels through sync_from_source over real HTTP on 127.0.0.1 and from a folder:
// first sync, no-change polls, small changes, removals, targeting, resume, and the hooks.
#include <doctest/doctest.h>

#include "sync/file_source.h"
#include "sync/http_source.h"
#include "sync/sync_status.h"
#include "tests/sync/sync_fixture.h"
#include "tests/sync/test_http_server.h"
#include "tests/test_paths.h"

using namespace sync_fixture;
using sync_core::SyncResult;

namespace {

struct Setup {
    explicit Setup(const std::string& name)
        : dir(test_paths::scratch_dir(name)),
          key(content::channel::minisign::generate_secret_key()),
          server(dir) {}
    fs::path dir;
    content::channel::minisign::SecretKey key;
    test_http::Server server;
    fs::path channel() const { return dir / "channel"; }
    fs::path data() const { return dir / "data"; }
};

// Counts every row written by this connection: a no-change poll must leave it unchanged.
int64_t total_changes(content::Store& store) {
    return sqlite3_total_changes64(store.database().handle());
}

}  // namespace

TEST_CASE("a first sync over HTTP applies every notice and image for this board") {
    Setup s("sync-first-http");
    content::SourceTree tree = many_notices(30, "v1");
    tree.notices[3].boards = {"gate"};  // for another board only
    attach_image(tree, 5, "plan");
    publish(tree, s.key, s.channel());
    content::Store store = open_store(s.data());
    sync_core::HttpSource source(s.server.url("channel"), {});

    const auto outcome =
        sync_core::sync_from_source(store, source, settings_for(s.data(), s.key), t0());
    CHECK_MESSAGE(outcome.result == SyncResult::Applied, outcome.message);
    CHECK(outcome.version == 1);
    CHECK(outcome.stats.upserted == 29);
    CHECK(outcome.objects_fetched == 30);  // 29 notices and 1 image; notice 3 is not fetched
    CHECK(fingerprint(store) == expected(tree));
    const sync_core::SyncStatus status = sync_core::read_sync_status(store);
    CHECK(status.applied_version == 1);
    CHECK(status.last_result == "applied");
    CHECK(status.last_error.empty());
    CHECK(status.last_success == t0());
    CHECK(fs::is_empty(s.data() / "staging"));
}

TEST_CASE("a no-change poll sends one conditional request and writes nothing") {
    Setup s("sync-no-change");
    publish(many_notices(20, "v1"), s.key, s.channel());
    content::Store store = open_store(s.data());
    sync_core::HttpSource source(s.server.url("channel"), {});
    const auto settings = settings_for(s.data(), s.key);
    REQUIRE(sync_core::sync_from_source(store, source, settings, t0()).result ==
            SyncResult::Applied);

    const int requests = s.server.requests();
    const int64_t changes = total_changes(store);
    const auto wal_size = fs::file_size(s.data() / "content.db-wal");
    const auto outcome = sync_core::sync_from_source(store, source, settings, t0() + 300);
    CHECK(outcome.result == SyncResult::Current);
    CHECK_FALSE(outcome.wrote_database);
    CHECK(s.server.requests() - requests == 1);
    CHECK(s.server.not_modified() == 1);
    CHECK(outcome.bytes_fetched == 0);
    CHECK(total_changes(store) == changes);
    CHECK(fs::file_size(s.data() / "content.db-wal") == wal_size);

    // After the heartbeat interval the status is refreshed once, still without a download.
    const auto later = sync_core::sync_from_source(
        store, source, settings, t0() + sync_core::k_status_heartbeat_seconds + 1);
    CHECK(later.result == SyncResult::Current);
    CHECK(later.wrote_database);
    CHECK(later.bytes_fetched == 0);
}

TEST_CASE("a change of one notice in a channel writes only that notice") {
    Setup s("sync-small-change");
    content::SourceTree tree = many_notices(50, "v1");
    publish(tree, s.key, s.channel());
    content::Store store = open_store(s.data());
    sync_core::HttpSource source(s.server.url("channel"), {});
    const auto settings = settings_for(s.data(), s.key);
    REQUIRE(sync_core::sync_from_source(store, source, settings, t0()).result ==
            SyncResult::Applied);

    tree.notices[7] = make_notice(tree.notices[7].id, 7, "v2");
    const auto build = publish(tree, s.key, s.channel(), t0() + 60);
    CHECK(build.objects_written == 1);
    CHECK(build.objects_kept == 49);
    const int64_t changes = total_changes(store);
    const auto outcome = sync_core::sync_from_source(store, source, settings, t0() + 120);
    CHECK_MESSAGE(outcome.result == SyncResult::Applied, outcome.message);
    CHECK(outcome.version == 2);
    CHECK(outcome.stats.upserted == 1);
    CHECK(outcome.objects_fetched == 1);
    CHECK(fingerprint(store) == expected(tree));
    // One notice row plus the status rows; nothing else was rewritten.
    CHECK(total_changes(store) - changes < 20);
}

TEST_CASE("removed notices disappear and their unreferenced images are collected") {
    Setup s("sync-removal");
    content::SourceTree tree = many_notices(10, "v1");
    attach_image(tree, 2, "old-plan");
    publish(tree, s.key, s.channel());
    content::Store store = open_store(s.data());
    sync_core::HttpSource source(s.server.url("channel"), {});
    const auto settings = settings_for(s.data(), s.key);
    REQUIRE(sync_core::sync_from_source(store, source, settings, t0()).result ==
            SyncResult::Applied);
    const std::string old_image = tree.notices[2].images[0].sha256;
    CHECK(store.has_asset(old_image));

    tree.notices.erase(tree.notices.begin() + 2);
    tree.assets.clear();
    publish(tree, s.key, s.channel(), t0() + 60);
    const auto outcome = sync_core::sync_from_source(store, source, settings, t0() + 120);
    CHECK_MESSAGE(outcome.result == SyncResult::Applied, outcome.message);
    CHECK(outcome.stats.removed == 1);
    CHECK(outcome.stats.assets_collected == 1);
    CHECK_FALSE(store.has_asset(old_image));
    CHECK(fingerprint(store) == expected(tree));
}

TEST_CASE(
    "a folder source (USB stick) applies the same way and an unchanged stick copies nothing") {
    Setup s("sync-folder");
    content::SourceTree tree = many_notices(12, "v1");
    attach_image(tree, 0, "map");
    publish(tree, s.key, s.channel());
    content::Store store = open_store(s.data());
    sync_core::FileSource source("file://" + s.channel().string());
    const auto settings = settings_for(s.data(), s.key);
    const auto first = sync_core::sync_from_source(store, source, settings, t0());
    CHECK_MESSAGE(first.result == SyncResult::Applied, first.message);
    CHECK(fingerprint(store) == expected(tree));
    const auto again = sync_core::sync_from_source(store, source, settings, t0() + 60);
    CHECK(again.result == SyncResult::Current);
    CHECK(again.bytes_fetched == 0);
    CHECK_FALSE(again.wrote_database);
}

namespace {

// Fails every fetch after the first `budget`: a network that drops in the middle of a download.
class FlakySource : public sync_core::Source {
public:
    FlakySource(sync_core::Source& inner, int budget) : m_inner(inner), m_budget(budget) {}
    const std::string& url() const override { return m_inner.url(); }
    sync_core::FetchResult fetch(std::string_view name, const fs::path& dest, uint64_t cap,
                                 const sync_core::Validators* if_changed) override {
        if (m_budget-- <= 0) {
            throw sync_core::SyncError(sync_core::Problem::Unavailable, "network dropped");
        }
        return m_inner.fetch(name, dest, cap, if_changed);
    }

private:
    sync_core::Source& m_inner;
    int m_budget;
};

}  // namespace

TEST_CASE("an interrupted download leaves content unchanged and resumes from staging") {
    Setup s("sync-resume");
    const content::SourceTree tree = many_notices(40, "v1");
    publish(tree, s.key, s.channel());
    content::Store store = open_store(s.data());
    sync_core::HttpSource http(s.server.url("channel"), {});
    const auto settings = settings_for(s.data(), s.key);

    FlakySource flaky(http, 2 + 25);  // manifest, signature and 25 objects
    const auto failed = sync_core::sync_from_source(store, flaky, settings, t0());
    CHECK(failed.result == SyncResult::Failed);
    CHECK(failed.problem == sync_core::Problem::Unavailable);
    CHECK(store.notice_count() == 0);
    CHECK(sync_core::read_sync_status(store).last_error == "network dropped");

    const auto resumed = sync_core::sync_from_source(store, http, settings, t0() + 60);
    CHECK_MESSAGE(resumed.result == SyncResult::Applied, resumed.message);
    CHECK(resumed.objects_reused == 25);
    CHECK(resumed.objects_fetched == 15);
    CHECK(fingerprint(store) == expected(tree));
}

TEST_CASE("the arrival hook quarantines a notice: stored, never shown, listed for staff") {
    Setup s("sync-safety-hook");
    const content::SourceTree tree = many_notices(5, "v1");
    publish(tree, s.key, s.channel());
    content::Store store = open_store(s.data());
    sync_core::HttpSource source(s.server.url("channel"), {});
    sync_core::ApplyHooks hooks;
    int seen = 0;
    hooks.on_notice_arrival = [&](const content::Notice& n) -> std::optional<std::string> {
        ++seen;
        if (n.id == "notice-00003")
            return std::string("advert: contains a phone number for loans");
        return std::nullopt;
    };
    const auto outcome =
        sync_core::sync_from_source(store, source, settings_for(s.data(), s.key), t0(), hooks);
    CHECK_MESSAGE(outcome.result == SyncResult::Applied, outcome.message);
    CHECK(seen == 5);
    CHECK(outcome.stats.quarantined == 1);
    CHECK_FALSE(store.notice("notice-00003"));
    REQUIRE(store.quarantined().size() == 1);
    CHECK(store.quarantined()[0].rule == "advert: contains a phone number for loans");
    CHECK(store.notice_count() == 5);
}

TEST_CASE("the index hook runs inside the apply transaction and a throwing index rolls back all") {
    Setup s("sync-index-hook");
    const content::SourceTree tree = many_notices(6, "v1");
    publish(tree, s.key, s.channel());
    content::Store store = open_store(s.data());
    sync_core::HttpSource source(s.server.url("channel"), {});
    const auto settings = settings_for(s.data(), s.key);

    sync_core::ApplyHooks failing;
    failing.on_index_update = [](content::Store& st, const sync_core::NoticeChanges& changes) {
        CHECK(sqlite3_get_autocommit(st.database().handle()) == 0);  // inside a transaction
        CHECK(changes.upserted.size() == 6);
        throw std::runtime_error("search index is full");
    };
    const auto refused = sync_core::sync_from_source(store, source, settings, t0(), failing);
    CHECK(refused.result == SyncResult::Failed);
    CHECK(store.notice_count() == 0);
    CHECK(sync_core::read_sync_status(store).applied_version == 0);

    sync_core::ApplyHooks indexing;
    std::vector<std::string> indexed;
    indexing.on_index_update = [&](content::Store&, const sync_core::NoticeChanges& changes) {
        for (const auto& u : changes.upserted)
            indexed.push_back(u.notice->id);
    };
    const auto applied = sync_core::sync_from_source(store, source, settings, t0(), indexing);
    CHECK_MESSAGE(applied.result == SyncResult::Applied, applied.message);
    CHECK(indexed.size() == 6);
}

TEST_CASE("notices for other boards are neither fetched nor stored") {
    Setup s("sync-targeting");
    content::SourceTree tree = many_notices(8, "v1");
    for (int i = 0; i < 4; ++i)
        tree.notices[static_cast<size_t>(i)].boards = {"gate-1"};
    tree.notices[4].boards = {"gate-1", "hall"};
    tree.notices[5].boards = {"all"};
    publish(tree, s.key, s.channel());
    content::Store store = open_store(s.data());
    sync_core::HttpSource source(s.server.url("channel"), {});
    const auto outcome =
        sync_core::sync_from_source(store, source, settings_for(s.data(), s.key), t0());
    CHECK_MESSAGE(outcome.result == SyncResult::Applied, outcome.message);
    CHECK(outcome.objects_fetched == 4);
    CHECK(store.notice_count() == 4);
    CHECK(fingerprint(store) == expected(tree, "hall"));
}
