// What a search must find, worked out the slow way from the texts alone (no index): the notices
// shown at `now` holding every condition of some reading of the query in their title or body,
// ranked as the searcher ranks. Shared by the brute-force comparison test and bench_search.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "content/notice.h"
#include "content/search/catalog.h"
#include "content/search/pinyin.h"
#include "content/search/query.h"
#include "content/search/text.h"

namespace reference {

struct Text {
    content::Notice notice;  // body unused
    bool quarantined = false;
    std::u32string title;  // folded
    std::u32string body;   // folded body_plain_text
};

inline Text make_text(const content::Notice& n, bool quarantined) {
    return {n, quarantined, content::search::fold_string(n.title),
            content::search::fold_string(content::search::body_plain_text(n.body))};
}

// Whether some split of the letters can be typed, one piece per character, at some place of the
// text. A single piece counts in titles only.
inline bool holds_pinyin(std::u32string_view text, const content::search::PinyinQuery& query,
                         bool title) {
    for (const content::search::PinyinSplit& split : query.splits) {
        if ((split.size() == 1 && !title) || split.size() > text.size()) {
            continue;
        }
        for (size_t i = 0; i + split.size() <= text.size(); ++i) {
            size_t k = 0;
            while (k < split.size() && content::search::piece_matches(text[i + k], split[k])) {
                ++k;
            }
            if (k == split.size()) {
                return true;
            }
        }
    }
    return false;
}

enum class Where { Nowhere, Title, Anywhere };

inline bool in(const Text& t, const std::u32string& term, Where where) {
    return t.title.find(term) != std::u32string::npos ||
           (where == Where::Anywhere && t.body.find(term) != std::u32string::npos);
}

inline bool shown(const Text& t, const content::search::SearchFilter& filter, int64_t now) {
    return !t.quarantined && content::is_live(t.notice, now) &&
           (!filter.category || t.notice.category == *filter.category) &&
           (!filter.published_from || t.notice.published_at >= *filter.published_from) &&
           (!filter.published_until || t.notice.published_at < *filter.published_until);
}

struct Found {
    int tier;  // 0 literal title, 1 pinyin title, 2 body
    int64_t published_at;
    std::string id;
};

// Ids in rank order: literal title matches, pinyin title matches, the rest; newest first.
inline std::vector<std::string> search(const std::vector<Text>& texts, const std::string& query,
                                       const content::search::SearchFilter& filter, int64_t now) {
    const content::search::ParsedQuery parsed = content::search::parse_query(query);
    std::vector<Found> found;
    for (const Text& t : texts) {
        if (parsed.empty() || !shown(t, filter, now)) {
            continue;
        }
        auto literal = [&](Where where) {
            return !parsed.terms.empty() &&
                   std::all_of(parsed.terms.begin(), parsed.terms.end(),
                               [&](const std::u32string& term) { return in(t, term, where); });
        };
        auto pinyin_title = parsed.pinyin && holds_pinyin(t.title, *parsed.pinyin, true);
        auto pinyin_body = parsed.pinyin && holds_pinyin(t.body, *parsed.pinyin, false);
        int tier = -1;
        if (literal(Where::Title)) {
            tier = 0;
        } else if (pinyin_title) {
            tier = 1;
        } else if (literal(Where::Anywhere) || pinyin_body) {
            tier = 2;
        }
        if (tier >= 0) {
            found.push_back({tier, t.notice.published_at, t.notice.id});
        }
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        if (a.tier != b.tier) {
            return a.tier < b.tier;
        }
        if (a.published_at != b.published_at) {
            return a.published_at > b.published_at;
        }
        return a.id < b.id;
    });
    std::vector<std::string> out;
    for (const Found& f : found) {
        out.push_back(f.id);
    }
    return out;
}

}  // namespace reference
