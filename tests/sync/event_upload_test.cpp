// Uploading events segments and heartbeats to a real nginx WebDAV folder: every committed record
// arrives exactly once at the reader, through server outages and SIGKILL of the uploader or of
// the kiosk's writer.
#include "sync/event_upload.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <random>
#include <set>
#include <thread>

#include "content/channel/minisign.h"
#include "content/events/event_log.h"
#include "content/events/uploads_reader.h"
#include "tests/sync/nginx_dav.h"
#include "tests/test_paths.h"

namespace fs = std::filesystem;
namespace ev = content::events;
using sync_core::UploadSettings;

namespace {

constexpr int64_t k_now = 1782864000;  // 2026-07-01 08:00 Beijing

struct Board {
    fs::path dir;
    UploadSettings settings;
    explicit Board(const std::string& name) : dir(test_paths::scratch_dir(name)) {
        settings.board_id = "hall-1";
        settings.events_dir = dir / "events";
        settings.state_dir = dir / "state";
        settings.kiosk_version = "test";
        fs::create_directories(settings.events_dir);
        fs::create_directories(settings.state_dir);
    }
    std::string db() const { return (settings.events_dir / "events.db").string(); }
    std::string public_key() {
        const auto key = sync_core::load_or_make_board_key(settings.state_dir);
        return content::channel::minisign::public_key_base64(key.public_key());
    }
};

ev::Record view(int64_t at, int i) {
    ev::Record r;
    r.kind = ev::Kind::View;
    r.at = at;
    r.notice = "notice-" + std::to_string(i % 17);
    return r;
}

void write_views(const std::string& db, int count, int batch = 10) {
    ev::EventLogWriter w(db, "hall-1");
    for (int i = 0; i < count; i += batch) {
        std::vector<ev::Record> drafts;
        for (int k = i; k < std::min(count, i + batch); ++k)
            drafts.push_back(view(k_now + k, k));
        w.append(std::move(drafts));
    }
}

// The reader's view: every record of the board once, in order, chain verified.
ev::BoardUploads read_back(const fs::path& uploads, Board& b) {
    return ev::read_board_uploads(uploads, "hall-1", b.public_key());
}

}  // namespace

TEST_CASE("upload: a day's segment is one PUT to nginx, a second pass sends nothing new") {
    Board b("upload-basic");
    nginx_dav::Server nginx(b.dir / "nginx");
    write_views(b.db(), 1200);
    auto target = sync_core::open_upload_target(nginx.url());
    const auto first = sync_core::run_upload_pass(b.settings, *target, k_now);
    CHECK_MESSAGE(first.error.empty(), first.error);
    CHECK(first.segments == 1);
    CHECK(first.records == 1200);
    CHECK(first.heartbeat);
    CHECK(first.backlog == 0);
    const auto again = sync_core::run_upload_pass(b.settings, *target, k_now + 60);
    CHECK(again.segments == 0);

    const auto up = read_back(nginx.uploads(), b);
    CHECK(up.chain.verified());
    CHECK(up.chain.records.size() == 1200);
    REQUIRE(up.heartbeat);
    CHECK(up.heartbeat->last_record == 1200);
    CHECK(up.heartbeat->screen == ev::ScreenState::Failed);  // no kiosk-state.json: not running
    CHECK(fs::exists(nginx.uploads() / ev::segment_object_name("hall-1", 1, 1200)));
}

TEST_CASE("upload: the server down keeps the backlog; it goes up oldest first when it is back") {
    Board b("upload-outage");
    write_views(b.db(), 300);
    auto down = sync_core::open_upload_target(
        "http://127.0.0.1:" + std::to_string(nginx_dav::free_port()) + "/x/");
    const auto failed = sync_core::run_upload_pass(b.settings, *down, k_now);
    CHECK_FALSE(failed.error.empty());
    CHECK(failed.backlog == 300);
    CHECK(failed.segments == 0);

    nginx_dav::Server nginx(b.dir / "nginx");
    b.settings.max_records_per_segment = 100;
    auto target = sync_core::open_upload_target(nginx.url());
    const auto sent = sync_core::run_upload_pass(b.settings, *target, k_now + 600);
    CHECK(sent.error.empty());
    CHECK(sent.segments == 3);
    const auto up = read_back(nginx.uploads(), b);
    CHECK(up.chain.verified());
    CHECK(up.chain.records.size() == 300);
}

