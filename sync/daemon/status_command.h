// The technician's commands of kiosk-syncd: `kiosk-syncd status` and `kiosk-syncd --check-config`.
#pragma once

#include <string>
#include <vector>

namespace syncd {

// `kiosk-syncd status [--config FILE] [--data DIR]`: what content.db holds and how the last sync
// went (applied version and channel, last attempt and success, last result and error, notices per
// category, quarantined notices). Reads the database read-only. 0 when there is content to show,
// 1 when there is none yet (or it cannot be read), 2 on a usage error. Run as root, it reads the
// database as the database's owner, so that SQLite never leaves root-owned -wal/-shm files.
int status_command(const std::vector<std::string>& args);

// `kiosk-syncd --check-config [--config FILE] [flags]`: checks the settings exactly as the daemon
// would start with them and says what they are. 0 valid, 1 not valid.
int check_config_command(const std::vector<std::string>& args);

// True when argv (without the program name) asks for one of the commands above.
bool is_technician_command(const std::vector<std::string>& args);
int run_technician_command(const std::vector<std::string>& args);

}  // namespace syncd
