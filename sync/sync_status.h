// The sync status kept in content.db's sync_state table, which the kiosk's diagnostics screen
// reads: what is applied, when the board last tried and succeeded, and the last error in words.
#pragma once

#include <cstdint>
#include <map>
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
inline constexpr const char* applied_issued = "applied_issued";    // of the applied manifest
inline constexpr const char* applied_expires = "applied_expires";  // of the applied manifest
inline constexpr const char* channel_floors = "channel_floors";    // JSON {channel: version}
inline constexpr const char* clock_warning = "clock_warning";      // words; empty: clock trusted
inline constexpr const char* stale_since = "stale_since";  // first seen expired; empty: fresh
}  // namespace state_key

// The validators of the last manifest read in full, and what was decided about it.
struct ManifestMemo {
    std::string source;   // the URL they belong to
    std::string policy;   // fingerprint of the board id and trusted keys the verdict used
    std::string verdict;  // "accepted" or "refused"
    Validators validators;
    // sha256 of the signature file read with a refused manifest ("" when there was none): a
    // refusal stands only while the signature is unchanged too, so a late upload is noticed.
    std::string signature;
    Validators signature_validators;
};

struct SyncStatus {
    uint64_t applied_version = 0;
    std::string applied_manifest_sha256;
    std::string applied_channel;
    std::optional<int64_t> applied_at;
    std::optional<int64_t> applied_issued;
    std::optional<int64_t> applied_expires;
    std::map<std::string, uint64_t> channel_floors;
    std::optional<int64_t> last_attempt;
    std::optional<int64_t> last_success;
    std::string last_result;
    std::string last_error;
    std::string last_error_kind;
    std::string last_source;
    int64_t latest_known_time = 0;
    std::string clock_warning;  // words, when the wall clock was too far ahead to be trusted
    std::optional<int64_t> stale_since;  // when the applied manifest was first seen expired
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
std::string channel_floors_json(const std::map<std::string, uint64_t>& floors);

}  // namespace sync_core
