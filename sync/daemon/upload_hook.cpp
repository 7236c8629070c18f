// Upload pass wiring: settings from the daemon's options, versions from content.db, logging.
#include "sync/daemon/upload_hook.h"

#include <ctime>
#include <iostream>

#include "content/channel/minisign.h"
#include "content/log.h"
#include "content/store.h"
#include "sync/event_upload.h"
#include "sync/sync_status.h"

namespace syncd {

void upload_after_round(const sync_core::DaemonOptions& options) {
    if (options.upload_url.empty())
        return;
    try {
        sync_core::UploadSettings s;
        s.board_id = options.board_id;
        s.events_dir = options.events_dir;
        s.state_dir = options.data_dir;
        s.kiosk_version = KIOSK_VERSION;
        try {
            content::Store store =
                content::Store::open(options.data_dir + "/content.db", content::OpenMode::ReadOnly);
            const auto status = sync_core::read_sync_status(store);
            s.channel_version = status.applied_version;
            s.last_sync = status.last_success.value_or(0);
        } catch (const std::exception&) {
            // No content yet: the heartbeat says channel version 0, never synced.
        }
        auto target = sync_core::open_upload_target(options.upload_url);
        const auto out = sync_core::run_upload_pass(s, *target, std::time(nullptr));
        const std::string line =
            "upload to " + target->describe() + ": " + std::to_string(out.segments) +
            " segment(s), " + std::to_string(out.records) + " record(s), backlog " +
            std::to_string(out.backlog) +
            (out.unsent ? ", " + std::to_string(out.unsent) + " declared unsent" : "");
        if (out.error.empty())
            content::log::info(line);
        else
            content::log::warning(line + "; " + out.error + " (kept for the next round)");
    } catch (const std::exception& e) {
        content::log::warning(std::string("upload skipped: ") + e.what());
    }
}

int board_key_command(const std::vector<std::string>& args) {
    std::string data = "/var/lib/kiosk";
    for (size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--data" && i + 1 < args.size()) {
            data = args[++i];
        } else {
            std::cerr << "usage: kiosk-syncd board-key [--data DIR]\n";
            return 2;
        }
    }
    try {
        const auto key = sync_core::load_or_make_board_key(data);
        std::cout << content::channel::minisign::public_key_base64(key.public_key()) << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "<3>kiosk-syncd: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace syncd
