// Whether a notice's source_url is a plain web address a board may show as a QR code.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace content {

inline constexpr size_t k_max_source_url_bytes = 500;

// nullopt for an http:// or https:// address with a host, no user name or password (the part
// before an '@', which makes "https://www.gov.cn@evil.example/" lead to evil.example), no spaces
// or control characters, at most k_max_source_url_bytes. Otherwise why not, in words.
std::optional<std::string> web_url_problem(std::string_view url);

}  // namespace content
