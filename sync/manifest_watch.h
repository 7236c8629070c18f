// The frequent, cheap check for a changed channel between full syncs (fast alert delivery): one
// conditional request for manifest.json, nothing read from or written to content.db.
#pragma once

#include <filesystem>
#include <string>

#include "sync/source.h"

namespace sync_core {

enum class WatchResult { Unchanged, Changed, Unavailable };

// Remembers the manifest it last saw (validators and sha256) in memory. A change is only a
// reason to run a full sync at once: the full sync verifies everything (signature, version,
// expiry, board, caps) exactly as on a scheduled poll, so the watch trusts nothing it fetched.
class ManifestWatch {
public:
    // `scratch` is a file path inside the data folder for the copy (staging/watch-manifest.json).
    explicit ManifestWatch(std::filesystem::path scratch) : m_scratch(std::move(scratch)) {}

    // Unchanged: the source answered 304 (or the same bytes). Changed: other bytes, or the first
    // look at this source. Unavailable: the request failed (the next full sync reports why).
    WatchResult check(Source& source, uint64_t max_manifest_bytes);
    int requests() const { return m_requests; }

private:
    std::filesystem::path m_scratch;
    std::string m_url;
    Validators m_validators;
    std::string m_sha256;
    int m_requests = 0;
};

// Seconds until the next watch check: `alert_poll_seconds` within -25%..+25%, so boards spread
// out (20 gives 15 to 25 s).
double watch_delay(int alert_poll_seconds, double random01);

}  // namespace sync_core
