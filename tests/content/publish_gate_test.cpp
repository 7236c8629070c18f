// kiosk-publish build refuses notices the safety checker flags, unless a reviewer approved that
// exact finding of that exact text in reviews.json; any edit voids the approval.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/test_paths.h"

namespace fs = std::filesystem;

namespace {

struct Run {
    int status;
    std::string out;
};

Run run(const std::string& command, const fs::path& scratch) {
    const fs::path out = scratch / "out.txt";
    const int status = std::system((command + " >" + out.string() + " 2>&1").c_str());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    return {WEXITSTATUS(status), text.str()};
}

void write_notice(const fs::path& dir, const std::string& body) {
    fs::create_directories(dir / "notices");
    std::ofstream(dir / "notices" / "volunteer-call.md")
        << "---\ntitle: 志愿者招募\ncategory: 事务\ndepartment: 桂花里社区居民委员会\ndate: "
           "2026-11-20\n---\n"
        << body << "\n";
}

}  // namespace

TEST_CASE(
    "build refuses a flagged notice, accepts it once approved, and refuses it again after an "
    "edit") {
    const fs::path dir = test_paths::scratch_dir("publish-gate");
    const std::string publish = (test_paths::bin_dir() / "kiosk-publish").string();
    REQUIRE(run(publish + " keygen --secret " + (dir / "k.key").string() + " --public " +
                    (dir / "k.pub").string(),
                dir)
                .status == 0);
    const fs::path src = dir / "src";
    write_notice(src, "报名请联系小王，手机 138 1234 5678。");
    const std::string build = publish + " build " + src.string() + " --key " +
                              (dir / "k.key").string() + " --out " + (dir / "channel").string();

    const Run refused = run(build, dir);
    CHECK(refused.status == 1);
    CHECK(refused.out.find("volunteer-call: body: contact:") != std::string::npos);
    CHECK(refused.out.find("nothing was published") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "channel" / "manifest.json"));

    // The reviewer approves exactly what `check --json` reported.
    const Run check = run(publish + " check --json " + src.string(), dir);
    REQUIRE(check.status == 1);
    nlohmann::json approvals = nlohmann::json::array();
    std::istringstream lines(check.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] != '{')
            continue;
        const auto f = nlohmann::json::parse(line);
        approvals.push_back({{"notice", f["notice"]},
                             {"text_sha256", f["text_sha256"]},
                             {"rule", f["rule"]},
                             {"field", f["field"]},
                             {"match", f["match"]},
                             {"reviewer", "李喆"},
                             {"note", "the grid worker's work phone, published on purpose"}});
    }
    REQUIRE_FALSE(approvals.empty());
    std::ofstream(src / "reviews.json") << nlohmann::json{{"approvals", approvals}}.dump(2);
    const Run accepted = run(build, dir);
    CHECK_MESSAGE(accepted.status == 0, accepted.out);
    CHECK(fs::exists(dir / "channel" / "manifest.json"));

    // Any edit of the text voids the approval.
    write_notice(src, "报名请联系小王，手机 138 1234 5678，或加微信群。");
    CHECK(run(build, dir).status == 1);
}
