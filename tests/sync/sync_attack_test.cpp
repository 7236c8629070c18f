// The attack matrix: one test per refusal in issue 5. Each starts from a board showing version 1,
// attacks, and checks that the board refused with the right reason, recorded it in words, and
// still shows exactly version 1.
#include <doctest/doctest.h>

#include <fstream>

#include "content/channel/manifest.h"
#include "sync/file_source.h"
#include "sync/http_source.h"
#include "sync/sync_status.h"
#include "tests/sync/sync_fixture.h"
#include "tests/sync/test_http_server.h"
#include "tests/test_paths.h"

using namespace sync_fixture;
using sync_core::Problem;
using sync_core::SyncResult;

namespace {

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

void write_text(const fs::path& path, const std::string& text) {
    fs::remove(path);  // objects are hard links shared between versions: never write through one
    std::ofstream(path, std::ios::binary) << text;
}

// A board at version 1 of a channel served over HTTP, with a second channel folder ("next") that
// attacks are built in.
struct Board {
    explicit Board(const std::string& name, sync_core::NetworkLimits limits = {})
        : dir(test_paths::scratch_dir(name)),
          key(content::channel::minisign::generate_secret_key()),
          tree(many_notices(12, "v1")),
          server(dir),
          source(server.url("channel"), limits),
          store(open_store(dir / "data")),
          settings(settings_for(dir / "data", key)) {
        attach_image(tree, 1, "plan-v1");
        publish(tree, key, channel());
        const auto first = sync_core::sync_from_source(store, source, settings, t0());
        REQUIRE_MESSAGE(first.result == SyncResult::Applied, first.message);
        before = fingerprint(store);
        REQUIRE(before == expected(tree));
    }
    fs::path channel() const { return dir / "channel"; }

    // A second version with one changed notice and a new image, ready to be tampered with.
    content::channel::ChannelBuildResult next(int64_t now = t0() + k_day,
                                              std::optional<uint64_t> v = {}) {
        tree.notices[4] = make_notice(tree.notices[4].id, 4, "v2");
        attach_image(tree, 6, "plan-v2");
        return publish(tree, key, channel(), now, v);
    }
    fs::path object(const std::string& sha) const { return channel() / "objects" / sha; }
    std::string changed_notice_sha() const { return tree.notices[4].content_hash; }

    // Syncs and checks the refusal was recorded and nothing else changed.
    sync_core::SyncOutcome attack(Problem expected_problem, int64_t now = t0() + 2 * k_day) {
        const auto outcome = sync_core::sync_from_source(store, source, settings, now);
        CHECK_MESSAGE(outcome.result == SyncResult::Refused, outcome.message);
        CHECK_MESSAGE(outcome.problem == expected_problem, outcome.message);
        CHECK(fingerprint(store) == before);
        const sync_core::SyncStatus status = sync_core::read_sync_status(store);
        CHECK(status.applied_version == 1);
        CHECK(status.last_result == "refused");
        CHECK(status.last_error == outcome.message);
        CHECK(status.last_error_kind == sync_core::problem_key(expected_problem));
        CHECK(status.last_error.size() > 20);  // words, not a code
        return outcome;
    }

    fs::path dir;
    content::channel::minisign::SecretKey key;
    content::SourceTree tree;
    test_http::Server server;
    sync_core::HttpSource source;
    content::Store store;
    sync_core::SyncSettings settings;
    Fingerprint before;
};

}  // namespace

TEST_CASE("refused: a manifest over its byte cap") {
    Board b("attack-manifest-cap");
    b.next();
    b.settings.max_manifest_bytes = 1000;  // the channel's manifest is larger
    const auto o = b.attack(Problem::TooLarge);
    CHECK(o.message.find("cap") != std::string::npos);
}

TEST_CASE("refused: an object larger than the manifest says (cut off at its declared size)") {
    Board b("attack-object-cap");
    b.next();
    const fs::path object = b.object(b.changed_notice_sha());
    write_text(object, read_text(object) + std::string(100000, ' '));
    b.attack(Problem::TooLarge);
}

TEST_CASE("refused: a manifest altered after signing (bad signature)") {
    Board b("attack-bad-signature");
    b.next();
    std::string manifest = read_text(b.channel() / "manifest.json");
    const size_t at = manifest.find("\"version\":2");
    REQUIRE(at != std::string::npos);
    manifest.replace(at, 11, "\"version\":9");
    write_text(b.channel() / "manifest.json", manifest);
    const auto o = b.attack(Problem::BadSignature);
    CHECK(o.message.find("signature") != std::string::npos);
}

