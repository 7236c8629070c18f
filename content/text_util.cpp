// Small string helpers shared by the content parsers.
#include "content/text_util.h"

#include "content/utf8.h"

namespace content {

std::string_view trim(std::string_view text) {
    const char* ws = " \t\r\n";
    const size_t first = text.find_first_not_of(ws);
    if (first == std::string_view::npos) {
        return {};
    }
    const size_t last = text.find_last_not_of(ws);
    return text.substr(first, last - first + 1);
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            if (start < text.size()) {
                lines.push_back(text.substr(start));
            }
            break;
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

}  // namespace content

namespace content {

size_t utf8_length(std::string_view text) {
    size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

size_t find_invalid_utf8(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t at = pos;
        bool valid = true;
        decode_utf8_at(text, pos, valid);
        if (!valid) {
            return at;
        }
    }
    return std::string_view::npos;
}

}  // namespace content
