// SHA-256 through libsodium, as lowercase hex.
#pragma once

#include <string>
#include <string_view>

namespace content {

std::string sha256_hex(std::string_view bytes);
bool is_sha256_hex(std::string_view text);

}  // namespace content
