// kiosk-syncd status and --check-config: what a technician runs on site.
#include "sync/daemon/status_command.h"

#include <fcntl.h>
#include <grp.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <iostream>
#include <optional>

#include "content/board_config.h"
#include "content/category.h"
#include "content/date_time.h"
#include "content/store.h"
#include "sync/daemon/sync_service.h"
#include "sync/sync_session.h"
#include "sync/sync_status.h"
#include "sync/syncd_options.h"

namespace syncd {
namespace {

std::string when(const std::optional<int64_t>& t) {
    if (!t || *t <= 0) {
        return "never";
    }
    return content::format_date_time(*t) + " (Beijing time)";
}

void row(std::ostream& out, const std::string& label, const std::string& value) {
    out << label << ":" << std::string(label.size() < 13 ? 13 - label.size() : 1, ' ') << value
        << "\n";
}

// Run as root, SQLite would create content.db's -wal and -shm files owned by root if they are
// missing, and kiosk-syncd could no longer write the database. So root reads it as its owner.
std::string become_owner_of(const std::string& db_path) {
    struct stat st {};
    if (::geteuid() != 0 || ::stat(db_path.c_str(), &st) != 0 || st.st_uid == 0) {
        return {};
    }
    if (::setgroups(0, nullptr) != 0 || ::setgid(st.st_gid) != 0 || ::setuid(st.st_uid) != 0) {
        return std::string("cannot switch to the owner of ") + db_path + ": " +
               std::strerror(errno);
    }
    return {};
}

}  // namespace

int status_command(const std::vector<std::string>& args) {
    std::string config_path = content::k_default_config_path;
    std::optional<std::string> data;
    for (size_t i = 0; i < args.size(); ++i) {
        if ((args[i] == "--config" || args[i] == "--data") && i + 1 < args.size()) {
            (args[i] == "--config" ? config_path : data.emplace()) = args[i + 1];
            ++i;
        } else {
            std::cerr << "usage: kiosk-syncd status [--config FILE] [--data DIR]\n";
            return k_exit_usage;
        }
    }
    std::ostream& out = std::cout;
    std::string board = "(unknown)";
    const content::ConfigResult config = content::load_board_config(config_path);
    if (config.config) {
        board = config.config->board_id;
        if (!data) {
            data = config.config->data_dir;
        }
    } else {
        for (const content::Diagnostic& d : config.diagnostics) {
            std::cerr << "warning: " << content::format_diagnostic(d) << "\n";
        }
    }
    if (!data) {
        data = content::BoardConfig{}.data_dir;
    }
    const std::string db_path = *data + "/content.db";
    row(out, "board", board + " (" + config_path + ")");
    row(out, "content", db_path);

    if (const std::string error = become_owner_of(db_path); !error.empty()) {
        row(out, "state", error);
        return 1;
    }
    std::optional<content::Store> store;
    try {
        store.emplace(content::Store::open(db_path, content::OpenMode::ReadOnly));
    } catch (const std::exception& e) {
        row(out, "state", std::string("no content yet: ") + e.what());
        out << "Has kiosk-syncd applied a channel? See: journalctl -u kiosk-syncd\n";
        return 1;
    }
    try {
        const sync_core::SyncStatus s = sync_core::read_sync_status(*store);
        if (s.applied_version > 0) {
            row(out, "applied",
                "version " + std::to_string(s.applied_version) + " of channel " +
                    (s.applied_channel.empty() ? "?" : s.applied_channel) + ", " +
                    when(s.applied_at));
        } else {
            row(out, "applied", "no channel yet");
        }
        row(out, "last attempt",
            when(s.last_attempt) + (s.last_source.empty() ? "" : " from " + s.last_source));
        row(out, "channel",
            !s.applied_channel.empty() ? s.applied_channel
            : config.config && !config.config->channel.empty()
                ? config.config->channel + " (configured, not applied yet)"
                : "none yet (the first one applied is kept)");
        row(out, "last result", s.last_result.empty() ? "none" : s.last_result);
        if (!s.last_error.empty()) {
            row(out, "last error",
                s.last_error + (s.last_error_kind.empty() ? "" : " [" + s.last_error_kind + "]"));
        }
        row(out, "last success", when(s.last_success));
        if (s.stale_since) {
            row(out, "stale",
                "since " + when(s.stale_since) +
                    ": the sources offer only an expired version (a frozen "
                    "mirror?); the content is kept");
        }
        if (!s.clock_warning.empty()) {
            row(out, "clock", s.clock_warning);
        }

        // "Live" against the board's latest known time, which never goes backwards.
        const int64_t now = std::max<int64_t>(std::time(nullptr), s.latest_known_time);
        std::string counts;
        int live = 0;
        for (const content::CategoryCount& c : store->category_counts(now, now)) {
            counts += (counts.empty() ? "" : ", ") +
                      std::string(content::category_name(c.category)) + " " +
                      std::to_string(c.live);
            live += c.live;
        }
        row(out, "notices",
            std::to_string(store->notice_count()) + " stored, " + std::to_string(live) +
                " shown now (" + counts + ")");
        const std::vector<content::QuarantinedNotice> held = store->quarantined();
        row(out, "quarantined",
            std::to_string(held.size()) +
                (held.empty() ? "" : " (held back by the safety checker):"));
        for (const content::QuarantinedNotice& q : held) {
            out << "  " << q.id << "  " << q.title << "  [" << q.rule << "]\n";
        }
    } catch (const std::exception& e) {
        row(out, "state", std::string("cannot read the content: ") + e.what());
        return 1;
    }
    return 0;
}

// kiosk-syncd --reset-channel: the technician's explicit channel change. Takes the sync lock so
// a running daemon is not in the middle of an apply.
int reset_channel_command(const std::vector<std::string>& args) {
    std::vector<std::string> rest;
    for (const std::string& a : args) {
        if (a != "--reset-channel") {
            rest.push_back(a);
        }
    }
    const sync_core::OptionsResult parsed = sync_core::parse_daemon_options(rest);
    if (!parsed.options) {
        for (const std::string& error : parsed.errors) {
            std::cerr << "<3>kiosk-syncd: " << error << "\n";
        }
        return k_exit_usage;
    }
    const std::string data = parsed.options->data_dir;
    if (const std::string error = become_owner_of(data + "/content.db"); !error.empty()) {
        std::cerr << "kiosk-syncd: " << error << "\n";
        return k_exit_failed;
    }
    try {
        const int lock = ::open((data + "/sync.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
            throw std::runtime_error("cannot take " + data + "/sync.lock: " + std::strerror(errno));
        }
        content::Store store =
            content::Store::open(data + "/content.db", content::OpenMode::ReadWrite);
        std::cout << "kiosk-syncd: " << sync_core::reset_channel(store) << "\n";
        if (!parsed.options->channel.empty()) {
            std::cout << "kiosk-syncd: the next sync applies channel " << parsed.options->channel
                      << " (configured)\n";
        }
        ::close(lock);
    } catch (const std::exception& e) {
        std::cerr << "kiosk-syncd: " << e.what() << "\n";
        return k_exit_failed;
    }
    return k_exit_ok;
}

int check_config_command(const std::vector<std::string>& args) {
    std::vector<std::string> rest;
    for (const std::string& a : args) {
        if (a != "--check-config") {
            rest.push_back(a);
        }
    }
    const sync_core::OptionsResult parsed = sync_core::parse_daemon_options(rest);
    if (!parsed.options) {
        for (const std::string& error : parsed.errors) {
            std::cerr << "<3>kiosk-syncd: " << error << "\n";
        }
        std::cerr
            << "kiosk-syncd: the configuration is not valid; kiosk-syncd would not start with it\n";
        return 1;
    }
    const sync_core::DaemonOptions& o = *parsed.options;
    std::cout << "kiosk-syncd: configuration is valid: board " << o.board_id << ", data "
              << o.data_dir << ", " << o.sources.size() << " source(s), " << o.trusted_keys.size()
              << " trusted key(s), poll every " << o.poll_seconds << " s\n";
    for (const std::string& source : o.sources) {
        std::cout << "  source: " << source << "\n";
    }
    return 0;
}

bool is_technician_command(const std::vector<std::string>& args) {
    return (!args.empty() && args[0] == "status") ||
           std::find(args.begin(), args.end(), "--check-config") != args.end() ||
           std::find(args.begin(), args.end(), "--reset-channel") != args.end();
}

int run_technician_command(const std::vector<std::string>& args) {
    if (!args.empty() && args[0] == "status") {
        return status_command({args.begin() + 1, args.end()});
    }
    if (std::find(args.begin(), args.end(), "--reset-channel") != args.end()) {
        return reset_channel_command(args);
    }
    return check_config_command(args);
}

}  // namespace syncd
