// A strict reading of the authority part of a URL: scheme, then "//", then host[:port] up to the
// first '/', '?' or '#'. Anything with an '@' there is refused rather than interpreted.
#include "content/web_url.h"

#include <cctype>

namespace content {

std::optional<std::string> web_url_problem(std::string_view url) {
    if (url.size() > k_max_source_url_bytes) {
        return "the address is longer than " + std::to_string(k_max_source_url_bytes) + " bytes";
    }
    for (const char c : url) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7f) {
            return "the address contains a space or control character";
        }
    }
    size_t start = 0;
    if (url.starts_with("https://")) {
        start = 8;
    } else if (url.starts_with("http://")) {
        start = 7;
    } else {
        return "only web addresses starting with https:// or http:// are allowed";
    }
    const size_t end = url.find_first_of("/?#", start);
    const std::string_view authority =
        url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (authority.find('@') != std::string_view::npos) {
        return "the address has a user name before '@' (it would lead to the host after the "
               "'@', not the one it seems to name)";
    }
    if (authority.empty() || authority.front() == ':') {
        return "the address names no host";
    }
    for (const char c : authority) {
        const auto b = static_cast<unsigned char>(c);
        if (!(std::isalnum(b) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']' ||
              b >= 0x80)) {
            return std::string("the host part contains '") + c + "'";
        }
    }
    return std::nullopt;
}

}  // namespace content
