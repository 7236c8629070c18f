// kiosk-syncd's uploads in the daemon loop (after each sync round, when an upload URL is set) and
// the `kiosk-syncd board-key` command that provisioning runs.
#pragma once

#include <string>
#include <vector>

#include "sync/syncd_options.h"

namespace syncd {

// One upload pass; logs what happened and never throws (uploads must not stop the sync).
void upload_after_round(const sync_core::DaemonOptions& options);

// `kiosk-syncd board-key [--data DIR]`: makes DIR/board.key (0600) when missing and prints the
// public line for the board registry. 0 ok, 1 the key cannot be read or made, 2 usage.
int board_key_command(const std::vector<std::string>& args);

}  // namespace syncd