TEST_CASE("refused: a manifest with no signature") {
    Board b("attack-missing-signature");
    b.next();
    fs::remove(b.channel() / "manifest.json.minisig");
    const auto o = b.attack(Problem::BadSignature);
    CHECK(o.message.find("no signature") != std::string::npos);
}

TEST_CASE("refused: a signature whose trusted comment was altered") {
    Board b("attack-trusted-comment");
    b.next();
    std::string sig = read_text(b.channel() / "manifest.json.minisig");
    const size_t at = sig.find("version:2");
    REQUIRE(at != std::string::npos);
    sig.replace(at, 9, "version:7");
    write_text(b.channel() / "manifest.json.minisig", sig);
    b.attack(Problem::BadSignature);
}

TEST_CASE("refused: a channel signed by a key the board does not trust") {
    Board b("attack-untrusted-key");
    const auto stranger = content::channel::minisign::generate_secret_key();
    b.tree.notices[0] = make_notice(b.tree.notices[0].id, 0, "forged");
    publish(b.tree, stranger, b.channel(), t0() + k_day);
    const auto o = b.attack(Problem::UntrustedKey);
    CHECK(o.message.find(content::channel::minisign::key_id_hex(stranger.id)) != std::string::npos);
}

TEST_CASE("refused: a signature by another key that claims the trusted key's id") {
    Board b("attack-forged-key-id");
    auto impostor = content::channel::minisign::generate_secret_key();
    impostor.id = b.key.id;
    b.tree.notices[0] = make_notice(b.tree.notices[0].id, 0, "forged");
    publish(b.tree, impostor, b.channel(), t0() + k_day);
    b.attack(Problem::BadSignature);
}

TEST_CASE("refused: an older version than the applied one (rollback)") {
    Board b("attack-rollback");
    const fs::path v1_copy = b.dir / "v1-copy";
    fs::copy(b.channel(), v1_copy, fs::copy_options::recursive);
    b.next();
    REQUIRE(sync_core::sync_from_source(b.store, b.source, b.settings, t0() + k_day).result ==
            SyncResult::Applied);
    b.before = fingerprint(b.store);
    fs::remove_all(b.channel());
    fs::copy(v1_copy, b.channel(), fs::copy_options::recursive);
    const auto outcome =
        sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 2 * k_day);
    CHECK(outcome.result == SyncResult::Refused);
    CHECK(outcome.problem == Problem::Rollback);
    CHECK(fingerprint(b.store) == b.before);
    CHECK(sync_core::read_sync_status(b.store).applied_version == 2);
    CHECK(sync_core::read_sync_status(b.store).last_error_kind == "rollback");
}

TEST_CASE("refused: the applied version number again with other content (replay)") {
    Board b("attack-replay");
    b.tree.notices[2] = make_notice(b.tree.notices[2].id, 2, "same-version-other-text");
    fs::remove_all(b.channel());  // a fresh channel folder that restarts at version 1
    publish(b.tree, b.key, b.channel(), t0() + k_day, 1);
    b.attack(Problem::Replay);
}

TEST_CASE("refused: a manifest expired by the board's clock") {
    Board b("attack-expired");
    b.next(t0() + k_day);  // valid for 30 days from then
    b.attack(Problem::Expired, t0() + 40 * k_day);
}

TEST_CASE("refused: an expired manifest even after the clock is lost (latest known time)") {
    Board b("attack-expired-clock-lost");
    // The board saw a time 25 days on (a later poll), then lost power and woke up in 1970.
    const auto seen = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 25 * k_day);
    REQUIRE(seen.result == SyncResult::Current);
    REQUIRE(sync_core::read_sync_status(b.store).latest_known_time == t0() + 25 * k_day);
    b.next(t0() - 10 * k_day);  // a captured version valid until day 20
    const auto o = b.attack(Problem::Expired, /*now: a lost clock*/ 0);
    CHECK(sync_core::read_sync_status(b.store).latest_known_time == t0() + 25 * k_day);
    CHECK(o.message.find("latest known time") != std::string::npos);
}

TEST_CASE("refused: a channel for other boards") {
    Board b("attack-not-for-board");
    b.tree.notices[0] = make_notice(b.tree.notices[0].id, 0, "gate only");
    content::channel::build_channel(b.tree, b.key, b.channel(),
                                    options_at(t0() + k_day, {}, {"gate-1", "gate-2"}));
    const auto o = b.attack(Problem::NotForBoard);
    CHECK(o.message.find("gate-1") != std::string::npos);
}

