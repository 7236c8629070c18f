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

#include "sync/http_source.h"
#include "tests/sync/sync_fixture.h"
#include "tests/sync/test_http_server.h"
#include "tests/test_paths.h"

using namespace sync_fixture;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Bytes this process has written to storage so far (Linux /proc/self/io).
long long bytes_written() {
    std::ifstream io("/proc/self/io");
    std::string key;
    long long value = 0;
    while (io >> key >> value) {
        if (key == "write_bytes:")
            return value;
    }
    return -1;
}

// A kiosk reading in a loop (home screen counts and a category page), recording how long each
// read took, until stopped.
class Reader {
public:
    explicit Reader(const fs::path& db) {
        m_thread = std::thread([this, db] {
            content::Store store = content::Store::open(db.string(), content::OpenMode::ReadOnly);
            while (!m_stop) {
                const auto start = Clock::now();
                store.category_counts(t0(), t0() - 7 * k_day);
                store.notices_in_category(content::Category::Affairs, t0(), 0, 8);
                const double ms = ms_since(start);
                m_worst = std::max(m_worst.load(), ms);
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

struct Row {
    std::string what;
    double ms = 0;
    std::string detail;
};

void print(const std::vector<Row>& rows) {
    std::printf("| measurement | time | detail |\n|---|---:|---|\n");
    for (const Row& r : rows) {
        std::printf("| %s | %.0f ms | %s |\n", r.what.c_str(), r.ms, r.detail.c_str());
    }
}

std::string describe(const sync_core::SyncOutcome& o, long long written) {
    return std::string(sync_core::result_key(o.result)) + ", " + std::to_string(o.objects_fetched) +
           " objects fetched (" + std::to_string(o.bytes_fetched / 1024) + " KiB), " +
           std::to_string(o.stats.upserted) + " rows written, " + std::to_string(written / 1024) +
           " KiB written to disk";
}

}  // namespace

int main() {
    constexpr int k_notices = 10'000;
    const fs::path dir = test_paths::scratch_dir("bench-sync");
    const auto key = content::minisign::generate_secret_key();
    content::SourceTree tree = many_notices(k_notices, "v1");
    publish(tree, key, dir / "channel");
    fs::last_write_time(dir / "channel/manifest.json",
                        fs::file_time_type::clock::now() - std::chrono::minutes(5));
    test_http::Server server(dir);
    sync_core::HttpSource source(server.url("channel"), {});
    content::Store store = open_store(dir / "data");
    const auto settings = settings_for(dir / "data", key);
    std::vector<Row> rows;

    auto start = Clock::now();
    long long written = bytes_written();
    auto o = sync_core::sync_from_source(store, source, settings, t0());
    rows.push_back(
        {"first sync, 10,000 notices", ms_since(start), describe(o, bytes_written() - written)});

    for (int i = 0; i < 100; ++i) {
        const size_t at = static_cast<size_t>(i) * 97 % k_notices;
        tree.notices[at] = make_notice(tree.notices[at].id, static_cast<int>(at), "v2");
    }
    publish(tree, key, dir / "channel", t0() + 60);
    {
        Reader reader(dir / "data/content.db");
        start = Clock::now();
        written = bytes_written();
        o = sync_core::sync_from_source(store, source, settings, t0() + 120);
        const double ms = ms_since(start);
        reader.stop();
        rows.push_back(
            {"change of 100 notices in 10,000", ms, describe(o, bytes_written() - written)});
        rows.push_back({"longest kiosk read during that apply", reader.worst_ms(),
                        std::to_string(reader.reads()) + " reads"});
    }

    const int requests = server.requests();
    const int64_t changes = sqlite3_total_changes64(store.database().handle());
    start = Clock::now();
    written = bytes_written();
    o = sync_core::sync_from_source(store, source, settings, t0() + 300);
    rows.push_back(
        {"no-change poll", ms_since(start),
         std::string(sync_core::result_key(o.result)) + ", " +
             std::to_string(server.requests() - requests) + " HTTP request(s), " +
             std::to_string(server.not_modified()) + " answered 304, " +
             std::to_string(sqlite3_total_changes64(store.database().handle()) - changes) +
             " database rows written, " + std::to_string(bytes_written() - written) +
             " bytes written to disk"});

    tree = many_notices(k_notices, "v3");
    publish(tree, key, dir / "channel", t0() + 600);
    {
        Reader reader(dir / "data/content.db");
        start = Clock::now();
        written = bytes_written();
        o = sync_core::sync_from_source(store, source, settings, t0() + 660);
        const double ms = ms_since(start);
        reader.stop();
        rows.push_back(
            {"change of all 10,000 notices", ms, describe(o, bytes_written() - written)});
        rows.push_back({"longest kiosk read during that apply", reader.worst_ms(),
                        std::to_string(reader.reads()) + " reads"});
    }
    print(rows);
    return 0;
}
