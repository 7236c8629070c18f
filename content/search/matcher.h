// The conditions a query puts on a notice, and how each is found as
// candidates in the index, and confirmed in the text.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/search/pinyin.h"
#include "content/search/posting_reader.h"
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

struct Candidates {
    DocSet docs;
    bool exact = true;  // every candidate surely matches; otherwise each must be checked
};

// From the index, the documents whose title or body may hold the condition. Exact: one or two
// characters; one or two whole syllables; one or two one-letter initials. Otherwise the
// documents holding every pair of neighbours, which text_matches() confirms. Pinyin of a single
// piece (one syllable, initial or start of a syllable) is matched in titles only: in bodies it
// would match nearly every notice.
Candidates candidates(const Condition& condition, Field field, PostingReader& postings);

}  // namespace content::search
