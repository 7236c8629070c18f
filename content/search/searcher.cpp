// The searcher: evaluates each reading of a query into document sets (FTS5 queries), walks them
// newest first tier by tier, confirms the candidates the index cannot decide, and cuts the page's
// excerpts. Every total is exact.
#include "content/search/searcher.h"

#include <algorithm>

#include "content/search/body_cache.h"
#include "content/search/fts_reader.h"
#include "content/search/matcher.h"
#include "content/search/query.h"

namespace content::search {
namespace {

constexpr size_t k_max_spans = 16;

struct ConditionSets {
    DocSet title;  // notices whose title holds the condition (confirmed)
    Candidates body;
};

// One alternative evaluated over the notices shown.
struct AlternativeSets {
    const Alternative* alternative = nullptr;
    std::vector<ConditionSets> conditions;
    DocSet title;    // every condition in the title
    DocSet matched;  // every condition in the title or among the body candidates
    bool exact = true;
};

struct PageEntry {
    DocId doc = 0;
    MatchTier tier = MatchTier::Body;
    const AlternativeSets* why = nullptr;
};

// Shown notices whose title holds the condition: candidates from the index, confirmed against
// the titles in memory when the index cannot be sure.
DocSet titles_matching(const Condition& condition, const DocSet& shown,
                       const SearchCatalog& catalog, FtsReader& index) {
    Candidates found = candidates(condition, Field::Title, index);
    found.docs &= shown;
    if (found.exact) {
        return std::move(found.docs);
    }
    DocSet out(catalog.capacity());
    found.docs.for_each([&](DocId doc) {
        if (text_matches(condition, catalog.folded_title(doc))) {
            out.insert(doc);
        }
    });
    return out;
}

AlternativeSets evaluate(const Alternative& alternative, const DocSet& shown,
                         const SearchCatalog& catalog, FtsReader& index) {
    AlternativeSets sets;
    sets.alternative = &alternative;
    sets.title = shown;
    sets.matched = shown;
    for (const Condition& condition : alternative.conditions) {
        ConditionSets c{titles_matching(condition, shown, catalog, index),
                        candidates(condition, Field::Body, index)};
        sets.title &= c.title;
        DocSet either = c.title;
        either |= c.body.docs;
        sets.matched &= either;
        sets.exact = sets.exact && c.body.exact;
        sets.conditions.push_back(std::move(c));
    }
    return sets;
}

// Whether some condition of `sets` that `doc` lacks in its title needs its body read.
bool needs_body(const AlternativeSets& sets, DocId doc) {
    for (const ConditionSets& c : sets.conditions) {
        if (!c.title.contains(doc) && !c.body.exact) {
            return true;
        }
    }
    return false;
}

// Whether `doc`, a candidate of `sets`, really holds every condition not already in its title.
bool confirmed(const AlternativeSets& sets, DocId doc, const SearchBody& body) {
    for (size_t i = 0; i < sets.conditions.size(); ++i) {
        const ConditionSets& c = sets.conditions[i];
        if (c.title.contains(doc) || c.body.exact) {
            continue;
        }
        if (!text_matches(sets.alternative->conditions[i], body.folded.chars)) {
            return false;
        }
    }
    return true;
}

// The alternative `doc` matches by, if any; its body is read only when the index cannot decide.
const AlternativeSets* judge(DocId doc, const std::vector<AlternativeSets>& alternatives,
                             const SearchCatalog& catalog, SearchBodyCache& bodies) {
    for (const AlternativeSets& sets : alternatives) {
        if (sets.matched.contains(doc) && !needs_body(sets, doc)) {
            return &sets;
        }
    }
    const SearchBody& body = bodies.get(doc, catalog.entry(doc).notice_id);
    for (const AlternativeSets& sets : alternatives) {
        if (sets.matched.contains(doc) && confirmed(sets, doc, body)) {
            return &sets;
        }
    }
    return nullptr;
}

// Collects the page while counting, tier after tier.
class PageWalker {
public:
    PageWalker(const SearchRequest& request, const SearchCatalog& catalog)
        : m_request(request), m_catalog(catalog) {}

    void exact_tier(const DocSet& docs, MatchTier tier, const AlternativeSets* why);
    void body_tier(const DocSet& docs, const std::vector<AlternativeSets>& alternatives,
                   SearchBodyCache& bodies);

    std::vector<PageEntry> page;
    size_t found = 0;

private:
    void take(DocId doc, MatchTier tier, const AlternativeSets* why);
    bool page_full() const { return found >= m_request.offset + m_request.limit; }

