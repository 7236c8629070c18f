// kiosk-syncd's service loop: lock, sync from the sources in order, report to systemd, wait.
#pragma once

#include "sync/syncd_options.h"

namespace syncd {

// Exit codes of --once (and of the daemon when it cannot start).
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_refused = 1;
inline constexpr int k_exit_usage = 2;
inline constexpr int k_exit_failed = 3;

// Runs until SIGTERM/SIGINT, or one round with options.once. Returns the exit code.
int run_service(const sync_core::DaemonOptions& options);

}  // namespace syncd