TEST_CASE("refused: an object whose hash does not match (same size, altered bytes)") {
    Board b("attack-hash");
    b.next();
    const fs::path object = b.object(b.changed_notice_sha());
    std::string bytes = read_text(object);
    bytes[bytes.size() / 2] ^= 0x01;
    write_text(object, bytes);
    const auto o = b.attack(Problem::HashMismatch);
    CHECK(o.message.find("sha256") != std::string::npos);
}

TEST_CASE("refused: an object shorter than the manifest says (size mismatch)") {
    Board b("attack-size");
    b.next();
    const fs::path object = b.object(b.changed_notice_sha());
    const std::string bytes = read_text(object);
    write_text(object, bytes.substr(0, bytes.size() - 10));
    const auto o = b.attack(Problem::SizeMismatch);
    CHECK(o.message.find("bytes") != std::string::npos);
}

TEST_CASE("refused: an image asset altered on the server") {
    Board b("attack-asset-hash");
    b.next();
    const std::string sha = b.tree.notices[6].images.back().sha256;
    std::string bytes = read_text(b.object(sha));
    bytes.back() ^= 0x20;
    write_text(b.object(sha), bytes);
    b.attack(Problem::HashMismatch);
}

TEST_CASE("refused: an endless response is cut off at the manifest cap") {
    Board b("attack-endless");
    b.server.set_behaviour("channel/manifest.json", test_http::Behaviour::Endless);
    const auto start = std::chrono::steady_clock::now();
    const auto o = b.attack(Problem::TooLarge);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
    CHECK(o.message.find("cut off") != std::string::npos);
}

// A slow link is a failure to retry, not a refusal: nothing is wrong with the channel.
TEST_CASE("a 1-byte-per-second response is cut off and retried later, not refused") {
    sync_core::NetworkLimits limits;
    limits.low_speed_bytes = 100;
    limits.low_speed_seconds = 2;  // 30 s in production; shortened so the test stays quick
    Board b("attack-drip", limits);
    b.next();
    b.server.set_behaviour("channel/objects/" + b.changed_notice_sha(), test_http::Behaviour::Drip);
    const auto start = std::chrono::steady_clock::now();
    const auto o = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 2 * k_day);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(o.result == SyncResult::Failed);
    CHECK(o.problem == Problem::TooSlow);
    CHECK(o.message.find("cut off") != std::string::npos);
    CHECK(fingerprint(b.store) == b.before);
    CHECK(sync_core::read_sync_status(b.store).last_result == "failed");
    b.server.set_behaviour("channel/objects/" + b.changed_notice_sha(),
                           test_http::Behaviour::Normal);
    const auto later = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 2 * k_day);
    CHECK_MESSAGE(later.result == SyncResult::Applied, later.message);
}

TEST_CASE("refused: a signed manifest naming an object that is not a valid notice") {
    Board b("attack-malformed-object");
    // A publisher bug, signed: the object is valid JSON but not a canonical notice.
    content::SourceTree tree = b.tree;
    publish(tree, b.key, b.channel(), t0() + k_day);
    std::string manifest = read_text(b.channel() / "manifest.json");
    const std::string junk = "{\"not\":\"a notice\"}";
    const std::string junk_sha = content::sha256_hex(junk);
    const std::string old_sha = tree.notices[0].content_hash;
    const std::string old_size =
        std::to_string(content::notice_canonical_text(tree.notices[0]).size());
    manifest.replace(manifest.find(old_sha), 64, junk_sha);
    const std::string size_field = "\"size\":" + old_size;
    manifest.replace(manifest.find(size_field, manifest.find(junk_sha)), size_field.size(),
                     "\"size\":" + std::to_string(junk.size()));
    write_text(b.channel() / "objects" / junk_sha, junk);
    write_text(b.channel() / "manifest.json", manifest);
    content::channel::ChannelManifest m = *content::channel::parse_manifest(manifest).manifest;
    write_text(b.channel() / "manifest.json.minisig",
               content::channel::minisign::sign(manifest, b.key,
                                                content::channel::channel_trusted_comment(m)));
    b.attack(Problem::Malformed);
}

