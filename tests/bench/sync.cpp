// Benchmark: kiosk-syncd's sync over HTTP on 127.0.0.1 with a 10,000-notice channel: the first
// sync, a change of 100 notices, a no-change poll (requests and database writes), a change of all
// 10,000, and how long a kiosk read waited while those applies ran. Prints a markdown table.
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "content/safety/rules_loader.h"
#include "sync/content_hooks.h"
#include "sync/http_source.h"
#include "tests/sync/sync_fixture.h"
#include "tests/sync/test_http_server.h"
#include "tests/test_paths.h"

using namespace sync_fixture;
using Clock = std::chrono::steady_clock;

namespace {

double ms_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// Bytes this process sent towards storage (Linux /proc/self/io): written, less what was deleted
// before it reached the disk (staged files are removed right after the apply).
long long bytes_to_disk() {
    std::ifstream io("/proc/self/io");
    std::string key;
    long long value = 0, written = 0, cancelled = 0;
    while (io >> key >> value) {
        if (key == "write_bytes:")
            written = value;
        if (key == "cancelled_write_bytes:")
            cancelled = value;
    }
    return written - cancelled;
}

// A kiosk reading in a loop (home screen counts and a category page), recording the longest read.
class Reader {
public:
    explicit Reader(const fs::path& db) {
        m_thread = std::thread([this, db] {
            content::Store store = content::Store::open(db.string(), content::OpenMode::ReadOnly);
            while (!m_stop) {
                const auto start = Clock::now();
                store.category_counts(t0(), t0() - 7 * k_day);
                store.notices_in_category(content::Category::Affairs, t0(), 0, 8);
                m_worst = std::max(m_worst.load(), ms_between(start, Clock::now()));
                ++m_reads;
            }
        });
    }
    ~Reader() { stop(); }
    void stop() {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    double worst_ms() const { return m_worst; }
    int reads() const { return m_reads; }

private:
    std::atomic<bool> m_stop{false};
    std::atomic<double> m_worst{0};
    std::atomic<int> m_reads{0};
    std::thread m_thread;
};

// The hooks kiosk-syncd runs: the content-safety check on arrival and the search index.
const sync_core::ApplyHooks& daemon_hooks() {
    static const sync_core::ApplyHooks hooks = [] {
        const auto dir = content::safety::default_rules_dir();
        auto loaded = content::safety::load_safety_rules(dir ? *dir : fs::path("content/safety/rules"));
        return sync_core::content_hooks(
            loaded.rules ? std::make_shared<const content::safety::SafetyRules>(std::move(*loaded.rules))
                         : nullptr);
    }();
    return hooks;
}

// One timed sync with the daemon's hooks, split by them: fetch and verify until the first
// arrival check; safety checks and the transaction (with the search index) until the index
// update ends, just before the commit; then the commit.
struct TimedSync {
    Clock::time_point start, staged, indexed, end;
    sync_core::SyncOutcome outcome;
    long long disk_bytes = 0;

