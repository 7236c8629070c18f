// Early-warning XML messages (GB/T 35965.1, CAP-style): the sample imports into an emergency
// notice that validates; levels map to the four colours; hostile and malformed messages are
// refused quickly with a reason, writing nothing.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>

#include "content/cap_message.h"
#include "content/cap_notice.h"
#include "content/date_time.h"
#include "content/file_read.h"
#include "content/notice_source.h"
#include "tests/sync/test_process.h"
#include "tests/test_paths.h"

using namespace content;
namespace fs = std::filesystem;

namespace {

fs::path sample_message() {
    return test_paths::sample_dir() / "alerts" / "typhoon-orange-20261127.xml";
}

std::string sample_text() {
    return read_file_capped(sample_message(), k_max_cap_bytes);
}

// The sample with one piece replaced.
std::string sample_with(const std::string& from, const std::string& to) {
    std::string text = sample_text();
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

std::string first_error(const std::string& xml) {
    const CapParse p = parse_cap_message(xml);
    CHECK_FALSE(p.message);
    return p.errors.empty() ? std::string() : p.errors.front();
}

std::string publish_bin() {
    return (test_paths::bin_dir() / "kiosk-publish").string();
}

}  // namespace

TEST_CASE("the sample warning reads into every field the board shows") {
    const CapParse p = parse_cap_message(sample_text());
    REQUIRE_MESSAGE(p.message, (p.errors.empty() ? "" : p.errors.front()));
    const CapMessage& m = *p.message;
    CHECK(m.identifier == "33010941600000_20261127080000_0");
    CHECK(m.sender == "滨澜区气象台");
    CHECK(m.sent == *parse_beijing_time("2026-11-27 08:00"));
    CHECK(m.event == "台风");
    CHECK(m.level == AlertLevel::Orange);
    CHECK(m.effective == parse_beijing_time("2026-11-27 08:00"));
    CHECK(m.expires == parse_beijing_time("2026-11-28 20:00"));
    CHECK(m.headline == "滨澜区气象台发布台风橙色预警信号");
    CHECK(m.instruction.find("110、119或120") != std::string::npos);
    CHECK(m.areas == std::vector<std::string>{"滨澜区清河街道"});
}

TEST_CASE("the notice made from a warning is a valid emergency notice with its level and times") {
    const CapMessage m = *parse_cap_message(sample_text()).message;
    const std::string id = cap_notice_id(m);
    CHECK(id == "alert-33010941600000_20261127080000_0");
    const ParsedNotice n = parse_notice_source(id + ".md", id, cap_notice_source(m));
    REQUIRE(n.notice);
    CHECK(n.notice->priority == Priority::Emergency);
    CHECK(n.notice->level == AlertLevel::Orange);
    CHECK(n.notice->category == Category::Announcement);
    CHECK(n.notice->department == "滨澜区气象台");
    CHECK(n.notice->title == m.headline);
    CHECK(n.notice->expires_at == parse_beijing_time("2026-11-28 20:00"));
    CHECK(is_live(*n.notice, *parse_beijing_time("2026-11-28 19:59")));
    CHECK_FALSE(is_live(*n.notice, *parse_beijing_time("2026-11-28 20:00")));
    CHECK(n.notice->body.find("## 防御指南") != std::string::npos);
    CHECK(n.notice->body.find("影响区域") != std::string::npos);
    CHECK(n.notice->body.find("滨澜区清河街道") != std::string::npos);
}

TEST_CASE("level codes map to the four colours; unknown levels are refused") {
    struct Row {
        const char* code;
        std::optional<AlertLevel> level;
    };
    for (const Row& row : std::vector<Row>{{"Red", AlertLevel::Red},
                                           {"橙色", AlertLevel::Orange},
                                           {"黄色预警", AlertLevel::Yellow},
                                           {"Blue", AlertLevel::Blue},
                                           {"II级", AlertLevel::Orange},
                                           {"Ⅲ级", AlertLevel::Yellow},
                                           {"4", AlertLevel::Blue},
                                           {"Extreme", AlertLevel::Red},
                                           {"Minor", AlertLevel::Blue},
                                           {"Unknown", std::nullopt},
                                           {"Purple", std::nullopt},
                                           {"", std::nullopt}}) {
        CAPTURE(row.code);
        CHECK(cap_level(row.code) == row.level);
    }
    CHECK(first_error(sample_with("<severity>Orange", "<severity>Purple"))
              .find("<severity>: unknown level 'Purple'") != std::string::npos);
}

TEST_CASE("times in CAP's form with any offset, and GB/T's basic form in Beijing time") {
    const int64_t t = *parse_beijing_time("2026-11-27 08:00");
    CHECK(parse_cap_time("2026-11-27T08:00:00+08:00") == t);
    CHECK(parse_cap_time("2026-11-27T00:00:00Z") == t);
    CHECK(parse_cap_time("2026-11-26T19:00:00-05:00") == t);
    CHECK(parse_cap_time("2026-11-27 08:00:00+08:00") == t);
    CHECK(parse_cap_time("20261127080000") == t);
    CHECK_FALSE(parse_cap_time("2026-11-27"));
    CHECK_FALSE(parse_cap_time("2026-11-27T08:00:00+8"));
}

TEST_CASE("malformed and incomplete messages are refused naming the line and element") {
    CHECK(first_error(sample_with("</headline>", "</headlin>")).find("not well-formed") !=
          std::string::npos);
    CHECK(first_error(sample_with("<headline>滨澜区气象台发布台风橙色预警信号</headline>", ""))
              .find("<headline>: missing") != std::string::npos);
    CHECK(first_error(sample_with("2026-11-27T08:00:00+08:00</sent>", "yesterday</sent>"))
              .find("<sent>: 'yesterday' is not a time") != std::string::npos);
    CHECK(first_error(sample_with("2026-11-28T20:00", "2026-11-26T20:00"))
              .find("ends before it takes effect") != std::string::npos);
    CHECK(first_error("<warning/>").find("an <alert>") != std::string::npos);
    CHECK(first_error(sample_with("<status>Actual", "<status>Maybe")).find("<status>") !=
          std::string::npos);
    const std::string e = first_error(sample_with("<info>", ""));  // unbalanced
    CHECK(e.starts_with("line "));
}

TEST_CASE("DTDs, entities and external entities are refused, never expanded or fetched") {
    const std::string laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY a \"aaaaaaaaaa\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
        "<alert><identifier>&c;</identifier></alert>";
    CHECK(first_error(laughs).find("DOCTYPE") != std::string::npos);
    const std::string external =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE alert SYSTEM \"http://127.0.0.1:9/x.dtd\">\n"
        "<alert/>";
    CHECK(first_error(external).find("DOCTYPE") != std::string::npos);
    const std::string file_entity =
        "<!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><alert>&x;</alert>";
    CHECK(first_error(file_entity).find("DOCTYPE") != std::string::npos);
    CHECK(first_error("<alert>&undeclared;</alert>").find("not well-formed") != std::string::npos);
}

TEST_CASE("size and shape caps: too large, too deep, too many elements") {
    CHECK(first_error(std::string(k_max_cap_bytes + 1, ' ')).find("at most 1024 KB") !=
          std::string::npos);
    std::string deep;
    for (int i = 0; i < 40; ++i) {
        deep += "<a>";
    }
    CHECK(first_error(deep).find("nest deeper") != std::string::npos);
    std::string many = "<alert>";
    for (int i = 0; i < 3000; ++i) {
        many += "<x/>";
    }
    CHECK(first_error(many + "</alert>").find("more than 2000 elements") != std::string::npos);
    CHECK(first_error("<alert>\xff</alert>").find("UTF-8") != std::string::npos);
}

TEST_CASE("kiosk-publish alert-import writes the notice, and refuses 100 MB of text at once") {
    const fs::path dir = test_paths::scratch_dir("alert-import");
    fs::create_directories(dir / "notices");
    const auto ok = test_process::run({publish_bin(), "alert-import", sample_message().string(),
                                       "--into", (dir / "notices").string()});
    REQUIRE_MESSAGE(ok.exit_code == 0, ok.err);
    CHECK(ok.out.find("橙色预警") != std::string::npos);
    const fs::path written = dir / "notices" / "alert-33010941600000_20261127080000_0.md";
    REQUIRE(fs::exists(written));
    const auto validate =
        test_process::run({publish_bin(), "validate", (dir / "notices").string()});
    CHECK_MESSAGE(validate.exit_code == 0, validate.err);

    // An update replaces the same notice; a cancel withdraws it.
    std::string update_xml =
        sample_with("<msgType>Alert</msgType>",
                    "<msgType>Update</msgType><references>33010941600000,"
                    "33010941600000_20261127080000_0,2026-11-27T08:00:00+08:00</references>");
    update_xml.replace(update_xml.find("_20261127080000_0</identifier>"), 17, "_20261127100000_0");
    update_xml.replace(update_xml.find("台风橙色预警信号"), 24, "台风红色预警信号");
    update_xml.replace(update_xml.find("<severity>Orange"), 16, "<severity>Red");
    std::ofstream(dir / "update.xml") << update_xml;
    const auto update =
        test_process::run({publish_bin(), "alert-import", (dir / "update.xml").string(), "--into",
                           (dir / "notices").string()});
    CHECK_MESSAGE(update.exit_code == 0, update.err);
    CHECK(update.out.starts_with("updated "));
    const ParsedNotice updated = parse_notice_source(written.string(), written.stem().string(),
                                                     read_file_capped(written, 1 << 20));
    REQUIRE(updated.notice);
    CHECK(updated.notice->level == AlertLevel::Red);
    CHECK(updated.notice->title == "滨澜区气象台发布台风红色预警信号");

    // 100 MB of text: refused from its size, before it is read.
    const fs::path huge = dir / "huge.xml";
    {
        std::ofstream out(huge, std::ios::binary);
        const std::string block(1024 * 1024, 'a');
        for (int i = 0; i < 100; ++i) {
            out << block;
        }
    }
    const auto started = std::chrono::steady_clock::now();
    const auto big = test_process::run(
        {publish_bin(), "alert-import", huge.string(), "--into", (dir / "notices").string()});
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(big.exit_code == 1);
    CHECK(big.err.find("at most 1024 KB") != std::string::npos);
    MESSAGE("100 MB refused in " << std::chrono::duration<double>(took).count() << " s");

    std::ofstream(dir / "exercise.xml") << sample_with("<status>Actual", "<status>Exercise");
    const auto exercise =
        test_process::run({publish_bin(), "alert-import", (dir / "exercise.xml").string(), "--into",
                           (dir / "notices").string()});
    CHECK(exercise.exit_code == 1);
    CHECK(exercise.err.find("only real (Actual) warnings") != std::string::npos);
    CHECK(test_process::run({publish_bin(), "alert-import", sample_message().string()}).exit_code ==
          2);

    std::ofstream(dir / "cancel.xml") << sample_with(
        "<msgType>Alert</msgType>",
        "<msgType>Cancel</msgType><references>33010941600000_20261127080000_0</references>");
    const auto cancel =
        test_process::run({publish_bin(), "alert-import", (dir / "cancel.xml").string(), "--into",
                           (dir / "notices").string()});
    CHECK_MESSAGE(cancel.exit_code == 0, cancel.err);
    CHECK_FALSE(fs::exists(written));
}
