// Matching query conditions (see search_matcher.h).
#include "content/search_matcher.h"

#include <algorithm>

namespace content {
namespace {

CharSpans literal_spans(std::u32string_view text, std::u32string_view term, size_t max) {
    CharSpans out;
    for (size_t at = text.find(term); at != std::u32string_view::npos && out.size() < max;
         at = text.find(term, at + term.size())) {
        out.emplace_back(at, at + term.size());
    }
    return out;
}

// Documents holding every term of `terms` (stopping early when none is left).
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

// The index term for two neighbouring pieces: their syllables when both are whole, otherwise
// their first letters.
TermId pair_term(const PinyinPiece& a, const PinyinPiece& b) {
    if (a.kind == PieceKind::Whole && b.kind == PieceKind::Whole) {
        return syllable_bigram_term(a.syllable, b.syllable);
    }
    return initial_bigram_term(a.letters[0], b.letters[0]);
}

bool pair_is_exact(const PinyinPiece& a, const PinyinPiece& b) {
    const bool whole = a.kind == PieceKind::Whole && b.kind == PieceKind::Whole;
    return whole || (a.kind == PieceKind::Initial && b.kind == PieceKind::Initial &&
                     a.letters.size() == 1 && b.letters.size() == 1);
}

BodyCandidates pinyin_candidates(const PinyinQuery& query, PostingReader& postings) {
    BodyCandidates out{DocSet(postings.capacity()), true};
    for (const PinyinSplit& split : query.splits) {
        if (split.size() < 2) {
            continue;
        }
        std::vector<TermId> pairs;
        for (size_t i = 0; i + 1 < split.size(); ++i) {
            pairs.push_back(pair_term(split[i], split[i + 1]));
        }
        out.docs |= intersect_all(std::move(pairs), postings);
        out.exact = out.exact && split.size() == 2 && pair_is_exact(split[0], split[1]);
    }
    return out;
}

}  // namespace

std::vector<Alternative> alternatives_of(const ParsedQuery& query) {
    std::vector<Alternative> out;
    if (!query.terms.empty()) {
        Alternative literal;
        for (const std::u32string& term : query.terms) {
            literal.conditions.push_back({term, std::nullopt});
        }
        out.push_back(std::move(literal));
    }
    if (query.pinyin) {
        out.push_back({{Condition{{}, query.pinyin}}, true});
    }
    return out;
}

bool title_matches(const Condition& condition, std::u32string_view folded_title) {
    if (!condition.pinyin) {
        return folded_title.find(condition.term) != std::u32string_view::npos;
    }
    for (size_t i = 0; i < folded_title.size(); ++i) {
        if (pinyin_match_at(folded_title, i, *condition.pinyin) > 0) {
            return true;
        }
    }
    return false;
}

CharSpans title_spans(const Condition& condition, std::u32string_view folded_title, size_t max) {
    return body_spans(condition, folded_title, max);
}

bool body_matches(const Condition& condition, std::u32string_view folded_body) {
    return !body_spans(condition, folded_body, 1).empty();
}

CharSpans body_spans(const Condition& condition, std::u32string_view folded_body, size_t max) {
    if (!condition.pinyin) {
        return literal_spans(folded_body, condition.term, max);
    }
    return find_pinyin(folded_body, *condition.pinyin, max);
}

BodyCandidates body_candidates(const Condition& condition, PostingReader& postings) {
    if (condition.pinyin) {
        return pinyin_candidates(*condition.pinyin, postings);
    }
    return literal_candidates(condition.term, postings);
}

}  // namespace content
