// The kiosk's event writer thread: what is queued is written, chained and durable; overflow and
// unwritable folders are counted, never a crash.
#include "content/events/event_recorder.h"

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "content/file_read.h"
#include "tests/test_paths.h"

using namespace content::events;
namespace fs = std::filesystem;

namespace {
constexpr int64_t k_now = 1782864000;

Record view_at(int64_t at) {
    Record r;
    r.kind = Kind::View;
    r.notice = "n1";
    r.at = at;
    return r;
}

// Every record in the database, checked link by link.
std::vector<Record> read_chain(const fs::path& dir) {
    EventLogReader log((dir / "events.db").string());
    std::vector<Record> out;
    std::string prev = k_genesis_hash;
    for (const auto& row : log.read_after(0, 1000000, 1 << 30)) {
        auto parsed = parse_record_line(row.line);
        REQUIRE(parsed.record);
        REQUIRE(record_hash(*parsed.record, prev) == parsed.record->hash);
        prev = parsed.record->hash;
        out.push_back(*parsed.record);
    }
    return out;
}
}  // namespace

TEST_CASE("recorder: queued records are written in order with a verifiable chain and state file") {
    const fs::path dir = test_paths::scratch_dir("recorder-basic");
    {
        EventRecorder rec({dir, "hall-1", "test"});
        for (int i = 0; i < 100; ++i)
            rec.record(view_at(k_now + i));
        rec.set_screen(ScreenState::OffBySchedule);
        rec.flush();
        CHECK(rec.stats().written == 100);
    }
    const auto chain = read_chain(dir);
    REQUIRE(chain.size() == 100);
    CHECK(chain.front().clock == ClockState::Trusted);
    const auto state =
        nlohmann::json::parse(content::read_file_capped(dir / "kiosk-state.json", 4096));
    CHECK(state["screen"] == "off_by_schedule");
    CHECK(state["events_state"] == "ok");
}

TEST_CASE("recorder: a 1970 clock is written as implausible") {
    const fs::path dir = test_paths::scratch_dir("recorder-1970");
    {
        EventRecorder rec({dir, "hall-1", "test"});
        rec.record(view_at(86400));
    }
    const auto chain = read_chain(dir);
    REQUIRE(chain.size() == 1);
    CHECK(chain[0].clock == ClockState::Implausible);
}

TEST_CASE("recorder: a full queue drops records counted, and the chain says how many") {
    const fs::path dir = test_paths::scratch_dir("recorder-overflow");
    RecorderStats stats;
    {
        RecorderOptions o{dir, "hall-1", "test"};
        o.max_queue = 2;
        EventRecorder rec(o);
        for (int i = 0; i < 5000; ++i)
            rec.record(view_at(k_now + i));
        rec.flush();
        rec.record(view_at(k_now + 9999));  // carries the count of what was lost before it
        rec.flush();
        stats = rec.stats();
    }
    CHECK(stats.written + stats.lost == 5001);
    uint64_t declared = 0, views = 0;
    for (const auto& r : read_chain(dir)) {
        declared += r.kind == Kind::Lost ? r.count : 0;
        views += r.kind == Kind::View;
    }
    CHECK(views == stats.written);
    CHECK(declared == stats.lost);
}

TEST_CASE("recorder: an events folder that cannot be used is reported, and the kiosk goes on") {
    const fs::path dir = test_paths::scratch_dir("recorder-unusable");
    std::ofstream(dir / "events") << "a file, not a folder";
    EventRecorder rec({dir / "events", "hall-1", "test"});
    rec.record(view_at(k_now));
    rec.flush();
    CHECK(rec.stats().events_state == "unreadable");
    CHECK(rec.stats().lost == 1);
}
