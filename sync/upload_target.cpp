// Upload targets: libcurl PUT from memory, or atomic file writes into a folder.
#include "sync/upload_target.h"

#include <curl/curl.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "content/durable_file.h"

namespace sync_core {
namespace {

struct Body {
    std::string_view bytes;
    size_t sent = 0;
};

size_t on_read(char* out, size_t size, size_t count, void* user) {
    auto* b = static_cast<Body*>(user);
    const size_t n = std::min(size * count, b->bytes.size() - b->sent);
    std::memcpy(out, b->bytes.data() + b->sent, n);
    b->sent += n;
    return n;
}

size_t discard(char*, size_t size, size_t count, void*) {
    return size * count;
}

class HttpTarget final : public UploadTarget {
public:
    explicit HttpTarget(std::string base) : m_base(std::move(base)) {
        if (m_base.back() != '/')
            m_base += '/';
        static std::once_flag once;
        std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        if (const char* auth = std::getenv("KIOSK_UPLOAD_AUTHORIZATION"))
            m_authorization = std::string("Authorization: ") + auth;
    }

    PutResult put(const std::string& object, std::string_view bytes) override {
        const std::string url = m_base + object;
        CURL* c = curl_easy_init();
        if (!c)
            return {false, "cannot start libcurl"};
        Body body{bytes};
        char error[CURL_ERROR_SIZE] = {0};
        curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/octet-stream");
        headers = curl_slist_append(headers, "Expect:");
        if (!m_authorization.empty())
            headers = curl_slist_append(headers, m_authorization.c_str());
        curl_easy_setopt(c, CURLOPT_URL, url.c_str());
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(bytes.size()));
        curl_easy_setopt(c, CURLOPT_READFUNCTION, on_read);
        curl_easy_setopt(c, CURLOPT_READDATA, &body);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_USERAGENT, "kiosk-syncd/1");
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 120000L);
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
        const CURLcode rc = curl_easy_perform(c);
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(headers);
        curl_easy_cleanup(c);
        if (rc != CURLE_OK)
            return {false, "PUT " + url + ": " + (error[0] ? error : curl_easy_strerror(rc))};
        if (status < 200 || status > 299)
            return {false, "PUT " + url + ": HTTP " + std::to_string(status)};
        return {true, {}};
    }

    std::string describe() const override { return m_base; }

private:
    std::string m_base;
    std::string m_authorization;
};

class FolderTarget final : public UploadTarget {
public:
    explicit FolderTarget(std::filesystem::path root) : m_root(std::move(root)) {}

    PutResult put(const std::string& object, std::string_view bytes) override {
        const auto path = m_root / object;
        try {
            std::filesystem::create_directories(path.parent_path());
            content::write_file_atomically(path, bytes);
        } catch (const std::exception& e) {
            return {false, e.what()};
        }
        return {true, {}};
    }

    std::string describe() const override { return m_root.string(); }

private:
    std::filesystem::path m_root;
};

}  // namespace

std::unique_ptr<UploadTarget> open_upload_target(const std::string& base_url) {
    if (base_url.starts_with("http://") || base_url.starts_with("https://"))
        return std::make_unique<HttpTarget>(base_url);
    if (base_url.starts_with("file:///"))
        return std::make_unique<FolderTarget>(base_url.substr(7));
    throw std::invalid_argument("upload URL '" + base_url +
                                "' must start with https://, http:// or file:///");
}

}  // namespace sync_core