namespace {

// A USB stick that changes under the board: after each file is copied into staging, the stick's
// copy is replaced. Whatever happens to the stick afterwards must not reach the database.
class ChangingStick : public sync_core::Source {
public:
    ChangingStick(const fs::path& dir, std::function<void(std::string_view)> after_copy)
        : m_inner("file://" + dir.string()), m_after(std::move(after_copy)) {}
    const std::string& url() const override { return m_inner.url(); }
    sync_core::FetchResult fetch(std::string_view name, const fs::path& dest, uint64_t cap,
                                 const sync_core::Validators* if_changed) override {
        auto result = m_inner.fetch(name, dest, cap, if_changed);
        m_after(name);
        return result;
    }

private:
    sync_core::FileSource m_inner;
    std::function<void(std::string_view)> m_after;
};

}  // namespace

TEST_CASE("a USB stick changed after its files were copied: the verified copies are applied") {
    Board b("attack-usb-after-copy");
    const content::SourceTree v2 = [&] {
        b.next();
        return b.tree;
    }();
    int tampered = 0;
    ChangingStick stick(b.channel(), [&](std::string_view name) {
        // Swap every file on the stick for other bytes right after the board copied it.
        const fs::path path = b.channel() / std::string(name);
        write_text(path, "tampered after verification");
        ++tampered;
    });
    const auto outcome = sync_core::sync_from_source(b.store, stick, b.settings, t0() + 2 * k_day);
    CHECK_MESSAGE(outcome.result == SyncResult::Applied, outcome.message);
    CHECK(tampered >= 3);
    CHECK(fingerprint(b.store) == expected(v2));
}

TEST_CASE("refused: a USB stick whose object changed between verification and copy") {
    Board b("attack-usb-before-copy");
    b.next();
    const fs::path object = b.object(b.changed_notice_sha());
    ChangingStick stick(b.channel(), [&](std::string_view name) {
        // Once the signed manifest is in staging, the stick's object is altered.
        if (name == "manifest.json.minisig") {
            std::string bytes = read_text(object);
            bytes[bytes.size() / 3] ^= 0x04;
            write_text(object, bytes);
        }
    });
    const auto outcome = sync_core::sync_from_source(b.store, stick, b.settings, t0() + 2 * k_day);
    CHECK(outcome.result == SyncResult::Refused);
    CHECK(outcome.problem == Problem::HashMismatch);
    CHECK(fingerprint(b.store) == b.before);
}

TEST_CASE("a refused unchanged channel is not downloaded or recorded again on the next poll") {
    Board b("attack-refusal-memo");
    b.next(t0() + k_day);
    b.attack(Problem::Expired, t0() + 40 * k_day);
    const int bodies = b.server.bodies_sent();
    const int64_t changes = sqlite3_total_changes64(b.store.database().handle());
    const auto again =
        sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 40 * k_day + 300);
    CHECK(again.result == SyncResult::Refused);
    CHECK(again.problem == Problem::Expired);
    CHECK(b.server.bodies_sent() == bodies);
    CHECK(sqlite3_total_changes64(b.store.database().handle()) == changes);
    // Trusting another key set makes the remembered verdict stale: the manifest is read again.
    b.settings.trusted_keys.push_back(
        content::channel::minisign::generate_secret_key().public_key());
    const auto rechecked =
        sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 40 * k_day + 600);
    CHECK(rechecked.problem == Problem::Expired);
    CHECK(b.server.bodies_sent() > bodies);
}

// --- Issue 12: channel name, latest known time, staleness, late signatures ---

namespace {

// Builds channel `name` at `version` into the board's channel folder (the trusted key signs it).
void publish_channel(Board& b, const std::string& name, uint64_t version, int64_t now) {
    content::channel::ChannelBuildOptions o = options_at(now, version);
    o.channel = name;
    content::channel::build_channel(b.tree, b.key, b.channel(), o);
}

}  // namespace

TEST_CASE("refused: another channel signed by a trusted key (the board keeps its first channel)") {
    Board b("attack-other-channel");
    const fs::path real = b.dir / "real-channel";
    fs::copy(b.channel(), real, fs::copy_options::recursive);
    b.tree = many_notices(3, "demo");
    publish_channel(b, "demo", 7, t0() + k_day);
    const auto o = b.attack(Problem::OtherChannel);
    CHECK(o.message.find("demo") != std::string::npos);
    CHECK(o.message.find("--reset-channel") != std::string::npos);
    CHECK(sync_core::read_sync_status(b.store).applied_channel == "test");
    // The real channel's next version still applies (it was refused as a rollback before).
    fs::remove_all(b.channel());
    fs::copy(real, b.channel(), fs::copy_options::recursive);
    b.tree = many_notices(12, "v1");
    attach_image(b.tree, 1, "plan-v1");
    b.next();
    const auto next = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 3 * k_day);
    CHECK_MESSAGE(next.result == SyncResult::Applied, next.message);
    CHECK(next.version == 2);
}

