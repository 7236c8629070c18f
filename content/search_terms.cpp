// Term extraction for the body index (see search_terms.h).
#include "content/search_terms.h"

#include <algorithm>
#include <bit>

#include "content/search_text.h"

namespace content {
namespace {

void add_initial_terms(uint32_t here, uint32_t next, std::vector<TermId>& terms) {
    for (uint32_t a = here; a != 0; a &= a - 1) {
        const char first = static_cast<char>('a' + std::countr_zero(a));
        terms.push_back(initial_term(first));
        for (uint32_t b = next; b != 0; b &= b - 1) {
            terms.push_back(
                initial_bigram_term(first, static_cast<char>('a' + std::countr_zero(b))));
        }
    }
}

}  // namespace

std::vector<TermId> text_terms(const std::u32string& folded) {
    std::vector<TermId> terms;
    terms.reserve(folded.size() * 4);
    pinyin::Readings next = folded.empty() ? pinyin::Readings{} : pinyin::readings(folded[0]);
    for (size_t i = 0; i < folded.size(); ++i) {
        const char32_t c = folded[i];
        const pinyin::Readings here = next;
        const bool has_next = i + 1 < folded.size() && !is_fold_space(folded[i + 1]);
        next = i + 1 < folded.size() ? pinyin::readings(folded[i + 1]) : pinyin::Readings{};
        if (is_fold_space(c)) {
            continue;
        }
        terms.push_back(char_term(c));
        if (has_next) {
            terms.push_back(bigram_term(c, folded[i + 1]));
        }
        for (size_t r = 0; r < here.size(); ++r) {
            terms.push_back(syllable_term(here[r]));
            for (size_t s = 0; s < next.size(); ++s) {
                terms.push_back(syllable_bigram_term(here[r], next[s]));
            }
        }
        add_initial_terms(here.empty() ? 0 : pinyin::initial_mask(c),
                          next.empty() ? 0 : pinyin::initial_mask(folded[i + 1]), terms);
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

}  // namespace content
