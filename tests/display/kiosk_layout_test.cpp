// The kiosk-layout tool: its command line, its plain and JSON output.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "tests/test_paths.h"

namespace {

struct Result {
    int status = -1;
    std::string out;
};

Result run(const std::string& args) {
    const auto tool = test_paths::bin_dir() / "kiosk-layout";
    REQUIRE_MESSAGE(std::filesystem::exists(tool), "build the kiosk-layout target first");
    Result r;
    FILE* pipe = popen((tool.string() + " " + args + " 2>/dev/null").c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
        r.out.append(buf.data(), n);
    }
    const int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

const char* k_text =
    "第一段：社区将于11月30日上午9：00在服务中心举行“敬老月”活动，欢迎参加。\n"
    "\n"
    "第二段\n"
    "接着写，没有空格。\n";

}  // namespace

TEST_CASE("kiosk-layout: JSON lines with text, width and paragraph") {
    const auto dir = test_paths::scratch_dir("kiosk-layout-json");
    std::ofstream(dir / "in.txt") << k_text;
    const Result r = run("--width 300 --size 30 --json " + (dir / "in.txt").string());
    REQUIRE(r.status == 0);
    const auto lines = nlohmann::json::parse(r.out);
    REQUIRE(lines.is_array());
    std::string first, second;
    for (const auto& line : lines) {
        CHECK(line["width"].get<double>() <= 300.0);
        (line["paragraph"].get<int>() == 0 ? first : second) += line["text"].get<std::string>();
    }
    CHECK(first == "第一段：社区将于11月30日上午9：00在服务中心举行“敬老月”活动，欢迎参加。");
    CHECK(second == "第二段接着写，没有空格。");  // a line break inside CJK vanishes
    CHECK(lines.size() >= 4);
    CHECK(lines.back()["paragraph"] == 1);
}

TEST_CASE("kiosk-layout: plain output is one laid-out line per line, stdin with -") {
    const auto dir = test_paths::scratch_dir("kiosk-layout-plain");
    std::ofstream(dir / "in.txt") << k_text;
    const Result json = run("--width 300 --size 30 --json " + (dir / "in.txt").string());
    const Result plain = run("--width 300 --size 30 - < " + (dir / "in.txt").string());
    REQUIRE(plain.status == 0);
    std::string expected;
    for (const auto& line : nlohmann::json::parse(json.out)) {
        expected += line["text"].get<std::string>() + "\n";
    }
    CHECK(plain.out == expected);
}

TEST_CASE("kiosk-layout: bad arguments are usage errors") {
    CHECK(run("--size 30 -").status == 2);
    CHECK(run("--width abc --size 30 -").status == 2);
    CHECK(run("--width 300 --size 30 --bogus -").status == 2);
    CHECK(run("--width 300 --size 30 /nonexistent/file").status == 1);
    CHECK(run("--width 300 --size 30 --font /nonexistent.ttf -  < /dev/null").status == 1);
}
