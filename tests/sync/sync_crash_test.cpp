// Power-cut test: kiosk-syncd is killed with SIGKILL at random moments while it applies version 2
// over version 1 (a few hundred notices: changes, additions, removals, images). After every kill
// the database must pass PRAGMA integrity_check and the kiosk must read exactly version 1 or
// exactly version 2. 200 kills in the normal suite; KIOSK_LONG_TESTS=1 makes it 2000.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <thread>

#include "sync/file_source.h"
#include "sync/sync_status.h"
#include "tests/sync/sync_fixture.h"
#include "tests/sync/test_process.h"
#include "tests/test_paths.h"

using namespace sync_fixture;

namespace {

struct Versions {
    content::SourceTree v1, v2;
};

// v2 changes half of v1's notices, removes 50, adds 50, and swaps one image for another.
Versions make_versions() {
    Versions v;
    v.v1 = many_notices(300, "v1");
    attach_image(v.v1, 10, "map-v1");
    attach_image(v.v1, 20, "shared");
    v.v2 = many_notices(300, "v1", 50);
    for (size_t i = 0; i < v.v2.notices.size(); i += 2) {
        v.v2.notices[i] = make_notice(v.v2.notices[i].id, static_cast<int>(i) + 50, "v2");
    }
    attach_image(v.v2, 30, "map-v2");
    attach_image(v.v2, 40, "shared");
    return v;
}

std::string check_integrity(content::Store& store) {
    content::Statement st = store.database().prepare("PRAGMA integrity_check");
    std::string result;
    while (st.step())
        result += st.column_text(0);
    return result;
}

// The keys on which two fingerprints differ, for a failure message.
std::string difference(const Fingerprint& a, const Fingerprint& b) {
    std::string out;
    for (const auto& [k, v] : a) {
        if (!b.count(k) || b.at(k) != v)
            out += " " + k;
    }
    for (const auto& [k, v] : b) {
        if (!a.count(k))
            out += " +" + k;
    }
    return out.substr(0, 300);
}

int kill_count() {
    const char* long_mode = std::getenv("KIOSK_LONG_TESTS");
    return long_mode && std::string(long_mode) == "1" ? 2000 : 200;
}

}  // namespace

TEST_CASE("SIGKILL at random points of an apply leaves exactly the old or the new version") {
    const fs::path dir = test_paths::scratch_dir("crash-sigkill");
    const auto key = content::channel::minisign::generate_secret_key();
    const Versions versions = make_versions();
    const int64_t now = wall_now();  // the daemon reads the real clock
    publish(versions.v1, key, dir / "v1", now - k_day);
    publish(versions.v2, key, dir / "v2", now, 2);
    const fs::path pub = dir / "trusted.pub";
    std::ofstream(pub) << content::channel::minisign::format_public_key_file(key.public_key());

    // The board at version 1, saved as a clean database file to restore before every run.
    {
        content::Store store = open_store(dir / "base");
        sync_core::FileSource source("file://" + (dir / "v1").string());
        REQUIRE(sync_core::sync_from_source(store, source, settings_for(dir / "base", key), now)
                    .result == sync_core::SyncResult::Applied);
    }
    // Closed cleanly, so everything is checkpointed into content.db: that file alone is version 1
    // (the writer keeps an emptied -wal beside it, which the copy below leaves out).
    const Fingerprint old_version = expected(versions.v1);
    const Fingerprint new_version = expected(versions.v2);
    REQUIRE(old_version != new_version);

    const fs::path data = dir / "data";
    const std::vector<std::string> argv = {(test_paths::bin_dir() / "kiosk-syncd").string(),
                                           "--once",
                                           "--data",
                                           data.string(),
                                           "--source",
                                           "file://" + (dir / "v2").string(),
                                           "--trust",
                                           pub.string(),
                                           "--board",
                                           "hall"};
    auto restore = [&](bool keep_staging) {
        for (const char* f : {"content.db", "content.db-wal", "content.db-shm"}) {
            fs::remove(data / f);
        }
        if (!keep_staging)
            fs::remove_all(data / "staging");
        fs::create_directories(data);
        fs::copy_file(dir / "base/content.db", data / "content.db");
    };

    // How long a whole run takes, so kills spread over all of it.
    restore(false);
    const auto start = std::chrono::steady_clock::now();
    const auto full = test_process::run(argv);
    const auto run_us = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
    REQUIRE_MESSAGE(full.exit_code == 0, full.err);

    // Half the kills anywhere in the run, half in its last part, where the transaction, the
    // commit and the checkpoint happen (measured with strace: the last ~30% of a run).
    std::mt19937 random(20261120);
    std::uniform_int_distribution<int64_t> anywhere(0, run_us * 12 / 10);
    std::uniform_int_distribution<int64_t> late(run_us * 6 / 10, run_us * 105 / 100);
    auto when = [&](std::mt19937& r) { return r() % 2 ? anywhere(r) : late(r); };
    int saw_old = 0, saw_new = 0, finished = 0;
    const int kills = kill_count();
    for (int i = 0; i < kills; ++i) {
        restore(/*keep_staging=*/i % 2 == 1);  // odd runs resume from a torn staging folder
        {
            test_process::Child child(argv);
            std::this_thread::sleep_for(std::chrono::microseconds(when(random)));
            child.kill(SIGKILL);
            const int status = child.wait();
            finished += WIFEXITED(status) ? 1 : 0;
        }
        content::Store store =
            content::Store::open((data / "content.db").string(), content::OpenMode::ReadOnly);
        REQUIRE(check_integrity(store) == "ok");
        const Fingerprint seen = fingerprint(store);
        const uint64_t version = sync_core::read_sync_status(store).applied_version;
        if (seen == old_version) {
            ++saw_old;
            REQUIRE(version == 1);
        } else {
            REQUIRE_MESSAGE(seen == new_version, "kill "
                                                     << i << ": neither version 1 nor 2; "
                                                     << "vs 1:" << difference(old_version, seen)
                                                     << "; vs 2:" << difference(new_version, seen));
            ++saw_new;
            REQUIRE(version == 2);
        }
    }
    MESSAGE("full run " << run_us / 1000 << " ms; " << kills << " kills: " << saw_old
                        << " left version 1, " << saw_new << " left version 2 (" << finished
                        << " runs had finished before the kill)");
    CHECK(saw_old > 0);
    CHECK(saw_new - finished > 0);  // some kills landed after the commit, before the exit
}
