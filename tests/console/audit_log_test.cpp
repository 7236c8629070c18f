// The audit chain: appends verify; an edited, deleted (middle or last) or reordered entry fails.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "content/publish/console/audit_log.h"
#include "tests/test_paths.h"

namespace {

std::vector<std::string> lines_of(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

void write_lines(const std::filesystem::path& file, const std::vector<std::string>& lines) {
    std::ofstream out(file, std::ios::trunc);
    for (const std::string& line : lines) {
        out << line << "\n";
    }
}

console::AuditLog three_entries(const std::filesystem::path& dir) {
    console::AuditLog log(dir / "audit.jsonl", dir / "audit.head");
    log.append(console::audit_entry(100, "李敏", "author", "save", "a"));
    log.append(console::audit_entry(200, "王堃", "reviewer", "approve", "a", "", "已核实"));
    log.append(console::audit_entry(300, "张华", "publisher", "publish"));
    return log;
}

}  // namespace

TEST_CASE("an untouched audit chain verifies and links every entry to the one before") {
    const auto dir = test_paths::scratch_dir("audit-intact");
    const console::AuditLog log = three_entries(dir);
    const console::AuditVerdict v = log.verify();
    CHECK(v.ok);
    CHECK(v.entries == 3);
    const auto entries = log.read();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].prev == std::string(64, '0'));
    CHECK(entries[1].prev == entries[0].hash);
    CHECK(entries[2].prev == entries[1].hash);
    CHECK(entries[1].reason == "已核实");
}

TEST_CASE("an edited audit entry is detected at its line") {
    const auto dir = test_paths::scratch_dir("audit-edited");
    three_entries(dir);
    auto lines = lines_of(dir / "audit.jsonl");
    const size_t at = lines[1].find("王堃");
    REQUIRE(at != std::string::npos);
    lines[1].replace(at, std::string("王堃").size(), "李敏");
    write_lines(dir / "audit.jsonl", lines);
    const console::AuditVerdict v =
        console::AuditLog(dir / "audit.jsonl", dir / "audit.head").verify();
    CHECK_FALSE(v.ok);
    CHECK(v.bad_line == 2);
    CHECK(v.problem.find("改动") != std::string::npos);
}

TEST_CASE("a deleted audit entry is detected, in the middle and at the end") {
    const auto dir = test_paths::scratch_dir("audit-deleted");
    three_entries(dir);
    const auto lines = lines_of(dir / "audit.jsonl");
    const console::AuditLog log(dir / "audit.jsonl", dir / "audit.head");

    write_lines(dir / "audit.jsonl", {lines[0], lines[2]});
    CHECK_FALSE(log.verify().ok);
    CHECK(log.verify().bad_line == 2);

    write_lines(dir / "audit.jsonl", {lines[0], lines[1]});
    const console::AuditVerdict tail = log.verify();
    CHECK_FALSE(tail.ok);
    CHECK(tail.problem.find("最后") != std::string::npos);

    write_lines(dir / "audit.jsonl", lines);
    CHECK(log.verify().ok);
}

TEST_CASE("swapped audit entries are detected") {
    const auto dir = test_paths::scratch_dir("audit-swapped");
    three_entries(dir);
    const auto lines = lines_of(dir / "audit.jsonl");
    write_lines(dir / "audit.jsonl", {lines[1], lines[0], lines[2]});
    CHECK_FALSE(console::AuditLog(dir / "audit.jsonl", dir / "audit.head").verify().ok);
}

TEST_CASE("kiosk-publish audit verify exits 1 on an edited chain and 0 on an intact one") {
    const auto root = test_paths::scratch_dir("audit-cli");
    std::filesystem::create_directories(root / ".staff");
    three_entries(root / ".staff");
    const std::string cmd = (test_paths::bin_dir() / "kiosk-publish").string() +
                            " audit verify --root " + root.string() + " >/dev/null 2>&1";
    CHECK(WEXITSTATUS(std::system(cmd.c_str())) == 0);
    auto lines = lines_of(root / ".staff" / "audit.jsonl");
    lines[0].replace(lines[0].find("\"at\":100"), 8, "\"at\":101");
    write_lines(root / ".staff" / "audit.jsonl", lines);
    CHECK(WEXITSTATUS(std::system(cmd.c_str())) == 1);
}
