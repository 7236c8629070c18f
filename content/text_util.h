// Small string helpers shared by the content parsers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace content {

std::string_view trim(std::string_view text);
std::vector<std::string_view> split_lines(std::string_view text);
bool starts_with(std::string_view text, std::string_view prefix);

}  // namespace content

namespace content {

// Number of code points in valid UTF-8 (bytes that are not continuation bytes).
size_t utf8_length(std::string_view text);
// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
size_t find_invalid_utf8(std::string_view text);

}  // namespace content
