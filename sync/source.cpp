// Choosing a source implementation from a URL's scheme, and the one-by-one batch fetch.
#include "sync/source.h"

#include "sync/file_source.h"
#include "sync/http_redirect.h"
#include "sync/http_source.h"
#include "sync/sync_problem.h"

namespace sync_core {

uint64_t Source::fetch_all(const std::vector<FetchRequest>& requests,
                           const std::function<bool()>& keep_going) {
    uint64_t bytes = 0;
    for (const FetchRequest& request : requests) {
        if (keep_going && !keep_going()) {
            throw SyncError(Problem::Stopped, "stopped before the update was complete");
        }
        bytes += fetch(request.name, request.dest, request.cap, nullptr).bytes;
    }
    return bytes;
}

std::vector<std::string> source_hosts(const std::vector<std::string>& urls) {
    std::vector<std::string> hosts;
    for (const std::string& url : urls) {
        if (auto host = url_host(url)) {
            hosts.push_back(*host);
        }
    }
    return hosts;
}

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
