// Where a channel comes from: an HTTP(S) server or a folder (USB stick, share). Thin on purpose:
// a source only copies named files into staging; all checking happens on the copies.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sync_core {

// What the source said about a file's version, for conditional requests next time.
struct Validators {
    std::string etag;
    std::string last_modified;
    bool empty() const { return etag.empty() && last_modified.empty(); }
    bool operator==(const Validators&) const = default;
};

enum class FetchStatus { Copied, NotModified };

struct FetchResult {
    FetchStatus status = FetchStatus::Copied;
    uint64_t bytes = 0;
    Validators validators;
};

// One file to copy in a batch.
struct FetchRequest {
    std::string name;  // "objects/<sha256>"
    std::filesystem::path dest;
    uint64_t cap = 0;
};

class Source {
public:
    virtual ~Source() = default;
    virtual const std::string& url() const = 0;

    // Copies the channel file `name` ("manifest.json", "objects/<sha256>") to `dest`, refusing
    // more than `cap` bytes. With `if_changed`, returns NotModified, copying nothing, when the
    // source can tell the file is unchanged. Throws SyncError: Unavailable when the file is not
    // there (or the server errs), TooLarge, TooSlow, DiskFull or LocalError.
    virtual FetchResult fetch(std::string_view name, const std::filesystem::path& dest,
                              uint64_t cap, const Validators* if_changed) = 0;

    // Copies every requested file (unconditionally) and returns the bytes copied. The default
    // copies one after another; HttpSource runs several transfers at once, since a first sync
    // of thousands of small objects is otherwise bound by network round trips. `keep_going` is
    // asked between files; false throws SyncError(Stopped). Throws on the first failure.
    virtual uint64_t fetch_all(const std::vector<FetchRequest>& requests,
                               const std::function<bool()>& keep_going);
};

// Limits on every network request (the file source has no timeouts: a stick is local).
struct NetworkLimits {
    long connect_timeout_ms = 15'000;
    long total_timeout_ms = 600'000;  // one request, start to end
    long low_speed_bytes = 512;       // cut off a response slower than this...
    long low_speed_seconds = 30;      // ...for this long
    // Hosts a redirect may lead to (those of the configured sources); empty: the source's own.
    // Any other host, or a scheme other than http(s), is not followed (no request forgery).
    std::vector<std::string> redirect_hosts;
};

// The host names of the http(s) URLs among `urls`, lowercased.
std::vector<std::string> source_hosts(const std::vector<std::string>& urls);

// "http://", "https://" or "file://"; anything else throws SyncError(Unavailable).
std::unique_ptr<Source> open_source(const std::string& url, const NetworkLimits& limits = {});

}  // namespace sync_core
