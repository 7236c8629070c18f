// I/O faults during an apply. Disk full inside the transaction is injected with SQLite's
// max_page_count on the writer's connection (the database cannot grow, exactly as on a full
// disk); failing writes in the real daemon are injected with RLIMIT_FSIZE, so write() fails with
// EFBIG past a size, in the staging folder or in the WAL. In every case the content stays
// exactly as it was and the database passes integrity_check.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <fstream>
#include <future>
#include <thread>

#include "sync/file_source.h"
#include "sync/sync_status.h"
#include "tests/sync/sync_fixture.h"
#include "tests/sync/test_process.h"
#include "tests/test_paths.h"

using namespace sync_fixture;
using sync_core::SyncResult;

namespace {

std::string integrity(content::Store& store) {
    content::Statement st = store.database().prepare("PRAGMA integrity_check");
    std::string out;
    while (st.step())
        out += st.column_text(0);
    return out;
}

// Notices with long bodies, so an update needs many new database pages.
content::SourceTree bulky(int count, const std::string& tag) {
    content::SourceTree tree = many_notices(count, tag);
    for (content::Notice& n : tree.notices) {
        for (int i = 0; i < 40; ++i)
            n.body += "居民朋友们，请注意本通知的内容（" + tag + "）。";
        n.content_hash = content::notice_hash(n);
    }
    return tree;
}

struct Faulty {
    explicit Faulty(const std::string& name)
        : dir(test_paths::scratch_dir(name)),
          key(content::channel::minisign::generate_secret_key()) {
        publish(v1, key, dir / "v1", now - k_day);  // the daemon reads the real clock
        publish(v2, key, dir / "v2", now, 2);
        std::ofstream(dir / "trusted.pub")
            << content::channel::minisign::format_public_key_file(key.public_key());
        content::Store store = open_store(dir / "data");
        sync_core::FileSource source("file://" + (dir / "v1").string());
        REQUIRE(sync_core::sync_from_source(store, source, settings_for(dir / "data", key), now)
                    .result == SyncResult::Applied);
    }
    int64_t now = wall_now();
    fs::path dir;
    content::channel::minisign::SecretKey key;
    content::SourceTree v1 = bulky(60, "v1");
    content::SourceTree v2 = bulky(400, "v2");  // its manifest alone is over 40 KiB
};

}  // namespace

TEST_CASE("disk full inside the apply transaction: rolled back, recorded, retried later") {
    Faulty f("fault-disk-full");
    content::Store store = open_store(f.dir / "data");
    const int64_t pages = store.database().pragma_int("page_count");
    store.database().exec(("PRAGMA max_page_count = " + std::to_string(pages + 4)).c_str());
    sync_core::FileSource source("file://" + (f.dir / "v2").string());
    const auto settings = settings_for(f.dir / "data", f.key);

    const auto full = sync_core::sync_from_source(store, source, settings, f.now + 60);
    CHECK(full.result == SyncResult::Failed);
    CHECK(full.problem == sync_core::Problem::DiskFull);
    CHECK(full.message.find("disk is full") != std::string::npos);
    CHECK(integrity(store) == "ok");
    CHECK(fingerprint(store) == expected(f.v1));
    const auto status = sync_core::read_sync_status(store);
    CHECK(status.applied_version == 1);
    CHECK(status.last_error_kind == "disk_full");

    store.database().exec("PRAGMA max_page_count = 1073741823");  // space freed
    const auto retried = sync_core::sync_from_source(store, source, settings, f.now + 120);
    CHECK_MESSAGE(retried.result == SyncResult::Applied, retried.message);
    CHECK(retried.objects_reused == 400);  // staging was kept after the failure
    CHECK(fingerprint(store) == expected(f.v2));
}

TEST_CASE("kiosk-syncd whose database writes fail (EFBIG in the WAL) keeps the old content") {
    Faulty f("fault-wal-write");
    const std::vector<std::string> argv = {(test_paths::bin_dir() / "kiosk-syncd").string(),
                                           "--once",
                                           "--data",
                                           (f.dir / "data").string(),
                                           "--source",
                                           "file://" + (f.dir / "v2").string(),
                                           "--trust",
                                           (f.dir / "trusted.pub").string(),
                                           "--board",
                                           "hall"};
    // Staging files are small (< 8 KiB each); the WAL of this update grows far past 128 KiB.
    test_process::Options options;
    options.file_size_limit = 128 * 1024;
    const auto r = test_process::run(argv, options);
    CHECK(r.exit_code == 3);
    CHECK_MESSAGE(r.err.find("nothing was changed") != std::string::npos, r.err);
    {
        content::Store store = open_store(f.dir / "data");
        CHECK(integrity(store) == "ok");
        CHECK(fingerprint(store) == expected(f.v1));
        CHECK(sync_core::read_sync_status(store).applied_version == 1);
    }
    const auto healthy = test_process::run(argv);
    CHECK_MESSAGE(healthy.exit_code == 0, healthy.err);
    content::Store store = open_store(f.dir / "data");
    CHECK(fingerprint(store) == expected(f.v2));
}

