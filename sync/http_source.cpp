// libcurl glue: one easy handle, a capped write callback, header capture, errors in words.
#include "sync/http_source.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

#include "sync/sync_problem.h"

namespace sync_core {
namespace {

struct Download {
    int fd = -1;
    uint64_t written = 0;
    uint64_t cap = 0;
    bool over_cap = false;
    int write_errno = 0;
    Validators validators;
    std::string date;  // the response's Date header
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* d = static_cast<Download*>(user);
    const size_t n = size * count;
    if (d->written + n > d->cap) {
        d->over_cap = true;
        return 0;  // makes libcurl abort with CURLE_WRITE_ERROR
    }
    size_t done = 0;
    while (done < n) {
        const ssize_t w = ::write(d->fd, data + done, n - done);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w < 0) {
            d->write_errno = errno;
            return 0;
        }
        done += static_cast<size_t>(w);
    }
    d->written += n;
    return n;
}

std::string header_value(std::string_view line, std::string_view name) {
    if (line.size() <= name.size() || line[name.size()] != ':' ||
        strncasecmp(line.data(), name.data(), name.size()) != 0) {
        return {};
    }
    std::string_view v = line.substr(name.size() + 1);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
        v.remove_prefix(1);
    while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' '))
        v.remove_suffix(1);
    return std::string(v.substr(0, 512));
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* d = static_cast<Download*>(user);
    const std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        d->validators = {};  // a new response (after a redirect): forget the previous one's
    } else if (auto etag = header_value(line, "ETag"); !etag.empty()) {
        d->validators.etag = etag;
    } else if (auto lm = header_value(line, "Last-Modified"); !lm.empty()) {
        d->validators.last_modified = lm;
    } else if (auto date = header_value(line, "Date"); !date.empty()) {
        d->date = date;
    }
    return size * count;
}

// A Last-Modified within a second or two of the response's Date is weak (RFC 9110 8.8.2.2): the
// file may change again within the same second and keep its Last-Modified, so a conditional
// request with it could miss a republished channel. Such a value is not kept.
Validators strong_validators(const Download& d) {
    Validators v = d.validators;
    if (!v.last_modified.empty()) {
        const time_t modified = curl_getdate(v.last_modified.c_str(), nullptr);
        const time_t date = d.date.empty() ? -1 : curl_getdate(d.date.c_str(), nullptr);
        if (modified < 0 || date < 0 || date - modified < 2) {
            v.last_modified.clear();
        }
    }
    return v;
}

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

[[noreturn]] void fail_transfer(CURLcode code, const Download& d, const std::string& url,
                                const char* error_text, const NetworkLimits& limits) {
    const std::string why = error_text[0] ? error_text : curl_easy_strerror(code);
    if (code == CURLE_FILESIZE_EXCEEDED || d.over_cap) {
        throw SyncError(Problem::TooLarge, url + " is larger than its cap of " +
                                               std::to_string(d.cap) + " bytes; cut off");
    }
    if (code == CURLE_WRITE_ERROR && d.write_errno != 0) {
        throw SyncError(
            d.write_errno == ENOSPC ? Problem::DiskFull : Problem::LocalError,
            "cannot write the download of " + url + " to staging: " + std::strerror(d.write_errno));
    }
    if (code == CURLE_OPERATION_TIMEDOUT) {
        throw SyncError(Problem::TooSlow,
                        url + " was cut off: " + why +
                            " (limits: " + std::to_string(limits.low_speed_bytes) +
                            " bytes/s over " + std::to_string(limits.low_speed_seconds) + " s, " +
                            std::to_string(limits.total_timeout_ms / 1000) + " s in all)");
    }
    throw SyncError(Problem::Unavailable, "cannot fetch " + url + ": " + why);
}

}  // namespace

HttpSource::HttpSource(std::string base_url, NetworkLimits limits)
    : m_base(std::move(base_url)), m_limits(limits) {
    while (!m_base.empty() && m_base.back() == '/') {
        m_base.pop_back();
    }
    global_init();
    m_curl = curl_easy_init();
    if (!m_curl) {
        throw SyncError(Problem::LocalError, "libcurl could not start");
    }
}

HttpSource::~HttpSource() {
    curl_easy_cleanup(m_curl);
}

FetchResult HttpSource::fetch(std::string_view name, const std::filesystem::path& dest,
                              uint64_t cap, const Validators* if_changed) {
    const std::string url = m_base + "/" + std::string(name);
    Download d;
    d.cap = cap;
    d.fd = ::open(dest.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (d.fd < 0) {
        throw SyncError(errno == ENOSPC ? Problem::DiskFull : Problem::LocalError,
                        "cannot create " + dest.string() + ": " + std::strerror(errno));
    }
    curl_slist* headers = nullptr;
    if (if_changed && !if_changed->etag.empty()) {
        headers = curl_slist_append(headers, ("If-None-Match: " + if_changed->etag).c_str());
    }
    if (if_changed && !if_changed->last_modified.empty()) {
        headers =
            curl_slist_append(headers, ("If-Modified-Since: " + if_changed->last_modified).c_str());
    }
    char error_text[CURL_ERROR_SIZE] = "";
    CURL* c = m_curl;
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "kiosk-syncd/1");
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // the write callback caps decoded bytes
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, m_limits.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, m_limits.total_timeout_ms);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, m_limits.low_speed_bytes);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, m_limits.low_speed_seconds);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(cap));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &d);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &d);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_text);
    ++m_requests;
    const CURLcode code = curl_easy_perform(c);
    curl_slist_free_all(headers);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    const int close_rc = ::close(d.fd);
    if (code != CURLE_OK) {
        fail_transfer(code, d, url, error_text, m_limits);
    }
    if (close_rc != 0) {
        throw SyncError(Problem::LocalError, "cannot write " + dest.string());
    }
    if (status == 304 && if_changed) {
        return {FetchStatus::NotModified, 0, *if_changed};
    }
    if (status != 200) {
        throw SyncError(status == 404 || status == 410 ? Problem::Missing : Problem::Unavailable,
                        "the server answered HTTP " + std::to_string(status) + " for " + url);
    }
    return {FetchStatus::Copied, d.written, strong_validators(d)};
}

}  // namespace sync_core