    TimedSync(content::Store& store, sync_core::Source& source,
              const sync_core::SyncSettings& settings, int64_t now) {
        sync_core::ApplyHooks hooks;
        hooks.on_notice_arrival = [this](const content::Notice& n) {
            if (staged == Clock::time_point{})
                staged = Clock::now();
            return daemon_hooks().on_notice_arrival(n);
        };
        hooks.on_index_update = [this](content::Store& st, const sync_core::NoticeChanges& c) {
            daemon_hooks().on_index_update(st, c);
            indexed = Clock::now();
        };
        const long long before = bytes_to_disk();
        start = Clock::now();
        outcome = sync_core::sync_from_source(store, source, settings, now, hooks);
        end = Clock::now();
        disk_bytes = bytes_to_disk() - before;
    }
    double ms() const { return ms_between(start, end); }
    std::string detail() const {
        std::string d = std::string(sync_core::result_key(outcome.result)) + ": " +
                        std::to_string(outcome.objects_fetched) + " objects fetched (" +
                        std::to_string(outcome.bytes_fetched / 1024) + " KiB with the manifest), " +
                        std::to_string(outcome.stats.upserted) + " notices written, " +
                        std::to_string(disk_bytes / 1024) + " KiB to disk";
        if (indexed != Clock::time_point{}) {
            char split[200];
            std::snprintf(split, sizeof split,
                          "; fetch+verify %.0f ms, safety checks and transaction with search index "
                          "%.0f ms, commit %.0f ms",
                          ms_between(start, staged), ms_between(staged, indexed),
                          ms_between(indexed, end));
            d += split;
        }
        return d;
    }
};

struct Row {
    std::string what;
    double ms = 0;
    std::string detail;
};

void change(content::SourceTree& tree, int count, const std::string& tag) {
    const size_t step = tree.notices.size() / static_cast<size_t>(count);
    for (size_t i = 0; i < tree.notices.size(); i += step) {
        tree.notices[i] = make_notice(tree.notices[i].id, static_cast<int>(i), tag);
    }
}

}  // namespace

int main() {
    constexpr int k_notices = 10'000;
    const fs::path dir = test_paths::scratch_dir("bench-sync");
    const auto key = content::channel::minisign::generate_secret_key();
    content::SourceTree tree = many_notices(k_notices, "v1");
    publish(tree, key, dir / "channel");
    test_http::Server server(dir);
    sync_core::HttpSource source(server.url("channel"), {});
    content::Store store = open_store(dir / "data");
    const auto settings = settings_for(dir / "data", key);
    std::vector<Row> rows;

    const TimedSync first(store, source, settings, t0());
    rows.push_back({"first sync, 10,000 notices", first.ms(), first.detail()});

    change(tree, 100, "v2");
    publish(tree, key, dir / "channel", t0() + 60);
    {
        Reader reader(dir / "data/content.db");
        const TimedSync small(store, source, settings, t0() + 120);
        reader.stop();
        rows.push_back({"change of 100 notices in 10,000", small.ms(), small.detail()});
        rows.push_back({"longest kiosk read during that apply", reader.worst_ms(),
                        std::to_string(reader.reads()) + " reads"});
    }

    {
        Reader reader(dir / "data/content.db");  // the same reads with no apply running
        std::this_thread::sleep_for(std::chrono::seconds(1));
        reader.stop();
        rows.push_back({"longest kiosk read with no apply running", reader.worst_ms(),
                        std::to_string(reader.reads()) + " reads in 1 s"});
    }

    const int requests = server.requests();
    const int64_t changes = sqlite3_total_changes64(store.database().handle());
    const TimedSync poll(store, source, settings, t0() + 300);
    rows.push_back(
        {"no-change poll", poll.ms(),
         std::string(sync_core::result_key(poll.outcome.result)) + ": " +
             std::to_string(server.requests() - requests) + " HTTP request, " +
             std::to_string(server.not_modified()) + " answered 304, " +
             std::to_string(sqlite3_total_changes64(store.database().handle()) - changes) +
             " database rows written, " + std::to_string(poll.disk_bytes) + " bytes to disk"});

    tree = many_notices(k_notices, "v3");
    publish(tree, key, dir / "channel", t0() + 600);
    {
        Reader reader(dir / "data/content.db");
        const TimedSync all(store, source, settings, t0() + 660);
        reader.stop();
        rows.push_back({"change of all 10,000 notices", all.ms(), all.detail()});
        rows.push_back({"longest kiosk read during that apply", reader.worst_ms(),
                        std::to_string(reader.reads()) + " reads"});
    }
    std::printf("| measurement | time | detail |\n|---|---:|---|\n");
    for (const Row& r : rows) {
        std::printf("| %s | %.0f ms | %s |\n", r.what.c_str(), r.ms, r.detail.c_str());
    }
    return 0;
}