TEST_CASE("refused: a first sync of a channel other than the configured one") {
    const fs::path dir = test_paths::scratch_dir("attack-configured-channel");
    const auto key = content::channel::minisign::generate_secret_key();
    publish(many_notices(4, "v1"), key, dir / "channel");  // channel "test"
    content::Store store = open_store(dir / "data");
    sync_core::SyncSettings settings = settings_for(dir / "data", key);
    settings.expected_channel = "guihuali";
    sync_core::FileSource source("file://" + (dir / "channel").string());
    const auto o = sync_core::sync_from_source(store, source, settings, t0() + k_day);
    CHECK(o.result == SyncResult::Refused);
    CHECK(o.problem == Problem::OtherChannel);
    CHECK(o.message.find("guihuali") != std::string::npos);
    CHECK(store.notice_count() == 0);
    settings.expected_channel = "test";
    CHECK(sync_core::sync_from_source(store, source, settings, t0() + k_day).result ==
          SyncResult::Applied);
    CHECK(sync_core::read_sync_status(store).applied_channel == "test");
}

TEST_CASE("changing a board's channel is an explicit reset; versions are kept per channel") {
    Board b("attack-reset-channel");
    const fs::path real = b.dir / "real-channel";
    b.next();
    REQUIRE(sync_core::sync_from_source(b.store, b.source, b.settings, t0() + k_day).result ==
            SyncResult::Applied);
    fs::copy(b.channel(), real, fs::copy_options::recursive);  // "test" at version 2
    fs::remove_all(b.channel());
    b.tree = many_notices(3, "demo");
    publish_channel(b, "demo", 1, t0() + 2 * k_day);
    REQUIRE(sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 2 * k_day).problem ==
            Problem::OtherChannel);
    const std::string said = sync_core::reset_channel(b.store);
    CHECK(said.find("test") != std::string::npos);
    const auto moved = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 2 * k_day);
    CHECK_MESSAGE(moved.result == SyncResult::Applied, moved.message);
    CHECK(fingerprint(b.store) == expected(b.tree));
    CHECK(sync_core::read_sync_status(b.store).applied_channel == "demo");
    // Back to "test" after another reset: its version 1 is older than the 2 it once had.
    sync_core::reset_channel(b.store);
    fs::remove_all(b.channel());
    b.tree = many_notices(12, "v1");
    publish(b.tree, b.key, b.channel(), t0() + 3 * k_day, 1);
    const auto back = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 3 * k_day);
    CHECK(back.result == SyncResult::Refused);
    CHECK(back.problem == Problem::Rollback);
}

TEST_CASE("a clock ten years ahead is reported, not trusted, and does not poison the board") {
    Board b("attack-clock-ahead");
    const auto ahead =
        sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 3650 * k_day);
    CHECK_MESSAGE(ahead.result == SyncResult::Current, ahead.message);
    const sync_core::SyncStatus status = sync_core::read_sync_status(b.store);
    CHECK(status.latest_known_time < t0() + 365 * k_day);
    CHECK(status.clock_warning.find("ahead") != std::string::npos);
    b.next(t0() + k_day);
    const auto o = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 2 * k_day);
    CHECK_MESSAGE(o.result == SyncResult::Applied, o.message);
    CHECK(sync_core::read_sync_status(b.store).clock_warning.empty());
}

TEST_CASE("a refused manifest with a future issue time does not move the latest known time") {
    Board b("attack-future-issued");
    b.tree.notices[0] = make_notice(b.tree.notices[0].id, 0, "from the future");
    content::channel::build_channel(b.tree, b.key, b.channel(),
                                    options_at(t0() + 3650 * k_day, {}, {"gate-1"}));
    b.attack(Problem::NotForBoard);
    CHECK(sync_core::read_sync_status(b.store).latest_known_time <= t0() + 2 * k_day);
    b.next(t0() + 3 * k_day);
    const auto o = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 3 * k_day);
    CHECK_MESSAGE(o.result == SyncResult::Applied, o.message);
}

