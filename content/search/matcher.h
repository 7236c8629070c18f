// The conditions a query puts on a notice, how each is found in the index (an FTS5 expression
// over the terms of terms.h), and how it is found in a text (to confirm, and to highlight).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/search/fts_reader.h"
#include "content/search/pinyin.h"
#include "content/search/query.h"

namespace content::search {

using CharSpans = std::vector<std::pair<size_t, size_t>>;  // [begin, end) character indices

// One thing a notice must contain: a literal term, or a phrase typed as pinyin.
struct Condition {
    std::u32string term;                // literal, when pinyin is unset
    std::optional<PinyinQuery> pinyin;  // pinyin phrase
};

// One reading of the query: a notice matches it when it contains every condition, each in its
// title or its body.
struct Alternative {
    std::vector<Condition> conditions;
    bool pinyin = false;
};

// The literal terms (if any), then the pinyin reading (if the query is Latin letters).
std::vector<Alternative> alternatives_of(const ParsedQuery& query);

// Whether a folded title or body holds the condition, and where.
bool text_matches(const Condition& condition, std::u32string_view folded);
CharSpans text_spans(const Condition& condition, std::u32string_view folded, size_t max);

// How the index finds a condition in one field: an FTS5 expression (empty: nothing can match)
// and whether every document it finds surely holds the condition.
struct ConditionQuery {
    std::string expression;
    bool exact = true;
};

// Literal terms are exact: one character is its term, longer ones the phrase of their pairs of
// neighbours. Pinyin is a phrase of reading pairs, one per split of the letters, exact unless a
// piece is checked by its first letter only (zh/ch/sh as an initial anywhere but after a whole
// syllable; a whole syllable or a start of one last, after an initial). A single piece (one
// syllable, initial or start of a syllable) is matched in titles only: in bodies it would match
// nearly every notice.
ConditionQuery condition_query(const Condition& condition, Field field);

struct Candidates {
    DocSet docs;
    bool exact = true;  // every candidate surely matches; otherwise each must be checked
};

Candidates candidates(const Condition& condition, Field field, FtsReader& index);

}  // namespace content::search