    const SearchRequest& m_request;
    const SearchCatalog& m_catalog;
};

void PageWalker::take(DocId doc, MatchTier tier, const AlternativeSets* why) {
    if (found >= m_request.offset && !page_full()) {
        page.push_back({doc, tier, why});
    }
    ++found;
}

void PageWalker::exact_tier(const DocSet& docs, MatchTier tier, const AlternativeSets* why) {
    const size_t before = found;
    const size_t total = docs.count();
    if (!page_full()) {
        for (DocId doc : m_catalog.newest_first()) {
            if (docs.contains(doc)) {
                take(doc, tier, why);
                if (page_full()) {
                    break;
                }
            }
        }
    }
    found = before + total;
}

void PageWalker::body_tier(const DocSet& docs, const std::vector<AlternativeSets>& alternatives,
                           SearchBodyCache& bodies) {
    for (DocId doc : m_catalog.newest_first()) {
        if (docs.contains(doc)) {
            if (const AlternativeSets* why = judge(doc, alternatives, m_catalog, bodies)) {
                take(doc, MatchTier::Body, why);
            }
        }
    }
}

}  // namespace

struct Searcher::Impl {
    Impl(Database& db, SearchCatalog loaded)
        : catalog(std::move(loaded)), index(db, catalog.capacity()), bodies(db) {}

    SearchCatalog catalog;
    FtsReader index;
    SearchBodyCache bodies;
};

namespace {

SearchHit make_hit(const PageEntry& entry, const SearchCatalog& catalog, SearchBodyCache& bodies,
                   size_t excerpt_chars) {
    const CatalogEntry& e = catalog.entry(entry.doc);
    SearchHit hit{e.notice_id, e.category, e.title, e.published_at, entry.tier, {}, {}, {}};
    const FoldedText title = fold_text(e.title);
    const SearchBody& body = bodies.get(entry.doc, e.notice_id);
    CharSpanList in_title;
    CharSpanList in_body;
    for (const Condition& condition : entry.why->alternative->conditions) {
        for (const auto& span : text_spans(condition, title.chars, k_max_spans)) {
            in_title.push_back(span);
        }
        for (const auto& span : text_spans(condition, body.folded.chars, k_max_spans)) {
            in_body.push_back(span);
        }
    }
    hit.title_spans = byte_spans(title, std::move(in_title));
    Excerpt excerpt = make_excerpt(body.text, body.folded, in_body, excerpt_chars);
    hit.excerpt = std::move(excerpt.text);
    hit.excerpt_spans = std::move(excerpt.spans);
    return hit;
}

}  // namespace

Searcher::Searcher(Database& db) : m_db(db) {
    load();
}

Searcher::~Searcher() = default;

void Searcher::load() {
    try {
        m_status = search_index_status(m_db);
    } catch (const DatabaseError& e) {
        throw SearchError(std::string("content.db has no search index (") + e.what() +
                          "); kiosk-syncd creates it when it next runs");
    }
    if (m_status.format != k_search_index_format) {
        throw SearchError(
            m_status.format == 0
                ? "the search index has not been built yet; kiosk-syncd builds it when it starts"
                : "the search index is of another version; kiosk-syncd rebuilds it when it "
                  "starts");
    }
    SearchCatalog catalog;
    catalog.load(m_db);
    m_impl = std::make_unique<Impl>(m_db, std::move(catalog));
    m_data_version = m_db.pragma_int("data_version") + sqlite3_total_changes64(m_db.handle());
}

bool Searcher::refresh() {
    // data_version moves when another connection commits; total_changes when this one writes.
    const int64_t version =
        m_db.pragma_int("data_version") + sqlite3_total_changes64(m_db.handle());
    if (version == m_data_version) {
        return false;
    }
    m_data_version = version;
    // Most commits (kiosk-syncd noting a poll) leave the notices as they were.
    if (search_index_generation(m_db) == m_status.generation) {
        return false;
    }
    load();
    return true;
}

SearchResult Searcher::search(const SearchRequest& request) {
    refresh();
    SearchResult result;
    const ParsedQuery query = parse_query(request.query);
    if (query.empty() || request.limit == 0) {
        return result;
    }
    const SearchCatalog& catalog = m_impl->catalog;
    const DocSet& shown = catalog.shown(request.filter, request.now);
    const std::vector<Alternative> alternatives = alternatives_of(query);
    std::vector<AlternativeSets> sets;
    sets.reserve(alternatives.size());
    for (const Alternative& alternative : alternatives) {
        sets.push_back(evaluate(alternative, shown, catalog, m_impl->index));
    }

    // Tiers: literal title matches, then pinyin title matches, then body matches.
    const AlternativeSets* literal = nullptr;
    const AlternativeSets* by_pinyin = nullptr;
    DocSet literal_title(catalog.capacity());
    DocSet pinyin_title(catalog.capacity());
    DocSet body(catalog.capacity());
    for (const AlternativeSets& s : sets) {
        (s.alternative->pinyin ? by_pinyin : literal) = &s;
        (s.alternative->pinyin ? pinyin_title : literal_title) |= s.title;
        body |= s.matched;
    }
    pinyin_title.subtract(literal_title);
    body.subtract(literal_title).subtract(pinyin_title);

    PageWalker walker(request, catalog);
    walker.exact_tier(literal_title, MatchTier::Title, literal);
    walker.exact_tier(pinyin_title, MatchTier::TitlePinyin, by_pinyin);
    walker.body_tier(body, sets, m_impl->bodies);

    for (const PageEntry& entry : walker.page) {
        result.hits.push_back(make_hit(entry, catalog, m_impl->bodies, request.excerpt_chars));
    }
    result.total = walker.found;
    return result;
}

}  // namespace content::search
