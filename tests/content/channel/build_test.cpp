// Building channels: the sample publishes and verifies; rebuilding is incremental and atomic;
// versions only grow; kiosk-publish's commands and exit codes.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>

#include "content/channel/reader.h"
#include "content/channel/writer.h"
#include "content/source_tree.h"
#include "tests/sync/test_process.h"
#include "tests/test_paths.h"

using namespace content;
using namespace content::channel;
namespace fs = std::filesystem;

namespace {

constexpr int64_t k_now = 1795000000;

ChannelBuildOptions at(int64_t now, std::optional<uint64_t> version = {}) {
    ChannelBuildOptions o;
    o.now = now;
    o.version = version;
    return o;
}

ino_t inode(const fs::path& path) {
    struct stat st {};
    ::stat(path.c_str(), &st);
    return st.st_ino;
}

std::string publish_bin() {
    return (test_paths::bin_dir() / "kiosk-publish").string();
}

}  // namespace

TEST_CASE("the sample community publishes into a channel that verifies object by object") {
    const fs::path dir = test_paths::scratch_dir("channel-sample");
    const SourceTree tree = load_source_tree(test_paths::sample_dir());
    REQUIRE(tree.diagnostics.empty());
    const minisign::SecretKey key = minisign::generate_secret_key();
    const ChannelBuildResult r = build_channel(tree, key, dir / "channel", at(k_now));
    CHECK(r.manifest.version == 1);
    CHECK(r.manifest.items.size() == tree.notices.size());
    CHECK(r.manifest.assets.size() == tree.assets.size());
    CHECK(r.objects_written == static_cast<int>(tree.notices.size() + tree.assets.size()));

    const ChannelReport report =
        read_channel_folder(dir / "channel", {key.public_key()}, SignatureCheck::Required, k_now);
    CHECK(report.problems.empty());
    CHECK(report.signer_key_id == minisign::key_id_hex(key.id));
    CHECK(report.notices == tree.notices);
    // Nothing but the channel is left beside it, apart from the build lock.
    for (const auto& entry : fs::directory_iterator(dir)) {
        CHECK((entry.path().filename() == "channel" || entry.path().filename() == ".channel.lock"));
    }
}

TEST_CASE("a rebuild links unchanged objects instead of rewriting them and bumps the version") {
    const fs::path dir = test_paths::scratch_dir("channel-incremental");
    SourceTree tree = load_source_tree(test_paths::sample_dir());
    const minisign::SecretKey key = minisign::generate_secret_key();
    build_channel(tree, key, dir / "channel", at(k_now));
    const std::string kept_sha = notice_hash(tree.notices[1]);
    const ino_t kept_inode = inode(dir / "channel/objects" / kept_sha);

    tree.notices[0].title += "（更新）";
    const ChannelBuildResult r = build_channel(tree, key, dir / "channel", at(k_now + 60));
    CHECK(r.manifest.version == 2);
    CHECK(r.objects_written == 1);
    CHECK(r.objects_kept == static_cast<int>(tree.notices.size() + tree.assets.size()) - 1);
    CHECK(inode(dir / "channel/objects" / kept_sha) == kept_inode);
    // The old version's object for the changed notice is gone with the old version.
    CHECK(fs::directory_iterator(dir / "channel/objects") != fs::directory_iterator());
    size_t objects = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "channel/objects"))
        ++objects;
    CHECK(objects == r.manifest.items.size() + r.manifest.assets.size());
    CHECK(read_channel_folder(dir / "channel", {key.public_key()}, SignatureCheck::Required,
                              k_now + 60)
              .problems.empty());
}

TEST_CASE("an explicit version must be higher than the channel's") {
    const fs::path dir = test_paths::scratch_dir("channel-version");
    const SourceTree tree = load_source_tree(test_paths::sample_dir());
    const minisign::SecretKey key = minisign::generate_secret_key();
    CHECK(build_channel(tree, key, dir / "c", at(k_now, 10)).manifest.version == 10);
    CHECK_THROWS_WITH_AS(build_channel(tree, key, dir / "c", at(k_now, 10)),
                         doctest::Contains("rollback"), ChannelError);
    CHECK(build_channel(tree, key, dir / "c", at(k_now)).manifest.version == 11);
}

