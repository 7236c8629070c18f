// What a resident typed, read for search: literal terms, and possibly pinyin.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/search/pinyin.h"

namespace content::search {

struct ParsedQuery {
    // Folded pieces between spaces and punctuation; a notice must contain every one ("停水 桂园").
    std::vector<std::u32string> terms;
    // Set when the query is Latin letters that may be pinyin ("yibao", "zcjd", "yi bao"); a notice
    // then also matches by pinyin. "aed" is both: letters AED, or 阿尔丁... by initials.
    std::optional<PinyinQuery> pinyin;

    bool empty() const { return terms.empty() && !pinyin; }
};

// At most 8 terms of 32 characters are kept; the rest of a longer query is ignored.
ParsedQuery parse_query(std::string_view query);

}  // namespace content::search
