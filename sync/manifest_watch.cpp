// One conditional manifest request per check; the copy is hashed to tell "same bytes again" from
// a change when a source sends no validators.
#include "sync/manifest_watch.h"

#include <algorithm>

#include "content/channel/manifest.h"
#include "content/file_read.h"
#include "content/sha256.h"
#include "sync/sync_problem.h"

namespace sync_core {

WatchResult ManifestWatch::check(Source& source, uint64_t max_manifest_bytes) {
    if (source.url() != m_url) {
        m_url = source.url();
        m_validators = {};
        m_sha256.clear();
    }
    ++m_requests;
    try {
        std::filesystem::create_directories(m_scratch.parent_path());
        const FetchResult r = source.fetch("manifest.json", m_scratch, max_manifest_bytes,
                                           m_validators.empty() ? nullptr : &m_validators);
        if (r.status == FetchStatus::NotModified) {
            return WatchResult::Unchanged;
        }
        const std::string sha =
            content::sha256_hex(content::read_file_capped(m_scratch, max_manifest_bytes));
        std::error_code ec;
        std::filesystem::remove(m_scratch, ec);
        m_validators = r.validators;
        const bool same = sha == m_sha256;
        m_sha256 = sha;
        return same ? WatchResult::Unchanged : WatchResult::Changed;
    } catch (const std::exception&) {
        return WatchResult::Unavailable;
    }
}

double watch_delay(int alert_poll_seconds, double random01) {
    const double r = std::clamp(random01, 0.0, 1.0);
    return std::max(1.0, alert_poll_seconds * (0.75 + 0.5 * r));
}

}  // namespace sync_core
