// UTF-8 decoding and encoding; invalid bytes become U+FFFD and never stop decoding.
#pragma once

#include <string>
#include <string_view>

namespace display {

inline constexpr char32_t k_replacement = 0xFFFD;

std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t cp);

}  // namespace display
