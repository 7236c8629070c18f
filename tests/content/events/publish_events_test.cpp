// kiosk-publish proof, fleet and report on an uploads folder: answers, files, and exit codes
// (0 ok, 1 a chain does not verify, 2 usage).
#include <doctest/doctest.h>

#include "tests/content/events/uploads_fixture.h"

using namespace uploads_fixture;
namespace minisign = content::channel::minisign;

namespace {
constexpr int64_t k_jul1 = 1782835200;  // 2026-07-01 00:00 Beijing
constexpr int64_t H = 3600;

struct Fleet {
    fs::path dir;
    fs::path uploads;
    BoardSecretKey hall = minisign::generate_secret_key();
    BoardSecretKey gate = minisign::generate_secret_key();
    BoardSecretKey stranger = minisign::generate_secret_key();

    explicit Fleet(const std::string& name)
        : dir(test_paths::scratch_dir("publish-events-" + name)) {
        uploads = dir / "uploads";
        std::vector<Record> records;
        for (int d = 0; d < 3; ++d) {
            const int64_t day = k_jul1 + d * 24 * H;
            records.push_back(screen_off(day, day + 7 * H, "scheduled"));
            records.push_back(display("finance-q3", day + 7 * H, day + 22 * H));
            records.push_back(
                rating("finance-q3", day + 9 * H, d == 1 ? 5 : 1, d == 1 ? "字太小" : ""));
            records.push_back(screen_off(day + 22 * H, day + 24 * H, "scheduled"));
        }
        write_chain(uploads, "hall-1", hall, records, 5);
        write_chain(uploads, "intruder", stranger, records, 5);
        Heartbeat h;
        h.board = "hall-1";
        h.at = k_jul1 + 2 * 24 * H + 23 * H;
        h.screen = ScreenState::OffBySchedule;
        h.kiosk_version = "0.1.0";
        h.channel_version = 42;
        write_heartbeat(uploads, h, hall);
        std::ofstream(uploads / "boards.toml") << registry_entry("hall-1", "桂花里服务大厅", hall)
                                               << registry_entry("gate", "东门", gate);
    }
    std::string cmd(const std::string& args) const { return publish() + " " + args; }
};
}  // namespace

TEST_CASE("proof: the notice's period with its scheduled-off gaps, and a PNG to pin up") {
    Fleet f("proof");
    const auto r = run(f.cmd("proof --uploads " + f.uploads.string() +
                             " --board hall-1 --notice finance-q3 --from '2026-07-01 00:00' --to "
                             "'2026-07-04 00:00' --png " +
                             (f.dir / "proof.png").string()),
                       f.dir);
    CHECK_MESSAGE(r.status == 0, r.out);
    CHECK(r.out.find("chain: verified, 12 records in 3 segment file(s)") != std::string::npos);
    CHECK(r.out.find("shown          2026-07-02 07:00  2026-07-02 22:00      15.0 h") !=
          std::string::npos);
    CHECK(r.out.find(
              "summary: shown 62.5% of the period (45.0 h); scheduled-off 27.0 h; failed 0.0 h") !=
          std::string::npos);
    CHECK(fs::file_size(f.dir / "proof.png") > 10000);
}

TEST_CASE("proof fails with exit 1 on an edited segment and names it") {
    Fleet f("edited");
    const fs::path seg = f.uploads / segment_object_name("hall-1", 1, 5);
    std::stringstream text;
    text << std::ifstream(seg).rdbuf();
    std::string bytes = text.str();
    bytes.replace(bytes.find("\"level\":1"), 9, "\"level\":2");
    std::ofstream(seg, std::ios::trunc) << bytes;
    const auto r =
        run(f.cmd("proof --uploads " + f.uploads.string() + " --board hall-1 --notice finance-q3"),
            f.dir);
    CHECK(r.status == 1);
    CHECK(r.out.find("000000000001-000000000005.seg: the board's signature does not match") !=
          std::string::npos);
    CHECK(r.out.find("records 1..5 are missing before this segment") != std::string::npos);
    CHECK(run(f.cmd("report --uploads " + f.uploads.string() + " --year 2026 --out " +
                    (f.dir / "r").string()),
              f.dir)
              .status == 1);
}

