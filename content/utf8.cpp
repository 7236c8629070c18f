// UTF-8 decoding and encoding for content/.
#include "content/utf8.h"

namespace content {

char32_t decode_utf8_at(std::string_view text, size_t& pos, bool& valid) {
    const auto c = static_cast<unsigned char>(text[pos]);
    valid = true;
    if (c < 0x80) {
        ++pos;
        return c;
    }
    size_t len = 0;
    char32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    }
    bool ok = len != 0 && pos + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k) {
        const auto cc = static_cast<unsigned char>(text[pos + k]);
        ok = (cc & 0xC0) == 0x80;
        cp = (cp << 6) | (cc & 0x3F);
    }
    ok = ok && !((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
                 (len == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF));
    if (!ok) {
        valid = false;
        ++pos;
        return 0xFFFD;
    }
    pos += len;
    return cp;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string to_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (char32_t c : text) {
        append_utf8(out, c);
    }
    return out;
}

std::u32string from_utf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) {
        out += decode_utf8_at(text, pos, valid);
    }
    return out;
}

}  // namespace content
