// Term extraction for the search index (see search_terms.h).
#include "content/search/terms.h"

#include <algorithm>
#include <bit>

#include "content/search/text.h"

namespace content::search {
namespace {

void add_initial_pairs(uint32_t here, uint32_t next, std::vector<TermId>& terms) {
    for (uint32_t a = here; a != 0; a &= a - 1) {
        const char first = static_cast<char>('a' + std::countr_zero(a));
        for (uint32_t b = next; b != 0; b &= b - 1) {
            terms.push_back(
                initial_bigram_term(first, static_cast<char>('a' + std::countr_zero(b))));
        }
    }
}

void add_reading_pairs(pinyin::Readings here, pinyin::Readings next, std::vector<TermId>& terms) {
    for (size_t r = 0; r < here.size(); ++r) {
        for (size_t s = 0; s < next.size(); ++s) {
            terms.push_back(syllable_bigram_term(here[r], next[s]));
        }
    }
}

void add_singles(char32_t c, std::vector<TermId>& terms) {
    const pinyin::Readings readings = pinyin::readings(c);
    for (size_t r = 0; r < readings.size(); ++r) {
        terms.push_back(syllable_term(readings[r]));
    }
    for (size_t r = 0; r < readings.size(); ++r) {
        const std::string_view syllable = pinyin::syllable_text(readings[r]);
        terms.push_back(initial_term(syllable.substr(0, 1)));
        if (syllable.size() > 1 && syllable[1] == 'h') {
            terms.push_back(initial_term(syllable.substr(0, 2)));  // zh ch sh (and nothing else)
        }
    }
}

}  // namespace

std::vector<TermId> text_terms(const std::u32string& folded, Field field) {
    std::vector<TermId> terms;
    terms.reserve(folded.size() * 3);
    for (size_t i = 0; i < folded.size(); ++i) {
        const char32_t c = folded[i];
        if (is_separator(c)) {
            continue;
        }
        terms.push_back(char_term(c));
        if (field == Field::Title) {
            add_singles(c, terms);
        }
        if (i + 1 == folded.size() || is_separator(folded[i + 1])) {
            continue;
        }
        const char32_t d = folded[i + 1];
        terms.push_back(bigram_term(c, d));
        const pinyin::Readings here = pinyin::readings(c);
        const pinyin::Readings next = pinyin::readings(d);
        if (!here.empty() && !next.empty()) {
            add_reading_pairs(here, next, terms);
            add_initial_pairs(pinyin::initial_mask(c), pinyin::initial_mask(d), terms);
        }
    }
    for (TermId& term : terms) {
        term = in_field(field, term);
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

}  // namespace content::search