TEST_CASE("a build refuses to take over a folder that is not a channel") {
    const fs::path dir = test_paths::scratch_dir("channel-foreign");
    fs::create_directories(dir / "photos");
    std::ofstream(dir / "photos/holiday.jpg") << "x";
    const SourceTree tree = load_source_tree(test_paths::sample_dir());
    CHECK_THROWS_AS(build_channel(tree, minisign::generate_secret_key(), dir / "photos", at(k_now)),
                    ChannelError);
    CHECK(fs::exists(dir / "photos/holiday.jpg"));
}

TEST_CASE("verify reports a missing object, an altered object and an expired manifest") {
    const fs::path dir = test_paths::scratch_dir("channel-verify-problems");
    const SourceTree tree = load_source_tree(test_paths::sample_dir());
    const minisign::SecretKey key = minisign::generate_secret_key();
    const ChannelBuildResult r = build_channel(tree, key, dir / "c", at(k_now));
    fs::remove(dir / "c/objects" / r.manifest.items[0].sha256);
    const fs::path altered = dir / "c/objects" / r.manifest.items[1].sha256;
    std::string bytes = read_file_capped(altered, 1 << 20);
    bytes[10] ^= 1;
    fs::remove(altered);
    std::ofstream(altered, std::ios::binary) << bytes;
    const ChannelReport report = read_channel_folder(
        dir / "c", {key.public_key()}, SignatureCheck::Required, r.manifest.expires + 1);
    REQUIRE(report.problems.size() == 3);
    CHECK(report.problems[0].find("expired") != std::string::npos);
    CHECK(report.problems[1].find("missing") != std::string::npos);
    CHECK(report.problems[2].find("sha256") != std::string::npos);
}

