// Benchmark: the board records at fleet scale. A generated fleet (KIOSK_BENCH_BOARDS, default
// 1,000 boards × 30 days, one segment per board-day as kiosk-syncd uploads it) read back by the
// code of kiosk-publish fleet and report (verify every signature and chain, then count); events.db
// growth per board-day for a busy hall; the kiosk's enqueue latency (p50/p99) while the writer
// thread commits. Prints markdown tables; never fails on timings.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "content/board_registry.h"
#include "content/events/annual_report.h"
#include "content/events/event_recorder.h"
#include "content/events/fleet_status.h"
#include "content/events/segment.h"
#include "content/events/uploads_reader.h"
#include "tests/test_paths.h"

namespace ev = content::events;
namespace fs = std::filesystem;
namespace minisign = content::channel::minisign;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int64_t k_start = 1782835200;  // 2026-07-01 00:00 Beijing
const char* k_categories[] = {"party",   "government", "affairs",
                              "finance", "service",    "announcement"};

double ms_since(Clock::time_point a) {
    return std::chrono::duration<double, std::milli>(Clock::now() - a).count();
}

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v ? std::atoi(v) : fallback;
}

// A busy hall's day: 40 notices listed 07:00-22:00, 120 views with an open interval each, 12
// ratings, two scheduled screen-off periods.
std::vector<ev::Record> board_day(int64_t day, int board) {
    std::vector<ev::Record> out;
    auto add = [&](ev::Record r) { out.push_back(std::move(r)); };
    ev::Record off;
    off.kind = ev::Kind::ScreenOff;
    off.detail = "scheduled";
    off.from = day;
    off.to = day + 7 * 3600;
    off.at = off.to;
    add(off);
    for (int n = 0; n < 40; ++n) {
        ev::Record d;
        d.kind = ev::Kind::Display;
        d.notice = "notice-" + std::to_string((board + n) % 300);
        d.detail = "listed";
        d.category = k_categories[n % 6];
        d.title = "关于2026年第三季度社区公共收益收支情况的公示";
        d.from = day + 7 * 3600;
        d.to = day + 22 * 3600;
        d.at = d.to;
        add(d);
    }
    for (int v = 0; v < 120; ++v) {
        ev::Record view;
        view.kind = ev::Kind::View;
        view.notice = "notice-" + std::to_string((board + v) % 300);
        view.at = day + 8 * 3600 + v * 300;
        add(view);
        ev::Record open = view;
        open.kind = ev::Kind::Display;
        open.detail = "open";
        open.from = view.at;
        open.to = view.at + 45;
        open.at = open.to;
        add(open);
        if (v % 10 == 0) {
            ev::Record r;
            r.kind = ev::Kind::Rating;
            r.notice = view.notice;
            r.level = 1 + (v / 10) % 5;
            r.reasons = {"内容看不懂"};
            r.at = view.at + 50;
            add(r);
        }
    }
    off.from = day + 22 * 3600;
    off.to = day + 24 * 3600;
    off.at = off.to;
    add(off);
    return out;
}

void generate(const fs::path& uploads, int boards, int days, size_t& bytes, size_t& records) {
    std::ofstream registry(uploads / "boards.toml");
    for (int b = 0; b < boards; ++b) {
        const std::string id = "board-" + std::to_string(b);
        const auto key = minisign::generate_secret_key();
        registry << "[[board]]\nid = \"" << id << "\"\nname = \"社区公示栏" << b
                 << "\"\npublic_key = \"" << minisign::public_key_base64(key.public_key())
                 << "\"\n";
        fs::create_directories(uploads / "boards" / id / "events");
        std::string prev = ev::k_genesis_hash;
        uint64_t seq = 0;
        for (int d = 0; d < days; ++d) {
            auto recs = board_day(k_start + d * 86400, b);
            std::vector<std::string> lines;
            const std::string before = prev;
            for (auto& r : recs) {
                r.seq = ++seq;
                r.hash = ev::record_hash(r, prev);
                prev = r.hash;
                lines.push_back(ev::encode_record_line(r));
            }
            ev::SegmentHeader h{id, recs.front().seq, recs.back().seq, before, std::nullopt};
            const std::string file = ev::encode_segment(h, lines, key);
            std::ofstream(uploads / ev::segment_object_name(id, h.first, h.last)) << file;
            bytes += file.size();
            records += recs.size();
        }
        ev::Heartbeat hb;
        hb.board = id;
        hb.at = k_start + days * 86400;
        std::ofstream(uploads / ev::heartbeat_object_name(id)) << ev::encode_heartbeat(hb, key);
    }
}

