// minisign compatibility, checked against the real minisign tool in both directions: our
// signatures verify with `minisign -V`, minisign's (prehashed and legacy) verify with our code,
// and key files move between the two.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>

#include "content/channel/minisign.h"
#include "content/source_tree.h"
#include "tests/sync/test_process.h"
#include "tests/test_paths.h"

namespace ms = content::channel::minisign;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string read(const fs::path& path) {
    return content::read_file_capped(path, 1 << 20);
}

const std::string k_message = "{\"channel\":\"桂花里\",\"version\":7}\n";

}  // namespace

TEST_CASE("minisign -V verifies our prehashed and legacy signatures") {
    const fs::path dir = test_paths::scratch_dir("minisign-ours");
    const ms::SecretKey key = ms::generate_secret_key();
    write(dir / "key.pub", ms::format_public_key_file(key.public_key()));
    write(dir / "m.json", k_message);
    for (ms::SignatureMode mode : {ms::SignatureMode::Prehashed, ms::SignatureMode::Legacy}) {
        write(dir / "m.json.minisig", ms::sign(k_message, key, "timestamp:1\tfile:m.json", mode));
        const auto r = test_process::run(
            {"minisign", "-Vm", (dir / "m.json").string(), "-p", (dir / "key.pub").string()});
        CHECK_MESSAGE(r.exit_code == 0, (r.out + r.err));
        CHECK(r.out.find("timestamp:1\tfile:m.json") != std::string::npos);
        // The bare base64 key (-P) works too.
        const auto bare = test_process::run({"minisign", "-Vm", (dir / "m.json").string(), "-P",
                                             ms::public_key_base64(key.public_key())});
        CHECK(bare.exit_code == 0);
    }
    write(dir / "m.json", k_message + " ");
    const auto tampered = test_process::run(
        {"minisign", "-Vm", (dir / "m.json").string(), "-p", (dir / "key.pub").string()});
    CHECK(tampered.exit_code != 0);
}

TEST_CASE("our verifier accepts minisign's prehashed and legacy signatures from its own keys") {
    const fs::path dir = test_paths::scratch_dir("minisign-theirs");
    const auto gen = test_process::run(
        {"minisign", "-G", "-W", "-p", (dir / "k.pub").string(), "-s", (dir / "k.key").string()});
    REQUIRE_MESSAGE(gen.exit_code == 0, gen.err);
    write(dir / "m.json", k_message);
    const auto pub = ms::parse_public_key(read(dir / "k.pub"));
    REQUIRE_MESSAGE(pub.value, pub.error);
    for (const char* legacy : {"", "-l"}) {
        std::vector<std::string> argv = {"minisign",
                                         "-S",
                                         "-W",
                                         "-s",
                                         (dir / "k.key").string(),
                                         "-m",
                                         (dir / "m.json").string(),
                                         "-t",
                                         "trusted words"};
        if (*legacy)
            argv.push_back(legacy);
        const auto sign = test_process::run(argv);
        REQUIRE_MESSAGE(sign.exit_code == 0, sign.err);
        const std::string sig = read(dir / "m.json.minisig");
        const ms::Verification v = ms::verify(k_message, sig, {*pub.value});
        CHECK_MESSAGE(v.status == ms::VerifyStatus::Verified, v.message);
        CHECK(v.trusted_comment == "trusted words");
        CHECK(ms::verify(k_message + "x", sig, {*pub.value}).status ==
              ms::VerifyStatus::BadSignature);
    }
    // minisign's unencrypted secret key works for kiosk-publish, and gives the same public key.
    const auto secret = ms::parse_secret_key(read(dir / "k.key"));
    REQUIRE_MESSAGE(secret.value, secret.error);
    CHECK(secret.value->public_key() == *pub.value);
}

TEST_CASE("minisign signs with a kiosk-publish secret key file") {
    const fs::path dir = test_paths::scratch_dir("minisign-our-key");
    const ms::SecretKey key = ms::generate_secret_key();
    write(dir / "k.key", ms::format_secret_key_file(key));
    write(dir / "k.pub", ms::format_public_key_file(key.public_key()));
    write(dir / "m.json", k_message);
    const auto sign = test_process::run(
        {"minisign", "-S", "-W", "-s", (dir / "k.key").string(), "-m", (dir / "m.json").string()});
    REQUIRE_MESSAGE(sign.exit_code == 0, sign.err);
    CHECK(ms::verify(k_message, read(dir / "m.json.minisig"), {key.public_key()}).status ==
          ms::VerifyStatus::Verified);
    // minisign -R recreates the same public key from our secret key.
    const auto recreate = test_process::run(
        {"minisign", "-R", "-s", (dir / "k.key").string(), "-p", (dir / "again.pub").string()});
    REQUIRE_MESSAGE(recreate.exit_code == 0, recreate.err);
    CHECK(ms::parse_public_key(read(dir / "again.pub")).value == key.public_key());
}

TEST_CASE("key files round-trip and damaged ones are refused with a reason") {
    const ms::SecretKey key = ms::generate_secret_key();
    const auto secret = ms::parse_secret_key(ms::format_secret_key_file(key));
    REQUIRE(secret.value);
    CHECK(secret.value->key == key.key);
    CHECK(secret.value->id == key.id);
    const std::string pub_text = ms::format_public_key_file(key.public_key());
    CHECK(pub_text.starts_with("untrusted comment: minisign public key " + ms::key_id_hex(key.id)));
    CHECK(ms::parse_public_key(pub_text).value == key.public_key());
    CHECK(ms::parse_public_key(ms::public_key_base64(key.public_key())).value == key.public_key());

    std::string damaged = ms::format_secret_key_file(key);
    // Swap one base64 letter for another valid one, so the file still decodes but its bytes
    // (and so its checksum) no longer match. Flipping a bit could make the letter invalid
    // base64, which is refused for another reason, depending on the random key.
    char& letter = damaged[damaged.find('\n') + 80];
    letter = letter == 'A' ? 'B' : 'A';
    CHECK(ms::parse_secret_key(damaged).error.find("damaged") != std::string::npos);
    CHECK_FALSE(ms::parse_public_key("RWQ not base64!").value);
    CHECK_FALSE(ms::parse_public_key("").value);
    CHECK_FALSE(ms::parse_secret_key("untrusted comment: x\nAAAA\n").value);
}

TEST_CASE("verification names the problem: malformed, untrusted key, altered comment") {
    const ms::SecretKey key = ms::generate_secret_key();
    const ms::SecretKey other = ms::generate_secret_key();
    const std::string sig = ms::sign(k_message, key, "timestamp:5");
    CHECK(ms::verify(k_message, sig, {key.public_key()}).status == ms::VerifyStatus::Verified);
    const auto untrusted = ms::verify(k_message, sig, {other.public_key()});
    CHECK(untrusted.status == ms::VerifyStatus::UntrustedKey);
    CHECK(untrusted.message.find(ms::key_id_hex(key.id)) != std::string::npos);
    std::string altered = sig;
    altered.replace(altered.find("timestamp:5"), 11, "timestamp:6");
    CHECK(ms::verify(k_message, altered, {key.public_key()}).status ==
          ms::VerifyStatus::BadSignature);
    CHECK(ms::verify(k_message, "garbage", {key.public_key()}).status ==
          ms::VerifyStatus::Malformed);
    CHECK(ms::verify(k_message, std::string(ms::k_max_signature_file_bytes + 1, 'a'),
                     {key.public_key()})
              .status == ms::VerifyStatus::Malformed);
    CHECK_THROWS(ms::sign(k_message, key, "two\nlines"));
}