TEST_CASE("kiosk-syncd that cannot write its staging folder fails cleanly and says why") {
    Faulty f("fault-staging-write");
    test_process::Options options;
    // Room for the database's 32 KiB shared-memory index, not for the manifest.
    options.file_size_limit = 36 * 1024;
    const auto r = test_process::run(
        {(test_paths::bin_dir() / "kiosk-syncd").string(), "--once", "--data",
         (f.dir / "data").string(), "--source", "file://" + (f.dir / "v2").string(), "--trust",
         (f.dir / "trusted.pub").string(), "--board", "hall"},
        options);
    CHECK(r.exit_code == 3);
    CHECK_MESSAGE(r.err.find("File too large") != std::string::npos, r.err);
    content::Store store = open_store(f.dir / "data");
    CHECK(integrity(store) == "ok");
    CHECK(fingerprint(store) == expected(f.v1));
}

namespace {

// Syncs from a USB folder in which `name` is a FIFO. An open that blocks on the FIFO would hang
// the daemon (holding the sync lock, with no watchdog ping): after 10 s the test writes to the
// FIFO itself to free the sync, and fails.
void sync_with_fifo(const std::string& label, const std::string& name) {
    const fs::path dir = test_paths::scratch_dir(label);
    const auto key = content::channel::minisign::generate_secret_key();
    const content::SourceTree v1 = many_notices(4, "v1");
    publish(v1, key, dir / "stick");
    content::Store store = open_store(dir / "data");
    const sync_core::SyncSettings settings = settings_for(dir / "data", key);
    sync_core::FileSource stick("file://" + (dir / "stick").string());
    REQUIRE(sync_core::sync_from_source(store, stick, settings, t0()).result ==
            SyncResult::Applied);
    publish(many_notices(4, "v2"), key, dir / "stick", t0() + k_day);
    const fs::path fifo = dir / "stick" / name;
    fs::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    auto running = std::async(std::launch::async, [&] {
        return sync_core::sync_from_source(store, stick, settings, t0() + k_day);
    });
    const bool finished = running.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    CHECK_MESSAGE(finished, "the sync blocked on a FIFO named " << name);
    if (!finished) {
        const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0)
            ::close(fd);
    }
    const auto outcome = running.get();
    CHECK(outcome.result != SyncResult::Applied);
    CHECK(outcome.message.find("not a regular file") != std::string::npos);
    CHECK(fingerprint(store) == expected(v1));
}

}  // namespace

TEST_CASE("a FIFO on a USB stick in place of the signature does not block the sync") {
    sync_with_fifo("fault-fifo-signature", "manifest.json.minisig");
}

TEST_CASE("a FIFO on a USB stick in place of the manifest does not block the sync") {
    sync_with_fifo("fault-fifo-manifest", "manifest.json");
}

TEST_CASE("a FIFO or symlink planted in staging is not opened") {
    const fs::path dir = test_paths::scratch_dir("fault-fifo-staging");
    const auto key = content::channel::minisign::generate_secret_key();
    const content::SourceTree v1 = many_notices(4, "v1");
    publish(v1, key, dir / "stick");
    content::Store store = open_store(dir / "data");
    const sync_core::SyncSettings settings = settings_for(dir / "data", key);
    fs::create_directories(settings.staging_dir);
    std::ofstream(dir / "secret") << "not for the board";
    const std::string sha0 = v1.notices[0].content_hash;
    fs::create_symlink(dir / "secret", settings.staging_dir / sha0);
    REQUIRE(::mkfifo((settings.staging_dir / v1.notices[1].content_hash).c_str(), 0644) == 0);
    sync_core::FileSource stick("file://" + (dir / "stick").string());
    auto running = std::async(std::launch::async, [&] {
        return sync_core::sync_from_source(store, stick, settings, t0());
    });
    const bool finished = running.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
    CHECK_MESSAGE(finished, "the sync blocked on a FIFO in staging");
    if (!finished) {
        const int fd = ::open((settings.staging_dir / v1.notices[1].content_hash).c_str(),
                              O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        std::this_thread::sleep_for(std::chrono::seconds(1));
        if (fd >= 0)
            ::close(fd);
    }
    const auto outcome = running.get();
    CHECK_MESSAGE(outcome.result == SyncResult::Applied, outcome.message);
    CHECK(fingerprint(store) == expected(v1));
    std::ifstream secret(dir / "secret");
    CHECK(std::string((std::istreambuf_iterator<char>(secret)), {}) == "not for the board");
}
