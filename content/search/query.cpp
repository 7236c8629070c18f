// Query parsing (see search_query.h).
#include "content/search/query.h"

#include "content/search/text.h"

namespace content::search {
namespace {

constexpr size_t k_max_terms = 8;
constexpr size_t k_max_term_chars = 32;

}  // namespace

ParsedQuery parse_query(std::string_view query) {
    ParsedQuery parsed;
    const std::u32string folded = fold_string(query);
    std::u32string term;
    auto finish_term = [&] {
        if (!term.empty() && parsed.terms.size() < k_max_terms) {
            parsed.terms.push_back(term.substr(0, k_max_term_chars));
        }
        term.clear();
    };
    for (char32_t c : folded) {
        if (is_separator(c)) {
            finish_term();
        } else {
            term += c;
        }
    }
    finish_term();
    parsed.pinyin = parse_pinyin_query(folded);
    return parsed;
}

}  // namespace content::search