TEST_CASE("a frozen mirror serving the expired current manifest is stale, not current") {
    Board b("attack-frozen-mirror");
    const auto o = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 40 * k_day);
    CHECK(o.result == SyncResult::Stale);
    CHECK(o.problem == Problem::Stale);
    CHECK(o.message.find("expired") != std::string::npos);
    CHECK(fingerprint(b.store) == b.before);
    sync_core::SyncStatus s = sync_core::read_sync_status(b.store);
    CHECK(s.last_result == "stale");
    CHECK(s.stale_since == std::optional<int64_t>(t0() + 40 * k_day));
    const auto again =
        sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 41 * k_day);
    CHECK(again.result == SyncResult::Stale);
    CHECK(sync_core::read_sync_status(b.store).stale_since == s.stale_since);
    // The lost-clock case: the board saw the expiry, so it stays stale without a clock.
    CHECK(sync_core::sync_from_source(b.store, b.source, b.settings, 0).result ==
          SyncResult::Stale);
}

TEST_CASE("a frozen mirror: the next configured mirror is tried and its newer version applied") {
    Board b("attack-frozen-two-mirrors");
    const fs::path second = b.dir / "mirror2";
    fs::copy(b.channel(), second, fs::copy_options::recursive);
    b.tree.notices[4] = make_notice(b.tree.notices[4].id, 4, "v2");
    publish(b.tree, b.key, second, t0() + 35 * k_day);
    sync_core::HttpSource mirror2(b.server.url("mirror2"), {});
    std::vector<sync_core::Source*> sources = {&b.source, &mirror2};
    const auto o = sync_core::sync_from_sources(b.store, sources, b.settings, t0() + 40 * k_day);
    CHECK_MESSAGE(o.result == SyncResult::Applied, o.message);
    CHECK(fingerprint(b.store) == expected(b.tree));
    const sync_core::SyncStatus s = sync_core::read_sync_status(b.store);
    CHECK(s.last_source == mirror2.url());
    CHECK(!s.stale_since);
}

TEST_CASE("a signature uploaded after its manifest is fetched again on the next poll") {
    Board b("attack-late-signature");
    const fs::path sig = b.channel() / "manifest.json.minisig";
    const std::string old_signature = read_text(sig);
    b.next();
    const std::string new_signature = read_text(sig);
    write_text(sig, old_signature);  // the mirror has the new manifest, still the old signature
    b.attack(Problem::BadSignature);
    fs::remove(sig);  // then none at all
    CHECK(sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 2 * k_day + 300)
              .problem == Problem::BadSignature);
    write_text(sig, new_signature);  // the upload completes
    const auto o =
        sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 2 * k_day + 600);
    CHECK_MESSAGE(o.result == SyncResult::Applied, o.message);
    CHECK(o.version == 2);
}

TEST_CASE("a redirect to a host that is not a configured source is not followed") {
    Board b("attack-redirect");
    b.next();
    const fs::path elsewhere_dir = test_paths::scratch_dir("attack-redirect-target");
    fs::copy(b.channel(), elsewhere_dir / "channel", fs::copy_options::recursive);
    test_http::Server elsewhere(elsewhere_dir);  // an internal service the mirror points at
    const std::string target =
        "http://localhost:" + elsewhere.url().substr(elsewhere.url().rfind(':') + 1) +
        "channel/manifest.json";
    b.server.set_redirect("channel/manifest.json", target);
    const auto o = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 2 * k_day);
    CHECK(o.result == SyncResult::Failed);
    CHECK(o.message.find("not followed") != std::string::npos);
    CHECK(elsewhere.requests() == 0);
    CHECK(fingerprint(b.store) == b.before);
    // Nor to another scheme.
    b.server.set_redirect("channel/manifest.json", "file:///etc/passwd");
    const auto scheme =
        sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 2 * k_day);
    CHECK(scheme.result == SyncResult::Failed);
    CHECK(fingerprint(b.store) == b.before);
    // A redirect within the configured hosts is followed.
    b.server.set_redirect("channel/manifest.json", target);
    sync_core::NetworkLimits limits;
    limits.redirect_hosts = {"127.0.0.1", "localhost"};
    sync_core::HttpSource allowed(b.server.url("channel"), limits);
    const auto ok = sync_core::sync_from_source(b.store, allowed, b.settings, t0() + 2 * k_day);
    CHECK_MESSAGE(ok.result == SyncResult::Applied, ok.message);
    CHECK(elsewhere.requests() > 0);
}
