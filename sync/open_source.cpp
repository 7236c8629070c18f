// Choosing a source implementation from a URL's scheme.
#include "sync/file_source.h"
#include "sync/http_source.h"
#include "sync/sync_problem.h"

namespace sync_core {

std::unique_ptr<Source> open_source(const std::string& url, const NetworkLimits& limits) {
    if (url.starts_with("http://") || url.starts_with("https://")) {
        return std::make_unique<HttpSource>(url, limits);
    }
    if (url.starts_with("file://")) {
        return std::make_unique<FileSource>(url);
    }
    throw SyncError(Problem::Unavailable, "'" + url +
                                              "' is not a channel address; use http://, "
                                              "https:// or file:///path");
}

}  // namespace sync_core
