// kiosk-syncd's settings from /etc/kiosk/kiosk.toml and the command line (flags win). Pure apart
// from reading the files named.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/channel/minisign.h"

namespace sync_core {

struct DaemonOptions {
    std::string board_id;
    std::string channel;  // the channel to follow; empty: keep the first one applied
    std::string data_dir;
    std::vector<std::string> sources;  // in order of preference
    std::vector<content::channel::minisign::PublicKey> trusted_keys;
    int poll_seconds = 300;
    int alert_poll_seconds = 20;  // 0: no watch between full syncs
    bool once = false;
    std::string events_dir;  // the kiosk's events.db folder
    std::string upload_url;  // where records and heartbeats go; empty: no uploads
};

struct OptionsResult {
    std::optional<DaemonOptions> options;
    std::vector<std::string> errors;  // each says what is wrong and what to write instead
    bool help = false;
};

// argv without the program name. Reads --config FILE, or /etc/kiosk/kiosk.toml when --data and
// --source are not both given. --trust takes a public key file or the key's base64 line.
OptionsResult parse_daemon_options(const std::vector<std::string>& args);

const char* daemon_usage();

}  // namespace sync_core
