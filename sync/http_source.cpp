// libcurl glue: one easy handle, a capped write callback, header capture, errors in words.
#include "sync/http_source.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>

#include "sync/http_redirect.h"
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
    std::string url;   // of the response being read (follows redirects)
    long status = 0;   // of the response being read
    const std::vector<std::string>* redirect_hosts = nullptr;
    std::string redirect_problem;  // why a redirect was not followed
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
        const size_t space = line.find(' ');
        d->status = space == std::string_view::npos ? 0 : std::atol(line.data() + space + 1);
    } else if (auto location = header_value(line, "Location");
               !location.empty() && d->status >= 300 && d->status < 400) {
        std::string next;
        if (auto refusal = redirect_refusal(d->url, location, *d->redirect_hosts, &next)) {
            d->redirect_problem = *refusal;
            return 0;  // aborts the transfer before libcurl follows the redirect
        }
        d->url = next;
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
    if (!d.redirect_problem.empty()) {
        throw SyncError(Problem::Unavailable, url + " answered with " + d.redirect_problem);
    }
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

// One transfer's state: the staging file it writes, libcurl's error text, request headers.
struct Transfer {
    Transfer(std::string url_, const std::filesystem::path& dest, uint64_t cap,
             const std::vector<std::string>& redirect_hosts)
        : url(std::move(url_)) {
        d.cap = cap;
        d.url = url;
        d.redirect_hosts = &redirect_hosts;
        // Never opens what is already there (a planted FIFO or symlink): a new regular file.
        ::unlink(dest.c_str());
        d.fd = ::open(dest.c_str(),
                      O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
        if (d.fd < 0) {
            throw SyncError(errno == ENOSPC ? Problem::DiskFull : Problem::LocalError,
                            "cannot create " + dest.string() + ": " + std::strerror(errno));
        }
    }
    ~Transfer() {
        if (d.fd >= 0) {
            ::close(d.fd);
        }
        curl_slist_free_all(headers);
    }
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;

    std::string url;
    Download d;
    curl_slist* headers = nullptr;
    char error_text[CURL_ERROR_SIZE] = "";
};

void configure(CURL* c, Transfer& t, const NetworkLimits& limits) {
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, t.url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "kiosk-syncd/1");
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // the write callback caps decoded bytes
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, limits.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, limits.total_timeout_ms);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, limits.low_speed_bytes);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, limits.low_speed_seconds);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t.d.cap));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t.d);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t.d);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, t.headers);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, t.error_text);
}

// Turns a finished transfer into its result, or throws saying what went wrong.
FetchResult finish(CURL* c, CURLcode code, Transfer& t, const NetworkLimits& limits,
                   const Validators* if_changed) {
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    const int close_rc = ::close(t.d.fd);
    t.d.fd = -1;
    if (code != CURLE_OK) {
        fail_transfer(code, t.d, t.url, t.error_text, limits);
    }
    if (close_rc != 0) {
        throw SyncError(Problem::LocalError, "cannot write the download of " + t.url);
    }
    if (status == 304 && if_changed) {
        return {FetchStatus::NotModified, 0, *if_changed};
    }
    if (status != 200) {
        throw SyncError(status == 404 || status == 410 ? Problem::Missing : Problem::Unavailable,
                        "the server answered HTTP " + std::to_string(status) + " for " + t.url);
    }
    return {FetchStatus::Copied, t.d.written, strong_validators(t.d)};
}

// Several transfers at once over libcurl's multi interface, refilling each slot as it finishes.
class Batch {
public:
    Batch(const std::string& base, const NetworkLimits& limits, size_t slots)
        : m_base(base), m_limits(limits), m_multi(curl_multi_init()), m_slots(slots) {
        if (!m_multi) {
            throw SyncError(Problem::LocalError, "libcurl could not start");
        }
        for (Slot& slot : m_slots) {
            slot.easy = curl_easy_init();
            if (!slot.easy) {
                throw SyncError(Problem::LocalError, "libcurl could not start");
            }
        }
    }
    ~Batch() {
        for (Slot& slot : m_slots) {
            if (slot.transfer) {
                curl_multi_remove_handle(m_multi, slot.easy);
            }
            curl_easy_cleanup(slot.easy);
        }
        curl_multi_cleanup(m_multi);
    }
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;

    uint64_t run(const std::vector<FetchRequest>& requests, const std::function<bool()>& keep_going,
                 int& request_count);

private:
    struct Slot {
        CURL* easy = nullptr;
        std::unique_ptr<Transfer> transfer;
    };
    void start(Slot& slot, const FetchRequest& request) {
        slot.transfer = std::make_unique<Transfer>(m_base + "/" + request.name, request.dest,
                                                   request.cap, m_limits.redirect_hosts);
        configure(slot.easy, *slot.transfer, m_limits);
        curl_multi_add_handle(m_multi, slot.easy);
    }
    Slot& slot_of(CURL* easy) {
        return *std::find_if(m_slots.begin(), m_slots.end(),
                             [easy](const Slot& s) { return s.easy == easy; });
    }

    std::string m_base;
    NetworkLimits m_limits;
    CURLM* m_multi = nullptr;
    std::vector<Slot> m_slots;
};

uint64_t Batch::run(const std::vector<FetchRequest>& requests,
                    const std::function<bool()>& keep_going, int& request_count) {
    size_t next = 0, active = 0;
    uint64_t bytes = 0;
    for (Slot& slot : m_slots) {
        if (next < requests.size()) {
            start(slot, requests[next++]);
            ++active;
        }
    }
    while (active > 0) {
        int running = 0, left = 0;
        curl_multi_perform(m_multi, &running);
        while (CURLMsg* msg = curl_multi_info_read(m_multi, &left)) {
            if (msg->msg != CURLMSG_DONE) {
                continue;
            }
            CURL* easy = msg->easy_handle;
            const CURLcode code = msg->data.result;
            Slot& slot = slot_of(easy);
            curl_multi_remove_handle(m_multi, easy);
            ++request_count;
            std::unique_ptr<Transfer> done = std::move(slot.transfer);
            bytes += finish(easy, code, *done, m_limits, nullptr).bytes;
            --active;
            if (next < requests.size()) {
                start(slot, requests[next++]);
                ++active;
            }
        }
        if (keep_going && !keep_going()) {
            throw SyncError(Problem::Stopped, "stopped before the update was complete");
        }
        if (active > 0) {
            curl_multi_poll(m_multi, nullptr, 0, 1000, nullptr);
        }
    }
    return bytes;
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
    Transfer t(m_base + "/" + std::string(name), dest, cap, m_limits.redirect_hosts);
    if (if_changed && !if_changed->etag.empty()) {
        t.headers = curl_slist_append(t.headers, ("If-None-Match: " + if_changed->etag).c_str());
    }
    if (if_changed && !if_changed->last_modified.empty()) {
        t.headers = curl_slist_append(t.headers,
                                      ("If-Modified-Since: " + if_changed->last_modified).c_str());
    }
    configure(m_curl, t, m_limits);
    ++m_requests;
    const CURLcode code = curl_easy_perform(m_curl);
    return finish(m_curl, code, t, m_limits, if_changed);
}

uint64_t HttpSource::fetch_all(const std::vector<FetchRequest>& requests,
                               const std::function<bool()>& keep_going) {
    if (requests.size() < 2) {
        return Source::fetch_all(requests, keep_going);
    }
    Batch batch(m_base, m_limits, std::min(requests.size(), k_parallel_transfers));
    return batch.run(requests, keep_going, m_requests);
}

}  // namespace sync_core
