// Folding text for search: one folded code point per original one, so offsets map back exactly.
#include "content/search/text.h"

#include "content/document.h"

namespace content::search {

char32_t next_code_point(std::string_view text, size_t& pos) {
    bool valid = true;
    return decode_utf8_at(text, pos, valid);
}

char32_t fold_char(char32_t c) {
    if (c >= U'\uFF01' && c <= U'\uFF5E') {
        c -= 0xFEE0;  // full-width forms: residents type 9:30, notices write 9：30
    }
    if (c >= U'A' && c <= U'Z') {
        return c + (U'a' - U'A');
    }
    switch (c) {
        case U'\t':
        case U'\n':
        case U'\r':
        case U'\f':
        case U'\v':
        case U'\u00A0':
        case U'\u3000':
            return U' ';
        default:
            return c;
    }
}

bool is_separator(char32_t c) {
    if (c < 0x80) {
        switch (c) {
            case U':':
            case U'-':
            case U'.':
            case U'/':
            case U'@':
            case U'#':
            case U'%':
            case U'+':
            case U'=':
                return false;
            default:
                return !((c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || c >= 0x80 ||
                         (c >= U'A' && c <= U'Z'));
        }
    }
    return c == U'\u00B7' || (c >= U'\u2000' && c <= U'\u206F') ||  // general punctuation
           (c >= U'\u3000' && c <= U'\u303F') ||                    // CJK symbols, 、。《》
           (c >= U'\uFE30' && c <= U'\uFE4F') ||                    // vertical forms
           (c >= U'\uFF5F' && c <= U'\uFF65') || c == U'\uFFFD';
}

FoldedText fold_text(std::string_view utf8) {
    FoldedText out;
    out.chars.resize(utf8.size());
    out.offsets.resize(utf8.size() + 1);
    size_t n = 0;
    for (size_t pos = 0; pos < utf8.size(); ++n) {
        out.offsets[n] = static_cast<uint32_t>(pos);
        const auto byte = static_cast<unsigned char>(utf8[pos]);
        out.chars[n] = byte < 0x80 ? fold_char(static_cast<char32_t>(utf8[pos++]))
                                   : fold_char(next_code_point(utf8, pos));
    }
    out.offsets[n] = static_cast<uint32_t>(utf8.size());
    out.chars.resize(n);
    out.offsets.resize(n + 1);
    return out;
}

std::u32string fold_string(std::string_view utf8) {
    std::u32string out(utf8.size(), U'\0');
    size_t n = 0;
    for (size_t pos = 0; pos < utf8.size(); ++n) {
        const auto byte = static_cast<unsigned char>(utf8[pos]);
        out[n] = byte < 0x80 ? fold_char(static_cast<char32_t>(utf8[pos++]))
                             : fold_char(next_code_point(utf8, pos));
    }
    out.resize(n);
    return out;
}

std::string body_plain_text(const std::string& markdown) {
    return document_text(parse_markdown(markdown));
}

}  // namespace content::search
