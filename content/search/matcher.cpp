// Matching query conditions (see search_matcher.h).
#include "content/search/matcher.h"

#include <algorithm>

namespace content::search {
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

Candidates literal_candidates(const std::u32string& term, Field field, PostingReader& postings) {
    if (term.size() == 1) {
        return {postings.fetch(in_field(field, char_term(term[0]))), true};
    }
    std::vector<TermId> pairs;
    for (size_t i = 0; i + 1 < term.size(); ++i) {
        pairs.push_back(in_field(field, bigram_term(term[i], term[i + 1])));
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

// Titles holding one piece: by its syllable, by its initial, or by every syllable it starts.
Candidates single_piece_candidates(const PinyinPiece& piece, PostingReader& postings) {
    Candidates out{DocSet(postings.capacity()), true};
    if (piece.kind == PieceKind::Whole) {
        out.docs = postings.fetch(in_field(Field::Title, syllable_term(piece.syllable)));
    } else if (piece.kind == PieceKind::Initial) {
        out.docs = postings.fetch(in_field(Field::Title, initial_term(piece.letters)));
    } else {
        for (pinyin::SyllableId s = 0; s < pinyin::syllable_count(); ++s) {
            if (pinyin::syllable_text(s).starts_with(piece.letters)) {
                out.docs |= postings.fetch(in_field(Field::Title, syllable_term(s)));
            }
        }
    }
    return out;
}

Candidates pinyin_candidates(const PinyinQuery& query, Field field, PostingReader& postings) {
    Candidates out{DocSet(postings.capacity()), true};
    for (const PinyinSplit& split : query.splits) {
        if (split.size() == 1) {
            if (field == Field::Title) {
                Candidates one = single_piece_candidates(split[0], postings);
                out.docs |= one.docs;
                out.exact = out.exact && one.exact;
            }
            continue;
        }
        std::vector<TermId> pairs;
        for (size_t i = 0; i + 1 < split.size(); ++i) {
            pairs.push_back(in_field(field, pair_term(split[i], split[i + 1])));
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

bool text_matches(const Condition& condition, std::u32string_view folded) {
    return !text_spans(condition, folded, 1).empty();
}

CharSpans text_spans(const Condition& condition, std::u32string_view folded, size_t max) {
    if (!condition.pinyin) {
        return literal_spans(folded, condition.term, max);
    }
    return find_pinyin(folded, *condition.pinyin, max);
}

Candidates candidates(const Condition& condition, Field field, PostingReader& postings) {
    if (condition.pinyin) {
        return pinyin_candidates(*condition.pinyin, field, postings);
    }
    return literal_candidates(condition.term, field, postings);
}

}  // namespace content::search
