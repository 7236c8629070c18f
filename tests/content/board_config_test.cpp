// kiosk.toml: the shipped example and default parse cleanly, every key is read, and every error
// names the key and says what is expected.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "content/board_config.h"
#include "tests/test_paths.h"

using namespace content;

namespace {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void require_clean(const ConfigResult& result) {
    for (const Diagnostic& d : result.diagnostics) {
        FAIL_CHECK(format_diagnostic(d));
    }
    REQUIRE(result.config.has_value());
}

// The one diagnostic that `text` produces; checks it names `field` and has a line.
Diagnostic only_error(const std::string& text, const std::string& field) {
    const ConfigResult result = parse_board_config("kiosk.toml", text);
    CHECK_FALSE(result.config.has_value());
    REQUIRE_MESSAGE(result.diagnostics.size() == 1, "for: " << text);
    const Diagnostic& d = result.diagnostics[0];
    CHECK(d.field == field);
    CHECK(d.file == "kiosk.toml");
    CHECK(d.line > 0);
    CHECK_FALSE(d.message.empty());
    return d;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A well-formed minisign public key line ("Ed", key id, key) whose secret nobody has.
const char* k_key = "RWQBAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJico";

}  // namespace

TEST_CASE("the annotated example in systemd/ parses with no error and sets every section") {
    const auto path = test_paths::source_dir() / "systemd" / "kiosk.toml.example";
    const ConfigResult result = parse_board_config(path.string(), read_text(path));
    require_clean(result);
    const BoardConfig& c = *result.config;
    CHECK(c.board_id == "guihuali-hall");
    CHECK(c.data_dir == "/var/lib/kiosk");
    CHECK(c.on_hours.start_minute == 6 * 60 + 30);
    CHECK(c.on_hours.end_minute == 22 * 60);
    CHECK(c.pin_sha256.size() == 64);
    CHECK(c.sources.size() == 2);
    CHECK(c.trusted_keys.size() == 1);
    CHECK_FALSE(c.hot_searches.empty());
}

TEST_CASE("the packaged default /etc/kiosk/kiosk.toml parses with no error") {
    const auto path = test_paths::source_dir() / "systemd" / "kiosk.toml.default";
    const ConfigResult result = parse_board_config(path.string(), read_text(path));
    require_clean(result);
    CHECK(result.config->data_dir == "/var/lib/kiosk");
    CHECK(result.config->on_hours.always());
}

TEST_CASE("the demo configuration parses with no error") {
    const auto path = test_paths::sample_dir() / "kiosk.toml";
    require_clean(parse_board_config(path.string(), read_text(path)));
}

TEST_CASE("an empty file is valid and gives the defaults") {
    const ConfigResult result = parse_board_config("kiosk.toml", "");
    require_clean(result);
    CHECK(result.config->on_hours.always());
    CHECK(result.config->data_dir == "/var/lib/kiosk");
}

TEST_CASE("display.on_hours: screen-on hours as HH:MM-HH:MM") {
    SUBCASE("a daytime period") {
        const ConfigResult r = parse_board_config("k", "[display]\non_hours = \"06:30-22:00\"\n");
        require_clean(r);
        const OnHours& h = r.config->on_hours;
        CHECK_FALSE(h.always());
        CHECK_FALSE(h.contains(6 * 60 + 29));
        CHECK(h.contains(6 * 60 + 30));
        CHECK(h.contains(21 * 60 + 59));
        CHECK_FALSE(h.contains(22 * 60));
        CHECK_FALSE(h.contains(0));
    }
    SUBCASE("a period past midnight") {
        const ConfigResult r = parse_board_config("k", "[display]\non_hours = \"22:00-06:00\"\n");
        require_clean(r);
        const OnHours& h = r.config->on_hours;
        CHECK(h.contains(23 * 60));
        CHECK(h.contains(0));
        CHECK(h.contains(5 * 60 + 59));
        CHECK_FALSE(h.contains(6 * 60));
        CHECK_FALSE(h.contains(12 * 60));
    }
    SUBCASE("all day") {
        const ConfigResult r = parse_board_config("k", "[display]\non_hours = \"00:00-24:00\"\n");
        require_clean(r);
        CHECK(r.config->on_hours.always());
        CHECK(r.config->on_hours.contains(0));
        CHECK(r.config->on_hours.contains(24 * 60 - 1));
    }
    SUBCASE("malformed values name the key and show the format") {
        for (const char* bad : {"\"6:30-22:00\"", "\"06:30 - 22:00\"", "\"25:00-26:00\"",
                                "\"06:60-22:00\"", "\"06:30-06:30\"", "\"24:00-06:00\"",
                                "\"06:30-24:01\"", "\"\"", "630", "[\"06:30\", \"22:00\"]"}) {
            CAPTURE(bad);
            const Diagnostic d =
                only_error(std::string("[display]\non_hours = ") + bad + "\n", "display.on_hours");
            CHECK(d.line == 2);
            CHECK(contains(d.message, "HH:MM-HH:MM"));
            CHECK(contains(d.message, "06:30-22:00"));
        }
    }
}

TEST_CASE("kiosk.technician_pin_sha256: 64 hexadecimal digits, stored in lower case") {
    const std::string upper(64, 'A');
    const ConfigResult r =
        parse_board_config("k", "[kiosk]\ntechnician_pin_sha256 = \"" + upper + "\"\n");
    require_clean(r);
    CHECK(r.config->pin_sha256 == std::string(64, 'a'));

    for (const char* bad : {"123456", "zz",
                            "0123456789abcdef0123456789abcdef0123456789abcdef"
                            "0123456789abcdeg"}) {
        CAPTURE(bad);
        const Diagnostic d =
            only_error(std::string("[kiosk]\ntechnician_pin_sha256 = \"") + bad + "\"\n",
                       "kiosk.technician_pin_sha256");
        CHECK(contains(d.message, "64 hexadecimal"));
        CHECK(contains(d.message, "sha256sum"));
    }
    // Empty disables the technician menu.
    require_clean(parse_board_config("k", "[kiosk]\ntechnician_pin_sha256 = \"\"\n"));
}

TEST_CASE("sync.sources: channel addresses over https, http or a local folder") {
    const ConfigResult r = parse_board_config(
        "k",
        "[sync]\nsources = [\"https://cdn.example.org/c/\", \"http://10.0.0.2/c/\", "
        "\"file:///media/usb/kiosk-channel\"]\n");
    require_clean(r);
    CHECK(r.config->sources.size() == 3);

    const Diagnostic d = only_error("[sync]\nsources = [\"ftp://x/c\"]\n", "sync.sources");
    CHECK(contains(d.message, "ftp://x/c"));
    CHECK(contains(d.message, "https://"));
    CHECK(contains(d.message, "file:///"));
    only_error("[sync]\nsources = \"https://cdn.example.org/c/\"\n", "sync.sources");
    only_error("[sync]\nsources = [\"/media/usb\"]\n", "sync.sources");
}

TEST_CASE("sync.trusted_keys: minisign public keys, the key line or the whole .pub file") {
    const ConfigResult line =
        parse_board_config("k", std::string("[sync]\ntrusted_keys = [\"") + k_key + "\"]\n");
    require_clean(line);
    CHECK(line.config->trusted_keys.size() == 1);

    const ConfigResult file = parse_board_config(
        "k", std::string("[sync]\ntrusted_keys = [\"\"\"untrusted comment: minisign public key\n") +
                 k_key + "\n\"\"\"]\n");
    require_clean(file);

    for (const std::string& bad :
         {std::string("RWQ"), std::string(k_key).substr(0, 55) + "!",
          // base64 of 42 bytes that do not start with "Ed"
          std::string("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")}) {
        CAPTURE(bad);
        const Diagnostic d =
            only_error("[sync]\ntrusted_keys = [\"" + bad + "\"]\n", "sync.trusted_keys");
        CHECK(contains(d.message, "minisign public key"));
        CHECK(contains(d.message, "keygen"));
    }
}

TEST_CASE("existing keys: wrong types and ranges name the key") {
    CHECK(contains(only_error("[board]\nid = 3\n", "board.id").message, "text in quotes"));
    CHECK(contains(only_error("[display]\nrotation = 45\n", "display.rotation").message, "90"));
    CHECK(contains(only_error("[display]\nwidth = -1\n", "display.width").message, "whole number"));
    only_error("[kiosk]\nidle_home_seconds = 1\n", "kiosk.idle_home_seconds");
    only_error("[kiosk]\nhot_searches = \"低保\"\n", "kiosk.hot_searches");
    only_error("[sync]\npoll_seconds = \"5m\"\n", "sync.poll_seconds");
    only_error("[board]\nid = \"\"\n", "board.id");
}

TEST_CASE("unknown keys and sections are errors that list what is known") {
    SUBCASE("a misspelt key") {
        const Diagnostic d = only_error("[sync]\nsource = [\"https://x/\"]\n", "sync.source");
        CHECK(contains(d.message, "unknown key"));
        CHECK(contains(d.message, "sources"));
        CHECK(contains(d.message, "trusted_keys"));
    }
    SUBCASE("a misspelt section") {
        const Diagnostic d = only_error("[bord]\nid = \"x\"\n", "bord");
        CHECK(contains(d.message, "[board]"));
        CHECK(contains(d.message, "[sync]"));
    }
    SUBCASE("a key outside any section") {
        const Diagnostic d = only_error("id = \"x\"\n", "id");
        CHECK(contains(d.message, "[board]"));
    }
    SUBCASE("a section written as a value") {
        const Diagnostic d = only_error("board = \"x\"\n", "board");
        CHECK(contains(d.message, "[board]"));
    }
}

TEST_CASE("a syntax error names the line and points at the example") {
    const ConfigResult r = parse_board_config("kiosk.toml", "[board]\nid = \"unterminated\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 2);
    CHECK(contains(r.diagnostics[0].message, "kiosk.toml.example"));
}

TEST_CASE("every problem in a file is reported at once") {
    const ConfigResult r = parse_board_config(
        "k", "[display]\non_hours = \"late\"\nrotation = 45\n[sync]\nsources = [\"x\"]\n");
    CHECK(r.diagnostics.size() == 3);
}

TEST_CASE("display.quiet_hours: silent, dark-when-idle periods") {
    const ConfigResult r = parse_board_config(
        "k", "[display]\non_hours = \"06:30-22:00\"\nquiet_hours = [\"12:00-13:30\"]\n");
    REQUIRE(r.config);
    const BoardConfig& c = *r.config;
    CHECK_FALSE(c.off_hours(11 * 60 + 59));
    CHECK(c.off_hours(12 * 60));
    CHECK(c.quiet(13 * 60 + 29));
    CHECK_FALSE(c.off_hours(13 * 60 + 30));
    CHECK(c.off_hours(22 * 60));    // outside on_hours
    CHECK_FALSE(c.quiet(22 * 60));  // dark but not quiet: quiet is only what is listed

    const ConfigResult bad = parse_board_config("k", "[display]\nquiet_hours = [\"noon\"]\n");
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].field == "display.quiet_hours");
    CHECK(bad.diagnostics[0].message.find("HH:MM-HH:MM") != std::string::npos);
}
