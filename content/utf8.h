// UTF-8 for content/ (search, safety, validation): one strict decoder and one encoder, so every
// module agrees on what is valid. (display/ keeps its own: it may not depend on content/.)
#pragma once

#include <string>
#include <string_view>

namespace content {

// Decodes the code point at `pos` and advances `pos` past it. An invalid sequence (a stray or
// truncated byte, an overlong form, a surrogate, beyond U+10FFFF) decodes as U+FFFD with `valid`
// false and advances by exactly one byte, so offsets always move forward.
char32_t decode_utf8_at(std::string_view text, size_t& pos, bool& valid);
void append_utf8(std::string& out, char32_t c);
std::string to_utf8(std::u32string_view text);
// The whole text as code points, invalid sequences as U+FFFD (decode_utf8_at's rule).
std::u32string from_utf8(std::string_view text);

}  // namespace content
