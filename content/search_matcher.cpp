// Matching query conditions (see search_matcher.h).
#include "content/search_matcher.h"

#include <algorithm>

namespace content {
namespace {

// More ways to cut a pinyin string into syllables than this are not tried ("xian": xian, xi an).
constexpr size_t k_max_splits = 8;

CharSpans literal_spans(std::u32string_view text, std::u32string_view term, size_t max) {
    CharSpans out;
    for (size_t at = text.find(term); at != std::u32string_view::npos && out.size() < max;
         at = text.find(term, at + term.size())) {
        out.emplace_back(at, at + term.size());
    }
    return out;
}

// Documents holding every term of `terms` (the smallest set first, stopping when empty).
DocSet intersect_all(std::vector<TermId> terms, PostingReader& postings) {
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    DocSet out = postings.fetch(terms.front());
    for (size_t i = 1; i < terms.size() && !out.empty(); ++i) {
        out &= postings.fetch(terms[i]);
    }
    return out;
}

BodyCandidates literal_candidates(const std::u32string& term, PostingReader& postings) {
    if (term.size() == 1) {
        return {postings.fetch(char_term(term[0])), true};
    }
    std::vector<TermId> pairs;
    for (size_t i = 0; i + 1 < term.size(); ++i) {
        pairs.push_back(bigram_term(term[i], term[i + 1]));
    }
    return {intersect_all(std::move(pairs), postings), term.size() == 2};
}

BodyCandidates initials_candidates(const PinyinQuery& query, PostingReader& postings) {
    BodyCandidates out{DocSet(postings.capacity()), query.letters.size() == 1};
    for (const std::string& initials : prefix_split_initials(query, k_max_splits)) {
        if (initials.size() == 1) {
            out.docs |= postings.fetch(initial_term(initials[0]));
            continue;
        }
        std::vector<TermId> pairs;
        for (size_t i = 0; i + 1 < initials.size(); ++i) {
            pairs.push_back(initial_bigram_term(initials[i], initials[i + 1]));
        }
        out.docs |= intersect_all(std::move(pairs), postings);
    }
    return out;
}

BodyCandidates pinyin_candidates(const PinyinQuery& query, PostingReader& postings) {
    BodyCandidates out{DocSet(postings.capacity()), true};
    for (const auto& split : whole_syllable_splits(query, k_max_splits)) {
        if (split.size() == 1) {
            out.docs |= postings.fetch(syllable_term(split[0]));
            continue;
        }
        std::vector<TermId> pairs;
        for (size_t i = 0; i + 1 < split.size(); ++i) {
            pairs.push_back(syllable_bigram_term(split[i], split[i + 1]));
        }
        out.docs |= intersect_all(std::move(pairs), postings);
        out.exact = out.exact && split.size() == 2;
    }
    return out;
}

}  // namespace

std::vector<Alternative> alternatives_of(const ParsedQuery& query) {
    std::vector<Alternative> out;
    if (!query.terms.empty()) {
        Alternative literal;
        for (const std::u32string& term : query.terms) {
            literal.conditions.push_back({term, std::nullopt, SyllableMatch::Whole});
        }
        out.push_back(std::move(literal));
    }
    if (query.pinyin) {
        const bool whole = !whole_syllable_splits(*query.pinyin, 1).empty();
        out.push_back(
            {{Condition{{}, query.pinyin, whole ? SyllableMatch::Whole : SyllableMatch::Prefix}},
             true});
    }
    return out;
}

bool title_matches(const Condition& condition, std::u32string_view folded_title) {
    if (!condition.pinyin) {
        return folded_title.find(condition.term) != std::u32string_view::npos;
    }
    const PinyinQuery& q = *condition.pinyin;
    const uint32_t first = 1u << (q.letters[0] - 'a');
    for (size_t i = 0; i < folded_title.size(); ++i) {
        const char32_t c = folded_title[i];
        const bool may_start = c < 0x80 ? c == static_cast<char32_t>(q.letters[0])
                                        : (pinyin::initial_mask(c) & first) != 0;
        if (may_start && pinyin_match_at(folded_title, i, q, SyllableMatch::Prefix) > 0) {
            return true;
        }
    }
    return false;
}

CharSpans title_spans(const Condition& condition, std::u32string_view folded_title, size_t max) {
    if (!condition.pinyin) {
        return literal_spans(folded_title, condition.term, max);
    }
    return find_pinyin(folded_title, *condition.pinyin, SyllableMatch::Prefix, max);
}

bool body_matches(const Condition& condition, std::u32string_view folded_body) {
    return !body_spans(condition, folded_body, 1).empty();
}

CharSpans body_spans(const Condition& condition, std::u32string_view folded_body, size_t max) {
    if (!condition.pinyin) {
        return literal_spans(folded_body, condition.term, max);
    }
    return find_pinyin(folded_body, *condition.pinyin, condition.body_match, max);
}

BodyCandidates body_candidates(const Condition& condition, PostingReader& postings) {
    if (condition.pinyin) {
        return condition.body_match == SyllableMatch::Whole
                   ? pinyin_candidates(*condition.pinyin, postings)
                   : initials_candidates(*condition.pinyin, postings);
    }
    return literal_candidates(condition.term, postings);
}

}  // namespace content
