// Benchmark: peak memory (RSS) of the real kiosk-syncd --once for the largest channels the caps
// allow: a first sync of 20,000 notices, and a 150,000-item manifest (the item cap). The unit's
// MemoryMax is 256M. Prints a markdown table.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/sync/sync_fixture.h"
#include "tests/test_paths.h"

using namespace sync_fixture;

namespace {

// A notice of about 1.5 KB, like a real one (a page of text).
content::SourceTree sized_notices(int count) {
    content::SourceTree tree = many_notices(count, "bench");
    for (content::Notice& n : tree.notices) {
        for (int i = 0; i < 12; ++i)
            n.body += "居民朋友们：本小区将于下周进行公共区域维修，请注意出行安全。";
        n.content_hash = content::notice_hash(n);
    }
    return tree;
}

struct Run {
    int exit_code = -1;
    long peak_kb = 0;
    double seconds = 0;
};

// Runs kiosk-syncd --once on a file:// channel and measures its own peak RSS (wait4's rusage).
Run run_syncd(const fs::path& data, const fs::path& channel, const std::string& key) {
    const std::string syncd = (test_paths::bin_dir() / "kiosk-syncd").string();
    const std::string rules = (test_paths::source_dir() / "content/safety/rules").string();
    const std::string source = "file://" + channel.string();
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setenv("KIOSK_RULES_DIR", rules.c_str(), 1);
        std::freopen("/dev/null", "w", stderr);
        ::execl(syncd.c_str(), syncd.c_str(), "--once", "--data", data.c_str(), "--source",
                source.c_str(), "--trust", key.c_str(), "--board", "hall", nullptr);
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    Run r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.peak_kb = usage.ru_maxrss;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

void row(const char* what, const Run& r) {
    std::printf("| %s | %d | %.1f | %.1f |\n", what, r.exit_code, r.peak_kb / 1024.0, r.seconds);
}

}  // namespace

int main() {
    const fs::path dir = test_paths::scratch_dir("bench-sync-memory");
    const auto key = content::channel::minisign::generate_secret_key();
    const std::string trusted = content::channel::minisign::public_key_base64(key.public_key());
    std::printf("| kiosk-syncd --once (file:// channel) | exit | peak RSS MiB | seconds |\n");
    std::printf("|---|---|---|---|\n");
    {
        publish(sized_notices(20000), key, dir / "c20k", wall_now());
        row("first sync of 20,000 notices", run_syncd(dir / "d20k", dir / "c20k", trusted));
        row("the same channel again (current)", run_syncd(dir / "d20k", dir / "c20k", trusted));
    }
    {
        publish(many_notices(150000, "max"), key, dir / "c150k", wall_now());
        row("first sync of a 150,000-item manifest",
            run_syncd(dir / "d150k", dir / "c150k", trusted));
    }
    std::printf("\nkiosk-syncd.service has MemoryMax=256M.\n");
    return 0;
}
