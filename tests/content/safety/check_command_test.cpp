// kiosk-publish check: exit codes 0 clean, 1 flagged, 2 usage or I/O; human lines name file, line,
// rule and excerpt; --json gives one object per finding with offsets into the file; approvals in
// reviews.json let exactly the approved findings through.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "content/notice_source.h"
#include "content/safety/approval.h"
#include "content/safety/check.h"
#include "content/source_tree.h"
#include "tests/content/safety/fixture.h"
#include "tests/sync/test_process.h"

namespace fs = std::filesystem;

namespace {

test_process::Result check(std::vector<std::string> args) {
    args.insert(args.begin(), {(test_paths::bin_dir() / "kiosk-publish").string(), "check"});
    args.push_back("--rules");
    args.push_back((test_paths::source_dir() / "content" / "safety" / "rules").string());
    return test_process::run(args);
}

fs::path corpus() {
    return test_paths::source_dir() / "tests" / "content" / "safety" / "corpus";
}

const char* k_notice =
    "---\n"
    "title: 社区民警联系方式\n"
    "category: 事务\n"
    "department: 清河派出所\n"
    "date: 2026-11-05\n"
    "---\n"
    "各位居民：\r\n"
    "\r\n"
    "社区民警何俊，工作手机 138 0013 8000，欢迎居民联系。\r\n";

void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("check: clean folders exit 0, flagged files exit 1, usage and I/O errors exit 2") {
    CHECK(check({(corpus() / "clean").string()}).exit_code == 0);
    CHECK(check({test_paths::sample_dir().string()}).exit_code == 0);
    CHECK(check({(corpus() / "injected").string()}).exit_code == 1);
    CHECK(check({}).exit_code == 2);
    CHECK(check({"--bogus", test_paths::sample_dir().string()}).exit_code == 2);
    CHECK(check({(corpus() / "no-such-folder").string()}).exit_code == 2);
    const auto bad_rules =
        test_process::run({(test_paths::bin_dir() / "kiosk-publish").string(), "check", "--rules",
                           test_paths::sample_dir().string(), test_paths::sample_dir().string()});
    CHECK(bad_rules.exit_code == 2);
}

TEST_CASE("check: a human line names file, line, rule and excerpt") {
    const fs::path dir = test_paths::scratch_dir("safety-check-human");
    write(dir / "police.md", k_notice);
    const auto r = check({(dir / "police.md").string()});
    CHECK(r.exit_code == 1);
    CAPTURE(r.out);
    CHECK(r.out.find((dir / "police.md").string() + ":9: contact: ") == 0);
    CHECK(r.out.find("138 0013 8000") != std::string::npos);
    CHECK(r.err.find("1 finding(s)") != std::string::npos);
}

TEST_CASE("check --json: one object per finding, offsets are bytes of the file") {
    const fs::path file = corpus() / "injected";
    const auto r = check({"--json", file.string()});
    CHECK(r.exit_code == 1);
    std::istringstream lines(r.out);
    int count = 0;
    for (std::string line; std::getline(lines, line);) {
        const nlohmann::json j = nlohmann::json::parse(line);
        for (const char* key : {"file", "rule", "start", "end", "excerpt", "line", "field"}) {
            CHECK(j.contains(key));
        }
        CHECK(j["start"].get<size_t>() <= j["end"].get<size_t>());
        ++count;
    }
    CHECK(count >= 135);

    // The offsets of a body finding in a CRLF file are the file's own bytes.
    const fs::path dir = test_paths::scratch_dir("safety-check-json");
    write(dir / "police.md", k_notice);
    const auto one = check({"--json", (dir / "police.md").string()});
    const nlohmann::json j = nlohmann::json::parse(one.out);
    const std::string text = k_notice;
    const auto start = j["start"].get<size_t>(), end = j["end"].get<size_t>();
    CHECK(text.substr(start, end - start) == "138 0013 8000");
    CHECK(j["match"] == "138 0013 8000");
    CHECK(j["notice"] == "police");
    CHECK(j["line"] == 9);
}

TEST_CASE("check: reviews.json approves exactly the finding of exactly that text") {
    const fs::path dir = test_paths::scratch_dir("safety-check-review");
    fs::create_directories(dir / "notices" / "affairs");
    const fs::path file = dir / "notices" / "affairs" / "police.md";
    write(file, k_notice);
    const content::ParsedNotice parsed =
        content::parse_notice_source("police.md", "police", k_notice);
    REQUIRE(parsed.notice);
    const nlohmann::json reviews{
        {"approvals",
         {{{"notice", "police"},
           {"text_sha256", content::safety::safety_text_sha256(*parsed.notice)},
           {"rule", "contact"},
           {"field", "body"},
           {"match", "138 0013 8000"},
           {"reviewer", "王堃"},
           {"note", "民警工作手机，已核实"}}}}};
    write(dir / "reviews.json", reviews.dump());

    auto r = check({dir.string()});
    CAPTURE(r.out);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("approved by 王堃") != std::string::npos);

