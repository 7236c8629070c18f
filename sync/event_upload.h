// kiosk-syncd's upload pass: the board's events segments (oldest first, at most one segment of
// up to 50,000 records per PUT) and a heartbeat, signed with the board key, to an UploadTarget.
// At least once: the cursor (upload-state.json in the data folder) moves only after a PUT
// succeeded, so a crash re-sends a range under the same or an overlapping name, which the
// reader recognises by sequence number. Records the kiosk's retention removed before they were
// sent are declared in the next segment ("unsent_from") and counted in the heartbeat.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "content/events/heartbeat.h"
#include "sync/upload_target.h"

namespace sync_core {

struct UploadSettings {
    std::string board_id;
    std::filesystem::path events_dir;  // the kiosk's folder: events.db, kiosk-state.json
    std::filesystem::path state_dir;   // kiosk-syncd's: board.key, upload-state.json
    size_t max_records_per_segment = 50000;
    size_t max_segment_bytes = 8 * 1024 * 1024;
    size_t max_segments_per_pass = 20;
    std::string kiosk_version;
    uint64_t channel_version = 0;
    int64_t last_sync = 0;
};

struct UploadOutcome {
    size_t segments = 0;
    uint64_t records = 0;
    uint64_t backlog = 0;  // records still waiting after this pass
    uint64_t unsent = 0;   // declared lost by retention in this pass
    bool heartbeat = false;
    std::string error;  // first failure, in words; empty when all went up
};

// Reads the board key, making it when there is none (provisioning); throws on I/O errors.
content::events::BoardSecretKey load_or_make_board_key(const std::filesystem::path& state_dir);
std::filesystem::path board_key_path(const std::filesystem::path& state_dir);

// One pass at wall time `now`. Never throws for a network or server failure (see `error`).
UploadOutcome run_upload_pass(const UploadSettings& settings, UploadTarget& target, int64_t now);

}  // namespace sync_core
