// Matching query conditions (see search_matcher.h).
#include "content/search/matcher.h"

#include <algorithm>

#include "content/search/terms.h"

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

std::string literal_expression(const std::u32string& term) {
    if (term.size() == 1) {
        return fts_string(char_term(term[0]));
    }
    std::string out;
    for (size_t i = 0; i + 1 < term.size(); ++i) {
        out += (i ? " + " : "") + fts_string(bigram_term(term[i], term[i + 1]));
    }
    return out;
}

// The reading-pair term (or term prefix) two neighbouring pieces must match: both first letters,
// then, after a whole syllable, its rest and what is known of the next piece.
std::string pair_expression(const PinyinPiece& a, const PinyinPiece& b) {
    std::string term{k_pair_mark, a.letters[0], b.letters[0]};
    bool prefix = true;
    if (a.kind == PieceKind::Whole) {
        term.append(a.letters, 1);
        term += k_rest_separator;
        term.append(b.letters, 1);
        prefix = b.kind != PieceKind::Whole;
    }
    return fts_string(term) + (prefix ? "*" : "");
}

// Whether the pair terms check every piece wholly, not only by its first letter.
bool pairs_are_exact(const PinyinSplit& split) {
    for (size_t k = 0; k < split.size(); ++k) {
        const bool first_half = k + 1 < split.size() && split[k].kind == PieceKind::Whole;
        const bool second_half = k > 0 && split[k - 1].kind == PieceKind::Whole;
        const bool letter = split[k].kind == PieceKind::Initial && split[k].letters.size() == 1;
        if (!first_half && !second_half && !letter) {
            return false;
        }
    }
    return true;
}

// A title holding one piece: by its syllable, by its initial, or by every syllable it starts.
std::string single_piece_expression(const PinyinPiece& piece) {
    switch (piece.kind) {
        case PieceKind::Whole:
            return fts_string(syllable_term(piece.letters));
        case PieceKind::Initial:
            return fts_string(initial_term(piece.letters));
        case PieceKind::Prefix:
            break;
    }
    return fts_string(syllable_term(piece.letters)) + "*";
}

ConditionQuery pinyin_query(const PinyinQuery& query, Field field) {
    ConditionQuery out;
    for (const PinyinSplit& split : query.splits) {
        std::string expression;
        if (split.size() == 1) {
            if (field != Field::Title) {
                continue;
            }
            expression = single_piece_expression(split[0]);
        } else {
            for (size_t i = 0; i + 1 < split.size(); ++i) {
                expression += (i ? " + " : "") + pair_expression(split[i], split[i + 1]);
            }
            out.exact = out.exact && pairs_are_exact(split);
        }
        out.expression += (out.expression.empty() ? "(" : " OR (") + expression + ")";
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

ConditionQuery condition_query(const Condition& condition, Field field) {
    if (condition.pinyin) {
        return pinyin_query(*condition.pinyin, field);
    }
    return {literal_expression(condition.term), true};
}

Candidates candidates(const Condition& condition, Field field, FtsReader& index) {
    ConditionQuery query = condition_query(condition, field);
    return {index.match(field, query.expression), query.exact};
}

}  // namespace content::search
