// Fast alert delivery: the between-syncs change check costs one conditional request and never
// touches content.db; a change it sees is synced through the full verification; emergencies with
// an unknown level or for another board never take over, and the current content stays.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "content/channel/manifest.h"
#include "content/file_read.h"
#include "sync/file_source.h"
#include "sync/http_source.h"
#include "sync/manifest_watch.h"
#include "tests/sync/sync_fixture.h"
#include "tests/sync/test_http_server.h"
#include "tests/test_paths.h"

using namespace sync_fixture;
using sync_core::SyncResult;
using sync_core::WatchResult;

namespace {

void write_text(const fs::path& path, const std::string& text) {
    fs::remove(path);  // objects are hard links shared between versions
    std::ofstream(path, std::ios::binary) << text;
}

std::string db_files(const fs::path& data) {
    std::string out;
    for (const char* name : {"content.db", "content.db-wal", "content.db-shm"}) {
        struct stat st {};
        ::stat((data / name).c_str(), &st);
        out += std::to_string(st.st_size) + "@" + std::to_string(st.st_mtim.tv_nsec) + " ";
    }
    return out;
}

content::Notice emergency(const std::string& id, content::AlertLevel level,
                          std::vector<std::string> boards = {}) {
    content::Notice n = make_notice(id, 5, "紧急", std::move(boards));
    n.priority = content::Priority::Emergency;
    n.level = level;
    n.content_hash = content::notice_hash(n);
    return n;
}

// A board (id "hall") that applied a channel built from `tree`, served over HTTP.
struct HttpBoard {
    HttpBoard(const std::string& name, content::SourceTree initial)
        : dir(test_paths::scratch_dir(name)),
          key(content::channel::minisign::generate_secret_key()),
          tree(std::move(initial)),
          server(dir),
          source((publish(tree, key, dir / "channel"), server.url("channel")), {}),
          store(open_store(dir / "data")),
          settings(settings_for(dir / "data", key)) {
        REQUIRE(sync(t0()).result == SyncResult::Applied);
    }
    sync_core::SyncOutcome sync(int64_t now) {
        return sync_core::sync_from_source(store, source, settings, now);
    }
    fs::path dir;
    content::channel::minisign::SecretKey key;
    content::SourceTree tree;
    test_http::Server server;
    sync_core::HttpSource source;
    content::Store store;
    sync_core::SyncSettings settings;
};

}  // namespace

TEST_CASE("the change check: one conditional request, 304 when unchanged, no database access") {
    HttpBoard b("alert-watch-http", many_notices(8, "v1"));
    const fs::path& dir = b.dir;
    auto& source = b.source;
    auto& server = b.server;

    sync_core::ManifestWatch watch(dir / "data/staging/watch-manifest.json");
    CHECK(watch.check(source, 1 << 20) == WatchResult::Changed);  // first look
    const std::string files = db_files(dir / "data");
    const int requests = server.requests(), not_modified = server.not_modified();
    for (int i = 0; i < 5; ++i) {
        CHECK(watch.check(source, 1 << 20) == WatchResult::Unchanged);
    }
    CHECK(server.requests() - requests == 5);
    CHECK(server.not_modified() - not_modified == 5);
    CHECK(db_files(dir / "data") == files);

    b.tree.notices.push_back(emergency("alert-1", content::AlertLevel::Red));
    publish(b.tree, b.key, dir / "channel", t0() + 60);
    CHECK(watch.check(source, 1 << 20) == WatchResult::Changed);
    CHECK(watch.check(source, 1 << 20) == WatchResult::Unchanged);
    const auto synced = b.sync(t0() + 90);
    CHECK_MESSAGE(synced.result == SyncResult::Applied, synced.message);
    CHECK(b.store.notice("alert-1"));
}