TEST_CASE("kiosk-publish keygen writes a 0600 secret key and never replaces one silently") {
    const fs::path dir = test_paths::scratch_dir("publish-keygen");
    const std::vector<std::string> argv = {publish_bin(), "keygen",
                                           "--secret",    (dir / "keys/k.key").string(),
                                           "--public",    (dir / "keys/k.pub").string()};
    const auto first = test_process::run(argv);
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    struct stat st {};
    REQUIRE(::stat((dir / "keys/k.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string before = read_file_capped(dir / "keys/k.key", 4096);
    const auto again = test_process::run(argv);
    CHECK(again.exit_code == 2);
    CHECK(again.err.find("--force") != std::string::npos);
    CHECK(read_file_capped(dir / "keys/k.key", 4096) == before);
    std::vector<std::string> forced = argv;
    forced.push_back("--force");
    CHECK(test_process::run(forced).exit_code == 0);
    CHECK(read_file_capped(dir / "keys/k.key", 4096) != before);
}

TEST_CASE("kiosk-publish build, verify and list: exit codes 0, 1 and 2") {
    const fs::path dir = test_paths::scratch_dir("publish-cli");
    const std::string key = (dir / "k.key").string(), pub = (dir / "k.pub").string();
    REQUIRE(
        test_process::run({publish_bin(), "keygen", "--secret", key, "--public", pub}).exit_code ==
        0);
    const std::string channel = (dir / "channel").string();
    const std::string sample = test_paths::sample_dir().string();
    const auto build = test_process::run(
        {publish_bin(), "build", sample, "--key", key, "--out", channel, "--channel", "guihuali"});
    REQUIRE_MESSAGE(build.exit_code == 0, build.err);
    CHECK(build.out.find("channel guihuali version 1") != std::string::npos);
    const auto rebuild = test_process::run(
        {publish_bin(), "build", sample, "--key", key, "--out", channel, "--version", "5"});
    CHECK(rebuild.out.find("version 5") != std::string::npos);
    CHECK(rebuild.out.find(" 0 object(s) written") != std::string::npos);
    const auto verify = test_process::run({publish_bin(), "verify", channel, "--pub", pub});
    CHECK_MESSAGE(verify.exit_code == 0, verify.err);
    CHECK(verify.out.starts_with("OK: channel guihuali version 5"));
    const auto minisign =
        test_process::run({"minisign", "-Vm", channel + "/manifest.json", "-p", pub});
    CHECK_MESSAGE(minisign.exit_code == 0, minisign.err);
    const auto list = test_process::run({publish_bin(), "list", channel});
    CHECK(list.exit_code == 0);
    CHECK(list.out.find("affairs-2026-anti-fraud\taffairs") != std::string::npos);

    // A stranger's key: verify exits 1 and says why.
    REQUIRE(test_process::run({publish_bin(), "keygen", "--secret", (dir / "o.key").string(),
                               "--public", (dir / "o.pub").string()})
                .exit_code == 0);
    const auto wrong =
        test_process::run({publish_bin(), "verify", channel, "--pub", (dir / "o.pub").string()});
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err.find("not a trusted key") != std::string::npos);
    // Usage and I/O problems exit 2.
    CHECK(test_process::run({publish_bin(), "build", sample, "--key", key}).exit_code == 2);
    CHECK(test_process::run({publish_bin(), "verify", (dir / "nowhere").string(), "--pub", pub})
              .exit_code == 2);
    CHECK(test_process::run({publish_bin(), "build", sample, "--key", (dir / "none.key").string(),
                             "--out", channel})
              .exit_code == 2);
}

TEST_CASE("kiosk-publish build refuses invalid notices with file and line, publishing nothing") {
    const fs::path dir = test_paths::scratch_dir("publish-invalid");
    fs::create_directories(dir / "src");
    std::ofstream(dir / "src/bad-notice.md") << "---\ntitle: 停水通知\ncategory: 财政\n"
                                                "date: 2026-11-20\n---\n正文\n";
    const std::string key = (dir / "k.key").string();
    REQUIRE(test_process::run(
                {publish_bin(), "keygen", "--secret", key, "--public", (dir / "k.pub").string()})
                .exit_code == 0);
    const auto r = test_process::run({publish_bin(), "build", (dir / "src").string(), "--key", key,
                                      "--out", (dir / "channel").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("bad-notice.md:3: category") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "channel"));
}

TEST_CASE("kiosk-publish build refuses a version past the highest a board accepts (2^63-1)") {
    const fs::path dir = test_paths::scratch_dir("publish-version-overflow");
    const std::string key = (dir / "k.key").string(), pub = (dir / "k.pub").string();
    REQUIRE(
        test_process::run({publish_bin(), "keygen", "--secret", key, "--public", pub}).exit_code ==
        0);
    const std::string channel = (dir / "channel").string();
    const std::string sample = test_paths::sample_dir().string();
    const auto top = test_process::run({publish_bin(), "build", sample, "--key", key, "--out",
                                        channel, "--version", "9223372036854775807"});
    REQUIRE_MESSAGE(top.exit_code == 0, top.err);
    const std::string before = read_file_capped(dir / "channel/manifest.json", 1 << 24);
    const auto next =
        test_process::run({publish_bin(), "build", sample, "--key", key, "--out", channel});
    CHECK(next.exit_code == 2);
    CHECK(next.err.find("9223372036854775807") != std::string::npos);
    CHECK(next.err.find("new channel") != std::string::npos);
    CHECK(read_file_capped(dir / "channel/manifest.json", 1 << 24) == before);
    const auto beyond =
        test_process::run({publish_bin(), "build", sample, "--key", key, "--out",
                           (dir / "other").string(), "--version", "9223372036854775808"});
    CHECK(beyond.exit_code == 2);
    CHECK(beyond.err.find("--version") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "other/manifest.json"));
}