    // Any edit to the text voids the approval.
    write(file, std::string(k_notice) + "周末休息。\n");
    r = check({dir.string()});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("approved by") == std::string::npos);

    // A broken review file is an error, not a silent "nothing approved".
    write(dir / "reviews.json", "{not json");
    CHECK(check({dir.string()}).exit_code == 2);
}

TEST_CASE("check: every form of path works: bare name, ./x, ../x, absolute, a folder") {
    const fs::path dir =
        fs::temp_directory_path() / ("kiosk-check-paths-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "sub");
    write(dir / "spam.md", std::string(k_notice) + "\n加V信：abc12345 详聊\n");
    const std::string bin = (test_paths::bin_dir() / "kiosk-publish").string();
    const std::string rules = (test_paths::source_dir() / "content" / "safety" / "rules").string();
    auto check_in = [&](const fs::path& cwd, const std::string& path) {
        return test_process::run({"/bin/sh", "-c",
                                  "cd '" + cwd.string() + "' && exec '" + bin +
                                      "' check --rules '" + rules + "' '" + path + "'"});
    };
    for (const auto& [cwd, path] :
         std::vector<std::pair<fs::path, std::string>>{{dir, "spam.md"},
                                                       {dir, "./spam.md"},
                                                       {dir / "sub", "../spam.md"},
                                                       {dir / "sub", (dir / "spam.md").string()},
                                                       {dir, "."},
                                                       {dir / "sub", ".."}}) {
        CAPTURE(path);
        const test_process::Result r = check_in(cwd, path);
        CAPTURE(r.err);
        CHECK(r.exit_code == 1);  // found, not an I/O error
        CHECK(r.err.find("filesystem error") == std::string::npos);
        CHECK(r.out.find("spam.md:") != std::string::npos);
        CHECK(r.out.find("abc12345") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("check: every finding is explained: layer, reason and what was read, in both outputs") {
    const fs::path dir =
        fs::temp_directory_path() / ("kiosk-check-why-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    write(dir / "n.md",
          std::string(k_notice) + "\n依据标准指引，金樽最新官方版下载结合区政府权责清单。\n");
    const test_process::Result human = check({(dir / "n.md").string()});
    CHECK(human.exit_code == 1);
    CHECK(human.out.find("    template: ") != std::string::npos);
    CHECK(human.out.find("金樽最新官方版下载") != std::string::npos);
    const test_process::Result json = check({"--json", (dir / "n.md").string()});
    bool template_seen = false;
    std::istringstream lines(json.out);
    for (std::string line; std::getline(lines, line);) {
        const auto j = nlohmann::json::parse(line);
        for (const char* key : {"layer", "normalized", "reason", "certainty"}) {
            CHECK(j.contains(key));
        }
        if (j["layer"] == "template") {
            template_seen = true;
            CHECK(j["normalized"] == "金樽最新官方版下载");
            CHECK(j["certainty"] == "certain");
        }
    }
    CHECK(template_seen);
    fs::remove_all(dir);
}
