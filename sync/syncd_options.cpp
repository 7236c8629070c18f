// Merging kiosk.toml and flags into kiosk-syncd's settings, with messages a technician can act on.
#include "sync/syncd_options.h"

#include <charconv>
#include <filesystem>

#include "content/board_config.h"
#include "content/channel/manifest.h"
#include "content/file_read.h"

namespace sync_core {
namespace {

struct Flags {
    std::optional<std::string> config, data, board, poll, alert_poll, channel, events, upload;
    std::vector<std::string> sources, trust;
    bool once = false;
    bool help = false;
};

std::string read_flags(const std::vector<std::string>& args, Flags& f) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--once") {
            f.once = true;
            continue;
        }
        if (a == "--help" || a == "-h") {
            f.help = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            return a.starts_with("--") ? a + " needs a value" : "unexpected argument '" + a + "'";
        }
        const std::string& v = args[++i];
        if (a == "--config")
            f.config = v;
        else if (a == "--data")
            f.data = v;
        else if (a == "--board")
            f.board = v;
        else if (a == "--channel")
            f.channel = v;
        else if (a == "--poll-seconds")
            f.poll = v;
        else if (a == "--alert-poll-seconds")
            f.alert_poll = v;
        else if (a == "--source")
            f.sources.push_back(v);
        else if (a == "--events")
            f.events = v;
        else if (a == "--upload")
            f.upload = v;
        else if (a == "--trust")
            f.trust.push_back(v);
        else
            return "unknown option '" + a + "'";
    }
    return {};
}

// A key file path, or the base64 key itself.
std::optional<content::channel::minisign::PublicKey> read_key(const std::string& arg,
                                                              std::vector<std::string>& errors) {
    std::string text = arg;
    std::error_code ec;
    if (std::filesystem::exists(arg, ec)) {
        try {
            text = content::read_file_capped(arg, 4096);
        } catch (const std::exception& e) {
            errors.push_back(e.what());
            return std::nullopt;
        }
    }
    auto parsed = content::channel::minisign::parse_public_key(text);
    if (!parsed.value) {
        errors.push_back("trusted key '" + arg.substr(0, 80) + "': " + parsed.error);
    }
    return parsed.value;
}

void apply_config(const std::string& path, DaemonOptions& o, std::vector<std::string>& keys,
                  std::vector<std::string>& errors) {
    const content::ConfigResult config = content::load_board_config(path);
    for (const content::Diagnostic& d : config.diagnostics) {
        errors.push_back(content::format_diagnostic(d));
    }
    if (config.config) {
        o.board_id = config.config->board_id;
        o.channel = config.config->channel;
        o.data_dir = config.config->data_dir;
        o.sources = config.config->sources;
        keys = config.config->trusted_keys;
        o.poll_seconds = config.config->poll_seconds;
        o.alert_poll_seconds = config.config->alert_poll_seconds;
        o.events_dir = config.config->events_dir;
        o.upload_url = config.config->upload_url;
    }
}

}  // namespace

OptionsResult parse_daemon_options(const std::vector<std::string>& args) {
    OptionsResult result;
    Flags f;
    if (std::string problem = read_flags(args, f); !problem.empty()) {
        result.errors.push_back(problem);
        return result;
    }
    result.help = f.help;
    DaemonOptions o;
    std::vector<std::string> keys;
    const bool flags_complete = f.data && !f.sources.empty();
    if (f.config || !flags_complete) {
        apply_config(f.config.value_or(content::k_default_config_path), o, keys, result.errors);
    }
    if (f.data)
        o.data_dir = *f.data;
    if (f.board)
        o.board_id = *f.board;
    if (f.events)
        o.events_dir = *f.events;
    if (f.upload)
        o.upload_url = *f.upload;
    if (f.channel)
        o.channel = *f.channel;
    if (!o.channel.empty() && !content::channel::is_valid_channel_name(o.channel)) {
        result.errors.push_back("channel '" + o.channel.substr(0, 80) +
                                "' ([sync] channel or --channel) is not a channel name: 1 to 64 "
                                "lowercase letters, digits, '-', '_' or '.'");
    }
    if (!f.sources.empty())
        o.sources = f.sources;
    if (!f.trust.empty())
        keys = f.trust;
    if (f.poll) {
        int n = 0;
        const auto [end, ec] = std::from_chars(f.poll->data(), f.poll->data() + f.poll->size(), n);
        if (ec != std::errc() || end != f.poll->data() + f.poll->size() || n < 1) {
            result.errors.push_back("--poll-seconds expects a whole number of seconds from 1");
        }
        o.poll_seconds = n;
    }
    if (f.alert_poll) {
        int n = -1;
        const char* end = f.alert_poll->data() + f.alert_poll->size();
        const auto [at, ec] = std::from_chars(f.alert_poll->data(), end, n);
        if (ec != std::errc() || at != end || n < 0 || n > 3600) {
            result.errors.push_back(
                "--alert-poll-seconds expects a whole number of seconds from 0 (off) to 3600");
        }
        o.alert_poll_seconds = n;
    }
    o.once = f.once;
    if (o.board_id.empty())
        o.board_id = "board";
    for (const std::string& key : keys) {
        if (auto parsed = read_key(key, result.errors)) {
            o.trusted_keys.push_back(*parsed);
        }
    }
    if (o.sources.empty()) {
        result.errors.push_back(
            "no channel source: give --source URL or [sync] sources in "
            "kiosk.toml");
    }
    if (o.trusted_keys.empty() && keys.empty()) {
        result.errors.push_back(
            "no trusted key: give --trust PUBLIC or [sync] trusted_keys in "
            "kiosk.toml; without one every channel would be refused");
    }
    if (o.data_dir.empty()) {
        result.errors.push_back("no data folder: give --data DIR or [board] data_dir");
    }
    if (result.errors.empty()) {
        result.options = std::move(o);
    }
    return result;
}

const char* daemon_usage() {
    return "usage: kiosk-syncd [--config FILE] [--data DIR] [--source URL]... [--trust PUBLIC]...\n"
           "                  [--board ID] [--channel NAME] [--poll-seconds N]\n"
           "                  [--alert-poll-seconds N] [--once]\n"
           "       kiosk-syncd status | --check-config | --reset-channel [--config FILE] [--data "
           "DIR]\n"
           "  Without --data and --source, settings come from /etc/kiosk/kiosk.toml (or "
           "--config);\n"
           "  flags override the file. URL: http://, https:// or file:///path (a USB stick).\n"
           "  PUBLIC: a minisign public key file, or its base64 line.\n"
           "  --channel NAME: the only channel this board applies ([sync] channel); without it\n"
           "          the board keeps the channel of its first update.\n"
           "  --reset-channel: forget the applied channel, so the next sync may apply another\n"
           "          (a technician's deliberate change; the content stays until then).\n"
           "  --alert-poll-seconds: between full syncs, check the channel for a change this often\n"
           "          (one conditional request; a change, such as an emergency, syncs at once).\n"
           "  --once: sync once and exit: 0 applied or current, 1 refused, 2 usage,\n"
           "          3 failed (source unreachable, disk full).\n"
           "  --upload URL, --events DIR: after each round, PUT the board's events segments\n"
           "          (DIR/events.db) and a heartbeat to URL (a WebDAV folder, or file:///).\n"
           "  kiosk-syncd board-key [--data DIR]: make the board key if missing, print its\n"
           "          public line for the board registry.\n";
}

}  // namespace sync_core
