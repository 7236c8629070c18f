// kiosk-syncd's settings: flags, kiosk.toml, and flags overriding the file.
#include <doctest/doctest.h>

#include <fstream>

#include "sync/syncd_options.h"
#include "tests/test_paths.h"

using namespace sync_core;
namespace fs = std::filesystem;

namespace {

const std::string k_key =
    content::channel::minisign::public_key_base64(content::channel::minisign::generate_secret_key().public_key());

}  // namespace

TEST_CASE("flags alone configure a --once run") {
    const auto r = parse_daemon_options({"--data", "/tmp/d", "--source", "file:///media/usb/c",
                                         "--trust", k_key, "--board", "guihuali-hall", "--once"});
    REQUIRE(r.options);
    CHECK(r.options->data_dir == "/tmp/d");
    CHECK(r.options->sources == std::vector<std::string>{"file:///media/usb/c"});
    CHECK(r.options->trusted_keys.size() == 1);
    CHECK(r.options->board_id == "guihuali-hall");
    CHECK(r.options->once);
}

TEST_CASE("kiosk.toml provides everything and flags override it") {
    const fs::path dir = test_paths::scratch_dir("syncd-options");
    std::ofstream(dir / "kiosk.toml") << "[board]\nid = \"gate-1\"\ndata_dir = \"/var/lib/kiosk\"\n"
                                         "[sync]\nsources = [\"https://a/c\", \"file:///b/c\"]\n"
                                         "trusted_keys = [\""
                                      << k_key << "\"]\npoll_seconds = 600\n";
    const std::string config = (dir / "kiosk.toml").string();
    const auto plain = parse_daemon_options({"--config", config});
    REQUIRE(plain.options);
    CHECK(plain.options->board_id == "gate-1");
    CHECK(plain.options->sources.size() == 2);
    CHECK(plain.options->poll_seconds == 600);
    CHECK_FALSE(plain.options->once);
    const auto usb = parse_daemon_options({"--config", config, "--once", "--source", "file:///u"});
    REQUIRE(usb.options);
    CHECK(usb.options->sources == std::vector<std::string>{"file:///u"});
    CHECK(usb.options->board_id == "gate-1");
    CHECK(usb.options->trusted_keys.size() == 1);
}

TEST_CASE("missing or wrong settings are errors that say what to write") {
    CHECK(parse_daemon_options({"--bogus"}).errors.at(0).find("--bogus") != std::string::npos);
    CHECK(parse_daemon_options({"--data"}).errors.at(0).find("needs a value") != std::string::npos);
    const auto no_key = parse_daemon_options(
        {"--data", "/d", "--source", "file:///s", "--config", "/nonexistent/kiosk.toml"});
    CHECK_FALSE(no_key.options);
    bool mentions_trust = false;
    for (const auto& e : no_key.errors)
        mentions_trust |= e.find("--trust") != std::string::npos;
    CHECK(mentions_trust);
    const auto bad_key =
        parse_daemon_options({"--data", "/d", "--source", "file:///s", "--trust", "RWQbogus"});
    CHECK_FALSE(bad_key.options);
    CHECK(parse_daemon_options({"--help"}).help);
}
