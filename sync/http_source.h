// A channel served over HTTP(S), fetched with libcurl: conditional requests, timeouts, size caps.
#pragma once

#include "sync/source.h"

typedef void CURL;

namespace sync_core {

// Enough to hide network round trips for thousands of small objects, few enough not to strain
// a small server or a mobile link.
inline constexpr size_t k_parallel_transfers = 6;

class HttpSource : public Source {
public:
    HttpSource(std::string base_url, NetworkLimits limits);
    ~HttpSource() override;
    HttpSource(const HttpSource&) = delete;
    HttpSource& operator=(const HttpSource&) = delete;

    const std::string& url() const override { return m_base; }
    FetchResult fetch(std::string_view name, const std::filesystem::path& dest, uint64_t cap,
                      const Validators* if_changed) override;
    // Up to k_parallel_transfers at once, over kept-alive connections (or HTTP/2 streams).
    uint64_t fetch_all(const std::vector<FetchRequest>& requests,
                       const std::function<bool()>& keep_going) override;

    // Requests sent so far (the benchmark counts them).
    int requests() const { return m_requests; }

private:
    std::string m_base;  // without a trailing '/'
    NetworkLimits m_limits;
    CURL* m_curl = nullptr;  // reused, so connections are kept alive between objects
    int m_requests = 0;
};

}  // namespace sync_core
