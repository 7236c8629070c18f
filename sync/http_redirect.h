// Which redirects kiosk-syncd follows: http(s) only, and only to the hosts of its own sources.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sync_core {

// The lowercased host of an http:// or https:// URL; nullopt for other schemes or bad URLs.
std::optional<std::string> url_host(const std::string& url);

// Why a redirect from `from` to `location` (absolute or relative) must not be followed, or
// nullopt when it leads over http(s) to one of `hosts` (empty: `from`'s own host).
std::optional<std::string> redirect_refusal(const std::string& from, const std::string& location,
                                            const std::vector<std::string>& hosts,
                                            std::string* resolved = nullptr);

}  // namespace sync_core
