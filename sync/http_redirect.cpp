// Redirect checks with libcurl's URL parser, so "relative", "//host" and odd forms resolve exactly
// as libcurl itself would resolve them.
#include "sync/http_redirect.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace sync_core {
namespace {

struct UrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using Url = std::unique_ptr<CURLU, UrlDeleter>;

std::string part(CURLU* u, CURLUPart which) {
    char* text = nullptr;
    if (curl_url_get(u, which, &text, 0) != CURLUE_OK || !text) {
        return {};
    }
    std::string out = text;
    curl_free(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool web_scheme(const std::string& scheme) {
    return scheme == "http" || scheme == "https";
}

}  // namespace

std::optional<std::string> url_host(const std::string& url) {
    Url u(curl_url());
    if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK ||
        !web_scheme(part(u.get(), CURLUPART_SCHEME))) {
        return std::nullopt;
    }
    std::string host = part(u.get(), CURLUPART_HOST);
    if (host.empty()) {
        return std::nullopt;
    }
    return host;
}

std::optional<std::string> redirect_refusal(const std::string& from, const std::string& location,
                                            const std::vector<std::string>& hosts,
                                            std::string* resolved) {
    Url u(curl_url());
    if (!u || curl_url_set(u.get(), CURLUPART_URL, from.c_str(), 0) != CURLUE_OK ||
        curl_url_set(u.get(), CURLUPART_URL, location.c_str(), 0) != CURLUE_OK) {
        return "a redirect to '" + location.substr(0, 200) + "' that cannot be read";
    }
    const std::string scheme = part(u.get(), CURLUPART_SCHEME);
    if (!web_scheme(scheme)) {
        return "a redirect to a " + scheme + ": address; only http and https are followed";
    }
    const std::string host = part(u.get(), CURLUPART_HOST);
    std::vector<std::string> allowed = hosts;
    if (allowed.empty()) {
        if (auto own = url_host(from)) {
            allowed.push_back(*own);
        }
    }
    if (std::find(allowed.begin(), allowed.end(), host) == allowed.end()) {
        return "a redirect to " + host +
               ", which is not the host of a configured source; it was not followed";
    }
    if (resolved) {
        char* text = nullptr;
        if (curl_url_get(u.get(), CURLUPART_URL, &text, 0) == CURLUE_OK && text) {
            *resolved = text;
            curl_free(text);
        }
    }
    return std::nullopt;
}

}  // namespace sync_core