TEST_CASE("upload: records the retention removed before upload are declared and counted") {
    Board b("upload-retention");
    {
        ev::EventLogWriter w(b.db(), "hall-1", 100);
        for (int i = 0; i < 25; ++i) {
            std::vector<ev::Record> drafts;
            for (int k = 0; k < 10; ++k)
                drafts.push_back(view(k_now + i * 10 + k, k));
            w.append(std::move(drafts));
        }
    }
    nginx_dav::Server nginx(b.dir / "nginx");
    auto target = sync_core::open_upload_target(nginx.url());
    const auto sent = sync_core::run_upload_pass(b.settings, *target, k_now);
    CHECK(sent.error.empty());
    CHECK(sent.unsent > 0);
    const auto up = read_back(nginx.uploads(), b);
    CHECK(up.chain.verified());
    CHECK(up.chain.declared_lost == sent.unsent);
    CHECK(up.chain.records.size() + up.chain.declared_lost == 250);
    REQUIRE(up.heartbeat);
    CHECK(up.heartbeat->lost_records == sent.unsent);
}

namespace {

// Runs `body` in a forked child and SIGKILLs it after `delay_us`; returns true when it finished.
template <typename F>
bool run_and_kill(F body, int delay_us) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        body();
        ::_exit(0);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int kill_rounds(int normal, int long_run) {
    const char* flag = std::getenv("KIOSK_LONG_TESTS");
    return flag && std::string(flag) == "1" ? long_run : normal;
}

}  // namespace

TEST_CASE("upload: SIGKILL of the uploader at random moments loses and duplicates nothing") {
    Board b("upload-kill-uploader");
    nginx_dav::Server nginx(b.dir / "nginx");
    b.settings.max_records_per_segment = 40;
    write_views(b.db(), 2000);
    std::mt19937 random(7);
    const int rounds = kill_rounds(25, 400);
    for (int round = 0; round < rounds; ++round) {
        run_and_kill(
            [&] {
                auto target = sync_core::open_upload_target(nginx.url());
                sync_core::run_upload_pass(b.settings, *target, k_now);
            },
            static_cast<int>(random() % 20000));
    }
    auto target = sync_core::open_upload_target(nginx.url());
    for (int i = 0; i < 10 && sync_core::run_upload_pass(b.settings, *target, k_now).backlog > 0;
         ++i) {
    }
    const auto up = read_back(nginx.uploads(), b);
    CHECK(up.chain.verified());
    REQUIRE(up.chain.records.size() == 2000);
    for (size_t i = 0; i < up.chain.records.size(); ++i)
        CHECK(up.chain.records[i].seq == i + 1);
}

TEST_CASE("upload: SIGKILL of the kiosk's writer loses no committed record, the chain verifies") {
    Board b("upload-kill-writer");
    nginx_dav::Server nginx(b.dir / "nginx");
    std::mt19937 random(11);
    std::set<uint64_t> committed;
    const int rounds = kill_rounds(12, 200);
    for (int round = 0; round < rounds; ++round) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        run_and_kill(
            [&] {
                ::close(fds[0]);
                ev::EventLogWriter w(b.db(), "hall-1");
                for (int i = 0;; ++i) {
                    const auto written = w.append({view(k_now + i, i), view(k_now + i, i + 1)});
                    const uint64_t last = written.back().seq;
                    if (::write(fds[1], &last, sizeof last) != sizeof last)
                        break;
                }
            },
            20000 + static_cast<int>(random() % 60000));
        ::close(fds[1]);
        uint64_t last = 0;
        while (::read(fds[0], &last, sizeof last) == sizeof last)
            for (uint64_t s = last - 1; s <= last; ++s)
                committed.insert(s);
        ::close(fds[0]);
        if (round % 3 == 0) {
            auto target = sync_core::open_upload_target(nginx.url());
            sync_core::run_upload_pass(b.settings, *target, k_now);
        }
    }
    auto target = sync_core::open_upload_target(nginx.url());
    for (int i = 0; i < 20 && sync_core::run_upload_pass(b.settings, *target, k_now).backlog > 0;
         ++i) {
    }
    const auto up = read_back(nginx.uploads(), b);
    CHECK(up.chain.verified());
    REQUIRE_FALSE(committed.empty());
    std::set<uint64_t> seen;
    for (const auto& r : up.chain.records)
        seen.insert(r.seq);
    CHECK(seen.size() == up.chain.records.size());
    for (const uint64_t s : committed)
        CHECK(seen.count(s) == 1);
}

TEST_CASE("upload: a folder target (a USB stick) gets the same objects") {
    Board b("upload-folder");
    write_views(b.db(), 50);
    const fs::path stick = b.dir / "stick";
    auto target = sync_core::open_upload_target("file://" + stick.string());
    CHECK(sync_core::run_upload_pass(b.settings, *target, k_now).error.empty());
    const auto up = read_back(stick, b);
    CHECK(up.chain.verified());
    CHECK(up.chain.records.size() == 50);
    CHECK_THROWS_AS(sync_core::open_upload_target("ftp://x/"), std::invalid_argument);
}
