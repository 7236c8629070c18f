// The conditions a query puts on a notice, and how each is matched in a title, found as
// candidates in the body index, and checked in a body's text.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/search_pinyin.h"
#include "content/search_posting_reader.h"
#include "content/search_query.h"

namespace content {

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

bool title_matches(const Condition& condition, std::u32string_view folded_title);
CharSpans title_spans(const Condition& condition, std::u32string_view folded_title, size_t max);
bool body_matches(const Condition& condition, std::u32string_view folded_body);
CharSpans body_spans(const Condition& condition, std::u32string_view folded_body, size_t max);

struct BodyCandidates {
    DocSet docs;
    bool exact = true;  // every candidate surely matches; otherwise each must be checked
};

// From the index. Exact: one or two characters; two whole syllables; two one-letter initials.
// Otherwise the documents holding every pair of neighbours, which body_matches() confirms.
// Pinyin of a single piece is matched in titles only: one initial, or one start of a syllable,
// would match nearly every body, and one whole syllable nearly as many.
BodyCandidates body_candidates(const Condition& condition, PostingReader& postings);

}  // namespace content
