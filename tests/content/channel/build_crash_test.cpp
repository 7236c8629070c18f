// kiosk-publish build killed with SIGKILL at random moments: the channel folder must always hold
// a complete, correctly signed version, the previous one or the new one, never a mixture.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "content/channel/reader.h"
#include "content/source_tree.h"
#include "tests/sync/test_process.h"
#include "tests/test_paths.h"

using namespace content;
using namespace content::channel;
namespace fs = std::filesystem;

TEST_CASE("a build killed at any moment leaves the previous or the new channel, complete") {
    const fs::path dir = test_paths::scratch_dir("channel-build-kill");
    const std::string publish = (test_paths::bin_dir() / "kiosk-publish").string();
    const std::string key = (dir / "k.key").string(), pub = (dir / "k.pub").string();
    REQUIRE(test_process::run({publish, "keygen", "--secret", key, "--public", pub}).exit_code ==
            0);
    // Two sources that differ in one notice, built alternately so every version changes.
    fs::copy(test_paths::sample_dir(), dir / "a", fs::copy_options::recursive);
    fs::copy(test_paths::sample_dir(), dir / "b", fs::copy_options::recursive);
    std::ofstream(dir / "b/notices/announcement/announcement-2026-12-extra.md")
        << "---\ntitle: 临时通知\ncategory: 公告\ndepartment: 桂花里社区\ndate: 2026-11-26\n"
           "---\n正文。\n";
    const std::string channel = (dir / "channel").string();
    auto build = [&](int i) {
        return std::vector<std::string>{
            publish, "build", (dir / (i % 2 ? "b" : "a")).string(), "--key", key, "--out", channel};
    };
    REQUIRE(test_process::run(build(0)).exit_code == 0);
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(test_process::run(build(1)).exit_code == 0);
    const auto run_us = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
    const minisign::PublicKey key_pub =
        *minisign::parse_public_key(read_file_capped(pub, 4096)).value;
    std::mt19937 random(7);
    std::uniform_int_distribution<int64_t> when(0, run_us * 12 / 10);
    uint64_t version = 2;
    int completed = 0;
    for (int i = 2; i < 102; ++i) {
        test_process::Child child(build(i));
        std::this_thread::sleep_for(std::chrono::microseconds(when(random)));
        child.kill(SIGKILL);
        completed += WIFEXITED(child.wait()) ? 1 : 0;
        const ChannelReport report =
            read_channel_folder(channel, {key_pub}, SignatureCheck::Required, 1795000000);
        const std::string first = report.problems.empty() ? "" : report.problems.front();
        REQUIRE_MESSAGE(report.problems.empty(), ("kill " + std::to_string(i) + ": " + first));
        REQUIRE(report.manifest);
        REQUIRE((report.manifest->version == version || report.manifest->version == version + 1));
        version = report.manifest->version;
    }
    MESSAGE(
        "build takes " << run_us / 1000 << " ms; " << completed
                       << " of 100 builds finished before the kill; the channel reached version "
                       << version);
    CHECK(version > 2);
    CHECK(completed < 100);
}