void fleet_scale() {
    const int boards = env_int("KIOSK_BENCH_BOARDS", 1000), days = env_int("KIOSK_BENCH_DAYS", 30);
    const fs::path uploads = test_paths::scratch_dir("bench-events-fleet") / "uploads";
    fs::create_directories(uploads);
    size_t bytes = 0, records = 0;
    auto t = Clock::now();
    generate(uploads, boards, days, bytes, records);
    const double gen_ms = ms_since(t);

    t = Clock::now();
    const auto registry = content::load_board_registry((uploads / "boards.toml").string());
    std::vector<ev::BoardUploads> all;
    for (const auto& b : registry.registry->boards)
        all.push_back(ev::read_board_uploads(uploads, b.id, b.public_key));
    const double read_ms = ms_since(t);
    t = Clock::now();
    std::vector<ev::BoardRecords> inputs;
    size_t verified = 0;
    for (const auto& b : all) {
        inputs.push_back({b.board, b.board, &b.chain.records});
        verified += b.chain.verified();
        ev::FleetInput in;
        in.heartbeat = b.heartbeat;
        ev::assess_board(in, k_start + days * 86400);
    }
    const auto report = ev::build_annual_report(2026, inputs);
    const double count_ms = ms_since(t);
    std::printf("\n## Fleet scale (%d boards x %d days, one segment per board-day)\n\n", boards,
                days);
    std::printf("| measure | value |\n|---|---:|\n");
    std::printf("| objects (segments + heartbeats) | %d |\n", boards * days + boards);
    std::printf("| records | %zu |\n| bytes uploaded | %.1f MB |\n", records, bytes / 1e6);
    std::printf("| one board-day segment | %.1f KB, %zu records |\n", bytes / 1e3 / (boards * days),
                records / static_cast<size_t>(boards * days));
    std::printf("| generate (sign + write) | %.0f ms |\n", gen_ms);
    std::printf("| read + verify every chain (fleet, report) | %.0f ms |\n", read_ms);
    std::printf("| count the year (report) + assess (fleet) | %.0f ms |\n", count_ms);
    std::printf("| chains verified | %zu / %d |\n| ratings counted | %llu |\n", verified, boards,
                static_cast<unsigned long long>(report.ratings.total()));
}

void board_side() {
    const fs::path dir = test_paths::scratch_dir("bench-events-board");
    const int days = 7;
    std::vector<double> enqueue_us;
    uint64_t total = 0;
    {
        ev::EventRecorder rec({dir, "hall-1", "bench"});
        for (int d = 0; d < days; ++d) {
            for (auto& r : board_day(k_start + d * 86400, 1)) {
                const auto t = Clock::now();
                rec.record(std::move(r));
                enqueue_us.push_back(
                    std::chrono::duration<double, std::micro>(Clock::now() - t).count());
                ++total;
            }
            rec.flush();
        }
    }
    std::sort(enqueue_us.begin(), enqueue_us.end());
    auto size = [&](const char* name) {
        std::error_code ec;
        const auto s = fs::file_size(dir / name, ec);
        return ec ? 0.0 : static_cast<double>(s);
    };
    const double db = size("events.db") + size("events.db-wal");
    std::printf(
        "\n## Board side (busy hall: %llu records a day)\n\n| measure | value |\n|---|---:|\n",
        static_cast<unsigned long long>(total / days));
    std::printf(
        "| record() p50 | %.1f us |\n| record() p99 | %.1f us |\n| record() max | %.1f us |\n",
        enqueue_us[enqueue_us.size() / 2], enqueue_us[enqueue_us.size() * 99 / 100],
        enqueue_us.back());
    std::printf("| events.db growth per board-day | %.0f KB |\n", db / 1e3 / days);
    std::printf(
        "| retention bound (%llu records) | about %.0f MB |\n",
        static_cast<unsigned long long>(ev::k_default_max_records),
        db / static_cast<double>(total) * static_cast<double>(ev::k_default_max_records) / 1e6);
}

}  // namespace

int main() {
    board_side();
    fleet_scale();
    return 0;
}
