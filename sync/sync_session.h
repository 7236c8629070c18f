// One sync attempt from one source: fetch the manifest (conditionally), verify it, stage what is
// missing, verify every staged object, apply in one transaction, record the outcome.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "content/channel/manifest.h"
#include "content/channel/minisign.h"
#include "content/store.h"
#include "sync/apply_hooks.h"
#include "sync/apply_update.h"
#include "sync/source.h"
#include "sync/sync_problem.h"

namespace sync_core {

// A no-change poll writes nothing; the status timestamps are refreshed at most this often.
inline constexpr int64_t k_status_heartbeat_seconds = 3600;

struct SyncSettings {
    std::string board_id;
    // The channel this board follows ([sync] channel); empty: the one first applied.
    std::string expected_channel;
    std::vector<content::channel::minisign::PublicKey> trusted_keys;
    std::filesystem::path staging_dir;
    uint64_t max_manifest_bytes = content::channel::k_max_manifest_bytes;
    // Called between downloads; returning false stops the attempt (daemon shutdown). The daemon
    // also pings the systemd watchdog from here.
    std::function<bool()> keep_going;
};

enum class SyncResult { Applied, Current, Stale, Refused, Failed };

struct SyncOutcome {
    SyncResult result = SyncResult::Failed;
    uint64_t version = 0;  // the version now applied
    std::optional<Problem> problem;
    std::string message;  // what happened, in words
    ApplyStats stats;
    int objects_fetched = 0;
    int objects_reused = 0;  // found already verified in staging (a resumed download)
    uint64_t bytes_fetched = 0;
    bool wrote_database = false;
};

std::string_view result_key(SyncResult result);

// Never throws for problems with the channel, the network or the disk: they become the outcome,
// and (when the database can be written) the recorded status. `now` is the wall clock.
SyncOutcome sync_from_source(content::Store& store, Source& source, const SyncSettings& settings,
                             int64_t now, const ApplyHooks& hooks = {});

// Tries the sources in order of preference until one is applied or current; a stale, refused or
// failed source passes the turn to the next. Returns the last outcome.
// `on_outcome` hears each source's outcome (the daemon logs it).
SyncOutcome sync_from_sources(
    content::Store& store, const std::vector<Source*>& sources, const SyncSettings& settings,
    int64_t now, const ApplyHooks& hooks = {},
    const std::function<void(const Source&, const SyncOutcome&)>& on_outcome = {});

// The technician's explicit channel change (kiosk-syncd --reset-channel): forgets the applied
// channel and version (keeping the version as that channel's floor) so the next sync may apply
// another channel. The content stays until then. Returns what was done, in words.
std::string reset_channel(content::Store& store);

}  // namespace sync_core
