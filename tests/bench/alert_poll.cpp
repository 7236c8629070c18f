// Fast alert delivery: what a between-syncs change check costs when nothing changed (requests,
// database access, CPU), against a full no-change sync; and the measured time from publishing an
// emergency to it being in content.db on a board running the real kiosk-syncd over HTTP.
#include <sys/stat.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "content/channel/minisign.h"
#include "content/file_read.h"
#include "content/store.h"
#include "sync/http_source.h"
#include "sync/manifest_watch.h"
#include "sync/sync_session.h"
#include "tests/sync/test_http_server.h"
#include "tests/sync/test_process.h"
#include "tests/test_paths.h"

namespace fs = std::filesystem;

namespace {

std::string bin(const char* name) {
    return (test_paths::bin_dir() / name).string();
}

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double now_ms() {
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Size and modification time of content.db and its WAL: any write changes one of them.
std::string db_files(const fs::path& data) {
    std::string out;
    for (const char* name : {"content.db", "content.db-wal"}) {
        struct stat st {};
        ::stat((data / name).c_str(), &st);
        out += std::to_string(st.st_size) + "@" + std::to_string(st.st_mtim.tv_sec) + "." +
               std::to_string(st.st_mtim.tv_nsec) + " ";
    }
    return out;
}

void run(const std::vector<std::string>& argv) {
    const auto r = test_process::run(argv);
    if (r.exit_code != 0) {
        throw std::runtime_error(argv[1] + " failed: " + r.err);
    }
}

void write_emergency(const fs::path& src, int n) {
    std::ofstream(src / ("alert-bench-" + std::to_string(n) + ".md"))
        << "---\ntitle: 紧急通知第" << n
        << "号：桂园新村临时停水\ncategory: 公告\ndepartment: 桂花里社区居民委员会\n"
           "date: 2026-11-27 10:00\npriority: emergency\nlevel: orange\n---\n"
           "因管道抢修，今日停水，请居民提前储水。\n";
}

bool has_notice(const fs::path& data, const std::string& id) {
    try {
        content::Store store =
            content::Store::open((data / "content.db").string(), content::OpenMode::ReadOnly);
        return store.notice(id).has_value();
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace

int main() {
    const fs::path dir = test_paths::scratch_dir("bench-alert-poll");
    const std::string key = (dir / "k.key").string(), pub = (dir / "k.pub").string();
    run({bin("kiosk-publish"), "keygen", "--secret", key, "--public", pub});
    fs::copy(test_paths::sample_dir() / "notices", dir / "src", fs::copy_options::recursive);
    fs::copy(test_paths::sample_dir() / "images", dir / "src" / "images",
             fs::copy_options::recursive);
    const std::string channel = (dir / "www/channel").string();
    run({bin("kiosk-publish"), "build", (dir / "src").string(), "--key", key, "--out", channel});
    test_http::Server server(dir / "www");

    // A board with the channel applied.
    const fs::path data = dir / "data";
    fs::create_directories(data);
    content::Store store =
        content::Store::open((data / "content.db").string(), content::OpenMode::ReadWrite);
    sync_core::SyncSettings settings;
    settings.board_id = "guihuali-hall";
    settings.trusted_keys.push_back(
        *content::channel::minisign::parse_public_key(content::read_file_capped(pub, 4096)).value);
    settings.staging_dir = data / "staging";
    sync_core::HttpSource source(server.url("channel"), {});
    const int64_t t = std::time(nullptr);
    sync_core::sync_from_source(store, source, settings, t);

    // The watch between syncs: first look, then checks with nothing changed.
    sync_core::ManifestWatch watch(data / "staging" / "watch-manifest.json");
    watch.check(source, content::channel::k_max_manifest_bytes);
    constexpr int k_checks = 200;
    const std::string files_before = db_files(data);
    const int requests = server.requests(), not_modified = server.not_modified();
    int changed = 0;
    double worst_cpu = 0, total_cpu = 0, total_wall = 0;
    for (int i = 0; i < k_checks; ++i) {
        const double c0 = thread_cpu_ms(), w0 = now_ms();
        changed += watch.check(source, content::channel::k_max_manifest_bytes) ==
                   sync_core::WatchResult::Changed;
        const double cpu = thread_cpu_ms() - c0;
        total_cpu += cpu;
        worst_cpu = std::max(worst_cpu, cpu);
        total_wall += now_ms() - w0;
    }
    const bool db_same = db_files(data) == files_before;
    const int check_requests = server.requests() - requests;
    const int check_304 = server.not_modified() - not_modified;

    // The same question asked by a full no-change sync (what a 20 s poll would cost without it).
    const int64_t changes = sqlite3_total_changes64(store.database().handle());
    const int full_requests = server.requests();
    const double f0 = thread_cpu_ms();
    const auto full = sync_core::sync_from_source(store, source, settings, t + 30);
    const double full_cpu = thread_cpu_ms() - f0;

    std::printf("| alert check, nothing changed (%d checks) | value |\n|---|---|\n", k_checks);
    std::printf("| HTTP requests per check | %.2f (%d of %d answered 304) |\n",
                double(check_requests) / k_checks, check_304, check_requests);
    std::printf("| content.db reads or writes | none (not opened; files %s) |\n",
                db_same ? "unchanged" : "CHANGED");
    std::printf("| checks that saw a change | %d |\n", changed);
    std::printf("| CPU per check, mean / worst | %.3f ms / %.3f ms |\n", total_cpu / k_checks,
                worst_cpu);
    std::printf("| wall time per check, mean | %.3f ms |\n", total_wall / k_checks);
    std::printf(
        "| full no-change sync, for comparison | %s, %d request, %lld rows written, "
        "%.3f ms CPU |\n\n",
        std::string(sync_core::result_key(full.result)).c_str(),
        server.requests() - full_requests - 1,
        static_cast<long long>(sqlite3_total_changes64(store.database().handle()) - changes),
        full_cpu);

    // Publish to takeover data: the real daemon, alert checks every 20 s (15-25 s with jitter),
    // full polls hourly; an emergency is published and content.db is watched for it.
    const fs::path board = dir / "board";
    test_process::Child daemon({bin("kiosk-syncd"), "--data", board.string(), "--source",
                                server.url("channel"), "--trust", pub, "--board", "guihuali-hall",
                                "--poll-seconds", "3600", "--alert-poll-seconds", "20"});
    for (int i = 0; i < 600 && !has_notice(board, "announcement-2026-11-emergency-water-outage");
         ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::printf(
        "| publish an emergency -> in the board's content.db (HTTP) | seconds |\n"
        "|---|---|\n");
    double worst = 0;
    constexpr int k_rounds = 3;
    for (int n = 1; n <= k_rounds; ++n) {
        write_emergency(dir / "src", n);
        const double t0 = now_ms();
        run({bin("kiosk-publish"), "build", (dir / "src").string(), "--key", key, "--out",
             channel});
        const std::string id = "alert-bench-" + std::to_string(n);
        while (!has_notice(board, id) && now_ms() - t0 < 120'000) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        const double s = (now_ms() - t0) / 1000;
        worst = std::max(worst, s);
        std::printf("| emergency %d | %.1f%s |\n", n, s,
                    has_notice(board, id) ? "" : " (NOT seen)");
    }
    std::printf("| worst of %d | %.1f (the kiosk shows a commit within 1 s more) |\n", k_rounds,
                worst);
    daemon.kill(SIGTERM);
    daemon.wait();
    return 0;
}
