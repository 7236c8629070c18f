// The daemon around sync_from_source: signals, the data-dir lock, sd_notify, backoff sleeps.
#include "sync/daemon/sync_service.h"

#include <fcntl.h>
#include <sys/file.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>
#include <thread>

#include "content/log.h"
#include "content/safety/rules_loader.h"
#include "content/search/index.h"
#include "content/store.h"
#include "sync/backoff.h"
#include "sync/content_hooks.h"
#include "sync/daemon/upload_hook.h"
#include "sync/manifest_watch.h"
#include "sync/sync_session.h"

namespace syncd {
namespace {

using sync_core::SyncOutcome;
using sync_core::SyncResult;
namespace fs = std::filesystem;

volatile std::sig_atomic_t g_stop = 0;

void on_signal(int) {
    g_stop = 1;
}

void install_signal_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;  // no SA_RESTART: a blocking wait returns on SIGTERM
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

// Pings the systemd watchdog at half its interval, from the loop and from inside long syncs.
class Watchdog {
public:
    Watchdog() {
        uint64_t usec = 0;
        if (sd_watchdog_enabled(0, &usec) > 0) {
            m_interval = std::chrono::microseconds(usec / 2);
        }
    }
    void ping() {
        const auto now = std::chrono::steady_clock::now();
        if (m_interval.count() > 0 && now - m_last >= m_interval) {
            sd_notify(0, "WATCHDOG=1");
            m_last = now;
        }
    }

private:
    std::chrono::microseconds m_interval{0};
    std::chrono::steady_clock::time_point m_last{};
};

// One writer at a time: the daemon and a `--once` run (a USB stick inserted) take turns. The
// wait polls, so the watchdog is pinged and SIGTERM is heard while another run holds the lock.
class DataLock {
public:
    DataLock(const fs::path& path, Watchdog& watchdog) {
        m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (m_fd < 0) {
            throw std::runtime_error("cannot open " + path.string() + ": " + std::strerror(errno));
        }
        while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            if ((errno != EWOULDBLOCK && errno != EINTR) || g_stop) {
                ::close(m_fd);
                throw std::runtime_error("stopped while waiting for another kiosk-syncd");
            }
            watchdog.ping();
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
    ~DataLock() { ::close(m_fd); }
    DataLock(const DataLock&) = delete;
    DataLock& operator=(const DataLock&) = delete;

private:
    int m_fd = -1;
};

void log_outcome(const std::string& url, const SyncOutcome& o) {
    const std::string line =
        url + ": " + std::string(sync_core::result_key(o.result)) + ": " + o.message;
    switch (o.result) {
        case SyncResult::Applied:
            content::log::notice(line);
            break;
        case SyncResult::Current:
            content::log::info(line);
            break;
        case SyncResult::Stale:
            content::log::warning(line + "; the current content was kept");
            break;
        case SyncResult::Refused:
            content::log::error(line + "; the current content was kept");
            break;
        case SyncResult::Failed:
            content::log::warning(line + "; the current content was kept");
            break;
    }
}

// The content-safety rules every arriving notice is checked against, loaded once. Without them
// the daemon would put unchecked text on a public screen, so it refuses to sync instead.
std::shared_ptr<const content::safety::SafetyRules> safety_rules() {
    static const std::shared_ptr<const content::safety::SafetyRules> rules = [] {
        const auto dir = content::safety::default_rules_dir();
        if (!dir) {
            throw std::runtime_error(
                "no content-safety rules found (install /usr/share/kiosk/rules or set "
                "KIOSK_RULES_DIR)");
        }
        content::safety::SafetyRulesResult loaded = content::safety::load_safety_rules(*dir);
        if (!loaded.rules) {
            std::string why = "cannot load the content-safety rules in " + dir->string();
            for (const content::Diagnostic& d : loaded.diagnostics) {
                why += "; " + content::format_diagnostic(d);
            }
            throw std::runtime_error(why);
        }
        return std::make_shared<const content::safety::SafetyRules>(std::move(*loaded.rules));
    }();
    return rules;
}

// Tries each source in order of preference until one is applied or current.
SyncOutcome sync_round(const sync_core::DaemonOptions& options, Watchdog& watchdog,
                       std::string& current_url) {
    DataLock lock(fs::path(options.data_dir) / "sync.lock", watchdog);
    content::Store store =
        content::Store::open(options.data_dir + "/content.db", content::OpenMode::ReadWrite);
    // A database from before the search index, or one whose index is stale, is indexed now. A
    // failure here (a full disk) must not stop the sync itself, which reports such faults
    // properly and keeps the old content; the apply indexes what it writes anyway.
    try {
        content::search::ensure_search_index(store.database());
    } catch (const std::exception& e) {
        content::log::warning(std::string("search index not rebuilt: ") + e.what());
    }
    sync_core::SyncSettings settings;
    settings.board_id = options.board_id;
    settings.expected_channel = options.channel;
    settings.trusted_keys = options.trusted_keys;
    settings.staging_dir = fs::path(options.data_dir) / "staging";
    settings.keep_going = [&watchdog] {
        watchdog.ping();
        return g_stop == 0;
    };
    sync_core::NetworkLimits limits;
    limits.redirect_hosts = sync_core::source_hosts(options.sources);
    SyncOutcome outcome;
    std::vector<std::unique_ptr<sync_core::Source>> opened;
    std::vector<sync_core::Source*> sources;
    for (const std::string& url : options.sources) {
        try {
            opened.push_back(sync_core::open_source(url, limits));
            sources.push_back(opened.back().get());
        } catch (const sync_core::SyncError& e) {
            outcome = {};
            outcome.problem = e.problem();
            outcome.message = e.what();
            log_outcome(url, outcome);
        }
    }
    if (sources.empty()) {
        return outcome;
    }
    return sync_core::sync_from_sources(
        store, sources, settings, std::time(nullptr), sync_core::content_hooks(safety_rules()),
        [&](const sync_core::Source& source, const SyncOutcome& o) {
            log_outcome(source.url(), o);
            if (o.result == SyncResult::Applied || o.result == SyncResult::Current) {
                current_url = source.url();
            }
        });
}

int exit_code(const SyncOutcome& o) {
    switch (o.result) {
        case SyncResult::Applied:
        case SyncResult::Current:
            return k_exit_ok;
        case SyncResult::Stale:
        case SyncResult::Refused:
            return k_exit_refused;
        case SyncResult::Failed:
            break;
    }
    return k_exit_failed;
}

// Waits up to `seconds`; meanwhile, every alert_poll_seconds, asks the source that was last
// current whether its manifest changed, and returns early when it did (a published emergency is
// synced at once). A check costs one conditional request and never opens content.db.
void wait_watching(double seconds, const sync_core::DaemonOptions& options, const std::string& url,
                   sync_core::ManifestWatch& watch, std::unique_ptr<sync_core::Source>& source,
                   std::mt19937_64& random, Watchdog& watchdog) {
    using clock = std::chrono::steady_clock;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const auto until = clock::now() + std::chrono::duration<double>(seconds);
    const bool watching = options.alert_poll_seconds > 0 && !url.empty();
    auto next_check = clock::now() + std::chrono::duration<double>(sync_core::watch_delay(
                                         options.alert_poll_seconds, unit(random)));
    while (!g_stop && clock::now() < until) {
        watchdog.ping();
        if (watching && clock::now() >= next_check) {
            try {
                if (!source || source->url() != url) {
                    sync_core::NetworkLimits limits;
                    limits.redirect_hosts = sync_core::source_hosts(options.sources);
                    source = sync_core::open_source(url, limits);  // kept: its connection is reused
                }
                if (watch.check(*source, content::channel::k_max_manifest_bytes) ==
                    sync_core::WatchResult::Changed) {
                    content::log::info(url + ": the channel changed; syncing now");
                    return;
                }
            } catch (const std::exception& e) {
                content::log::warning(url + ": change check failed: " + e.what());
            }
            next_check = clock::now() + std::chrono::duration<double>(sync_core::watch_delay(
                                            options.alert_poll_seconds, unit(random)));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

}  // namespace

int run_service(const sync_core::DaemonOptions& options) {
    install_signal_handlers();
    try {
        safety_rules();  // refuse to run unchecked, before touching anything
    } catch (const std::exception& e) {
        content::log::error(std::string("kiosk-syncd: ") + e.what());
        return 2;
    }
    fs::create_directories(options.data_dir);
    Watchdog watchdog;
    std::mt19937_64 random(std::random_device{}());
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    // After failures: 30 s doubling up to 30 minutes (or the poll interval, if longer).
    const sync_core::BackoffPolicy backoff{30, std::max(1800.0, double(options.poll_seconds))};
    int failures = 0;
    bool ready = false;
    std::string current_url;  // the source that was last applied or current
    sync_core::ManifestWatch watch(fs::path(options.data_dir) / "staging" / "watch-manifest.json");
    std::unique_ptr<sync_core::Source> watched;
    for (;;) {
        current_url.clear();
        const SyncOutcome outcome = sync_round(options, watchdog, current_url);
        upload_after_round(options);  // records and heartbeat, whatever the sync's outcome
        const std::string status = "STATUS=" + std::string(sync_core::result_key(outcome.result)) +
                                   ": " + outcome.message.substr(0, 400);
        if (options.once) {
            if (outcome.result == SyncResult::Refused || outcome.result == SyncResult::Failed) {
                std::cerr << "kiosk-syncd: " << sync_core::result_key(outcome.result) << ": "
                          << outcome.message << "\n";
            }
            return exit_code(outcome);
        }
        sd_notify(0, ready ? status.c_str() : ("READY=1\n" + status).c_str());
        ready = true;
        const bool ok = exit_code(outcome) == k_exit_ok;
        failures = ok ? 0 : failures + 1;
        const double delay = ok ? sync_core::poll_delay(options.poll_seconds, unit(random))
                                : sync_core::failure_delay(failures, backoff, unit(random));
        wait_watching(delay, options, ok ? current_url : std::string(), watch, watched, random,
                      watchdog);
        if (g_stop) {
            sd_notify(0, "STOPPING=1");
            return k_exit_ok;
        }
    }
}

}  // namespace syncd
