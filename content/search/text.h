// Text as search sees it: code points folded for matching (case, full-width forms, spaces),
// each remembering its byte offset in the original UTF-8 so matches can be highlighted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/utf8.h"

namespace content::search {

struct FoldedText {
    std::u32string chars;           // folded code points
    std::vector<uint32_t> offsets;  // byte offset of each char in the original, then its size
};

// Decodes one code point at `pos` and advances it; invalid bytes decode as U+FFFD, one byte each.
char32_t next_code_point(std::string_view text, size_t& pos);

// Lower-case ASCII; full-width ASCII forms (Ａ１：) as ASCII; every kind of space as ' '.
char32_t fold_char(char32_t c);
// Space after folding.
inline bool is_fold_space(char32_t c) {
    return c == U' ';
}
// Spaces and punctuation that no one searches for (，。、“”《》— and the like): no term spans
// one, and a query is cut into terms at one. Kept: what times, numbers and addresses use
// (9:30, 0571-869…, 3.5, a/b, @, #, %, +, =).
bool is_separator(char32_t folded);
inline bool is_ascii_letter(char32_t c) {
    return c >= U'a' && c <= U'z';
}

FoldedText fold_text(std::string_view utf8);
std::u32string fold_string(std::string_view utf8);

// The readable text of a Markdown notice body: what bodies are indexed and excerpted from.
std::string body_plain_text(const std::string& markdown);

}  // namespace content::search
