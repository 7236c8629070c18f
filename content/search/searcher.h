// Search for residents: any query from one character, Chinese or pinyin, over the titles and
// bodies of the notices shown now; ranked, with the spans to highlight. The search screen's API.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "content/category.h"
#include "content/search/catalog.h"
#include "content/search/excerpt.h"
#include "content/search/index.h"
#include "content/sqlite.h"

namespace content::search {

// How many notice bodies a search may read. Queries of three or more characters, pinyin of three
// or more syllables and initials find candidates in the index that must be confirmed in the
// body. FirstPage reads a bounded number (the kiosk wants the page within a frame or two), so
// when few candidates hold the words the page may come out short and the total is estimated;
// Exhaustive reads every candidate (kiosk-query).
enum class Completeness { FirstPage, Exhaustive };

struct SearchRequest {
    std::string query;
    SearchFilter filter;
    int64_t now = 0;  // Unix seconds: only notices live at this time are found
    size_t offset = 0;
    size_t limit = 20;
    Completeness completeness = Completeness::FirstPage;
    size_t excerpt_chars = 48;  // length of the body excerpt, in characters
};

// Why a notice was found, in rank order: literal title matches, then pinyin title matches, then
// body matches; within each, newest first.
enum class MatchTier { Title, TitlePinyin, Body };

struct SearchHit {
    std::string id;
    Category category = Category::Announcement;
    std::string title;
    int64_t published_at = 0;
    MatchTier tier = MatchTier::Body;
    std::vector<TextSpan> title_spans;
    // A line of the body around its first match (or the start of the body), newlines as spaces,
    // "…" where cut; excerpt_spans index into it.
    std::string excerpt;
    std::vector<TextSpan> excerpt_spans;
};

struct SearchResult {
    std::vector<SearchHit> hits;  // the requested page
    size_t total = 0;
    // False when, to stay fast, some candidates were not read: total is then an estimate from
    // the ones that were ("约 N 条"), and the page may hold fewer hits than there are. Always
    // true with Completeness::Exhaustive.
    bool total_exact = true;
};

class SearchError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

// Searches one content.db through the caller's connection (read-only is fine). Keeps the titles
// and dates of every notice in memory (about 150 bytes a notice) and reads postings and bodies
// from the database. Not thread-safe.
class Searcher {
public:
    // Throws SearchError, saying what to do, when the index was never built or is of another
    // format (kiosk-syncd builds it).
    explicit Searcher(Database& db);
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    SearchResult search(const SearchRequest& request);

    // Reloads the catalog when another connection committed since the last load (kiosk-syncd
    // applied an update); returns whether it did. Cheap when nothing changed.
    bool refresh();

    const SearchIndexStatus& status() const { return m_status; }

private:
    struct Impl;
    void load();

    Database& m_db;
    SearchIndexStatus m_status;
    int64_t m_data_version = -1;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace content::search
