// The sync status kept in content.db's sync_state table, which the kiosk's diagnostics screen
// reads: what is applied, when the board last tried and succeeded, and the last error in words.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/store.h"
#include "sync/source.h"

namespace sync_core {

namespace state_key {
inline constexpr const char* applied_version = "applied_version";
inline constexpr const char* applied_manifest = "applied_manifest_sha256";
inline constexpr const char* applied_channel = "applied_channel";
inline constexpr const char* applied_at = "applied_at";
inline constexpr const char* last_attempt = "last_attempt";
inline constexpr const char* last_success = "last_success";  // applied, or confirmed current
inline constexpr const char* last_result = "last_result";    // applied|current|refused|failed
inline constexpr const char* last_error = "last_error";      // words; empty after a success
inline constexpr const char* last_error_kind = "last_error_kind";
inline constexpr const char* last_source = "last_source";
inline constexpr const char* latest_known_time = "latest_known_time";
inline constexpr const char* manifest_validators = "manifest_validators";  // JSON
}  // namespace state_key

// The validators of the last manifest read in full, and what was decided about it.
struct ManifestMemo {
    std::string source;   // the URL they belong to
    std::string policy;   // fingerprint of the board id and trusted keys the verdict used
    std::string verdict;  // "accepted" or "refused"
    Validators validators;
};

struct SyncStatus {
    uint64_t applied_version = 0;
    std::string applied_manifest_sha256;
    std::string applied_channel;
    std::optional<int64_t> applied_at;
    std::optional<int64_t> last_attempt;
    std::optional<int64_t> last_success;
    std::string last_result;
    std::string last_error;
    std::string last_error_kind;
    std::string last_source;
    int64_t latest_known_time = 0;
    // What the last fully read manifest looked like, so an unchanged one need not be fetched:
    ManifestMemo memo;
};

SyncStatus read_sync_status(content::Store& store);

using StateEntries = std::vector<std::pair<std::string, std::string>>;

// Writes entries inside the caller's transaction.
void put_state(content::Store& store, const StateEntries& entries);
// Writes entries in a transaction of their own (one fsync).
void save_state(content::Store& store, const StateEntries& entries);

std::string memo_json(const ManifestMemo& memo);

}  // namespace sync_core
