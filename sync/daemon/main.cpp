// kiosk-syncd: the only writer of content.db. Verifies signed channels and applies them atomically.
#include <iostream>
#include <string>
#include <vector>

#include "sync/daemon/status_command.h"
#include "sync/daemon/sync_service.h"
#include "sync/daemon/upload_hook.h"
#include "sync/syncd_options.h"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "board-key")
        return syncd::board_key_command(args);
    if (syncd::is_technician_command(args))
        return syncd::run_technician_command(args);
    const sync_core::OptionsResult parsed = sync_core::parse_daemon_options(args);
    if (parsed.help) {
        std::cout << sync_core::daemon_usage();
        return syncd::k_exit_ok;
    }
    if (!parsed.options) {
        for (const std::string& error : parsed.errors) {
            std::cerr << "<3>kiosk-syncd: " << error << "\n";
        }
        std::cerr << sync_core::daemon_usage();
        return syncd::k_exit_usage;
    }
    try {
        return syncd::run_service(*parsed.options);
    } catch (const std::exception& e) {
        std::cerr << "<3>kiosk-syncd: " << e.what() << "\n";
        return syncd::k_exit_failed;
    }
}