TEST_CASE("proof: usage errors exit 2, an unregistered board exits 1") {
    Fleet f("usage");
    CHECK(run(f.cmd("proof --uploads " + f.uploads.string() + " --board hall-1"), f.dir).status ==
          2);
    CHECK(run(f.cmd("proof --uploads " + f.uploads.string() +
                    " --board hall-1 --notice n --from 2026-07-01"),
              f.dir)
              .status == 2);
    CHECK(run(f.cmd("proof --uploads " + f.uploads.string() + " --board hall-1 --notice n --frm x"),
              f.dir)
              .status == 2);
    const auto unknown =
        run(f.cmd("proof --uploads " + f.uploads.string() + " --board intruder --notice n"), f.dir);
    CHECK(unknown.status == 1);
    CHECK(unknown.out.find("'intruder' is not in the registry") != std::string::npos);
}

TEST_CASE("fleet: off-by-schedule and never-seen boards, unknown uploads reported, HTML page") {
    Fleet f("fleet");
    const auto r = run(f.cmd("fleet --uploads " + f.uploads.string() + " --registry " +
                             (f.uploads / "boards.toml").string() +
                             " --now '2026-07-03 23:10' --html " + (f.dir / "fleet.html").string()),
                       f.dir);
    CHECK_MESSAGE(r.status == 0, r.out);
    CHECK(r.out.find("hall-1\t桂花里服务大厅\toff-by-schedule\t2026-07-03 23:00\t0.1.0\t42") !=
          std::string::npos);
    CHECK(r.out.find("gate\t东门\tnever-seen") != std::string::npos);
    CHECK(r.out.find("boards/intruder/: uploads from a board that is not in the registry") !=
          std::string::npos);
    std::stringstream html;
    html << std::ifstream(f.dir / "fleet.html").rdbuf();
    CHECK(html.str().find("<tr class=\"off-by-schedule\"><td>hall-1</td>") != std::string::npos);
    const auto late = run(f.cmd("fleet --uploads " + f.uploads.string() + " --registry " +
                                (f.uploads / "boards.toml").string() + " --now '2026-07-04 03:00'"),
                          f.dir);
    CHECK(late.out.find("hall-1\t桂花里服务大厅\tlate") != std::string::npos);
    CHECK(run(f.cmd("fleet --uploads " + f.uploads.string()), f.dir).status == 2);
}

TEST_CASE("report --year writes report.md, report.csv and chart.png with the counts") {
    Fleet f("report");
    const fs::path out = f.dir / "report";
    const auto r =
        run(f.cmd("report --uploads " + f.uploads.string() + " --year 2026 --out " + out.string()),
            f.dir);
    CHECK_MESSAGE(r.status == 0, r.out);
    CHECK(r.out.find("1 notices, 3 display intervals, 3 ratings (1 to follow up), 1 comments") !=
          std::string::npos);
    std::stringstream md;
    md << std::ifstream(out / "report.md").rdbuf();
    CHECK(md.str().find("| 财务 | 1 | 0 | 1.9 | 0 | 3 | 66.7% | 1 |") != std::string::npos);
    CHECK(md.str().find("| 2 | 0 | 0 | 0 | 1 | 3 | 66.7% | 1 |") != std::string::npos);
    CHECK(md.str().find("| 非常不满意 |  | 字太小 | 2026-07-23 |") != std::string::npos);
    CHECK(fs::file_size(out / "report.csv") > 100);
    CHECK(fs::file_size(out / "chart.png") > 5000);
    CHECK(run(f.cmd("report --uploads " + f.uploads.string() + " --year 26 --out " + out.string()),
              f.dir)
              .status == 2);
}
