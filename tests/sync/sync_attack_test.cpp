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
    content::channel::ChannelBuildResult next(int64_t now = t0() + k_day, std::optional<uint64_t> v = {}) {
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
    // The board saw a time 60 days on (a later poll), then lost power and woke up in 1970.
    const auto seen = sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 60 * k_day);
    REQUIRE(seen.result == SyncResult::Current);
    REQUIRE(sync_core::read_sync_status(b.store).latest_known_time == t0() + 60 * k_day);
    b.next(t0() + k_day);  // a captured version valid until day 31
    const auto o = b.attack(Problem::Expired, /*now: a lost clock*/ 0);
    CHECK(sync_core::read_sync_status(b.store).latest_known_time == t0() + 60 * k_day);
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

TEST_CASE("refused: a 1-byte-per-second response is cut off") {
    sync_core::NetworkLimits limits;
    limits.low_speed_bytes = 100;
    limits.low_speed_seconds = 2;  // 30 s in production; shortened so the test stays quick
    Board b("attack-drip", limits);
    b.next();
    b.server.set_behaviour("channel/objects/" + b.changed_notice_sha(), test_http::Behaviour::Drip);
    const auto start = std::chrono::steady_clock::now();
    const auto o = b.attack(Problem::TooSlow);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(o.message.find("cut off") != std::string::npos);
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
               content::channel::minisign::sign(manifest, b.key, content::channel::channel_trusted_comment(m)));
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
    b.settings.trusted_keys.push_back(content::channel::minisign::generate_secret_key().public_key());
    const auto rechecked =
        sync_core::sync_from_source(b.store, b.source, b.settings, t0() + 40 * k_day + 600);
    CHECK(rechecked.problem == Problem::Expired);
    CHECK(b.server.bodies_sent() > bodies);
}