TEST_CASE("the change check on a USB folder, and a source that is gone") {
    const fs::path dir = test_paths::scratch_dir("alert-watch-file");
    const auto key = content::channel::minisign::generate_secret_key();
    content::SourceTree tree = many_notices(3, "v1");
    publish(tree, key, dir / "stick");
    fs::create_directories(dir / "scratch");
    sync_core::FileSource stick("file://" + (dir / "stick").string());
    sync_core::ManifestWatch watch(dir / "scratch/watch-manifest.json");
    CHECK(watch.check(stick, 1 << 20) == WatchResult::Changed);
    CHECK(watch.check(stick, 1 << 20) == WatchResult::Unchanged);
    tree.notices.push_back(emergency("alert-1", content::AlertLevel::Orange));
    publish(tree, key, dir / "stick", t0() + 60);
    CHECK(watch.check(stick, 1 << 20) == WatchResult::Changed);
    sync_core::FileSource gone("file://" + (dir / "nowhere").string());
    CHECK(watch.check(gone, 1 << 20) == WatchResult::Unavailable);
}

TEST_CASE("watch_delay spreads checks over 15 to 25 s for 20 s") {
    CHECK(sync_core::watch_delay(20, 0.0) == doctest::Approx(15));
    CHECK(sync_core::watch_delay(20, 1.0) == doctest::Approx(25));
    CHECK(sync_core::watch_delay(20, 0.5) == doctest::Approx(20));
}

TEST_CASE("refused: an emergency with an unknown level; the current emergency stays") {
    content::SourceTree initial = many_notices(4, "v1");
    initial.notices.push_back(emergency("alert-current", content::AlertLevel::Orange));
    HttpBoard b("alert-unknown-level", initial);
    const fs::path& dir = b.dir;
    auto& tree = b.tree;
    auto& key = b.key;
    auto& store = b.store;
    const Fingerprint before = fingerprint(store);

    // A signed channel whose new emergency says level "purple" (a publisher bug or a forgery by
    // someone holding the key): the object is refused, so is the version.
    content::Notice bad = emergency("alert-new", content::AlertLevel::Red);
    tree.notices.push_back(bad);
    publish(tree, key, dir / "channel", t0() + k_day);
    nlohmann::json j = nlohmann::json::parse(content::notice_canonical_text(bad));
    j["level"] = "purple";
    const std::string object = j.dump();
    const std::string sha = content::sha256_hex(object);
    std::string manifest = content::read_file_capped(dir / "channel/manifest.json", 1 << 24);
    const size_t at = manifest.find(bad.content_hash);
    REQUIRE(at != std::string::npos);
    manifest.replace(at, 64, sha);
    const std::string size_field =
        "\"size\":" + std::to_string(content::notice_canonical_text(bad).size());
    manifest.replace(manifest.find(size_field, manifest.rfind('{', at)), size_field.size(),
                     "\"size\":" + std::to_string(object.size()));
    write_text(dir / "channel/objects" / sha, object);
    write_text(dir / "channel/manifest.json", manifest);
    const auto m = *content::channel::parse_manifest(manifest).manifest;
    write_text(dir / "channel/manifest.json.minisig",
               content::channel::minisign::sign(manifest, key,
                                                content::channel::channel_trusted_comment(m)));
    const auto outcome = b.sync(t0() + 2 * k_day);
    CHECK(outcome.result == SyncResult::Refused);
    CHECK_MESSAGE(outcome.message.find("level") != std::string::npos, outcome.message);
    CHECK(fingerprint(store) == before);
    CHECK(store.notice("alert-current")->level == content::AlertLevel::Orange);
    CHECK(store.highlighted(t0() + 2 * k_day, 5).at(0).id == "alert-current");
}

TEST_CASE("an emergency for another board is not taken by this board; the rest applies") {
    HttpBoard b("alert-other-board", many_notices(4, "v1"));
    auto& store = b.store;
    b.tree.notices.push_back(emergency("alert-gate", content::AlertLevel::Red, {"gate"}));
    b.tree.notices.push_back(emergency("alert-hall", content::AlertLevel::Blue, {"hall"}));
    publish(b.tree, b.key, b.dir / "channel", t0() + 60);
    REQUIRE(b.sync(t0() + 90).result == SyncResult::Applied);
    CHECK_FALSE(store.notice("alert-gate"));
    REQUIRE(store.notice("alert-hall"));
    CHECK(store.notice("alert-hall")->level == content::AlertLevel::Blue);
}
