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

struct SearchRequest {
    std::string query;
    SearchFilter filter;
    int64_t now = 0;  // Unix seconds: only notices live at this time are found
    size_t offset = 0;
    size_t limit = 20;
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
    size_t total = 0;             // every match, exactly
};

class SearchError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

// Searches one content.db through the caller's connection (read-only is fine; the FTS5 tokenizer
// is registered on it). Keeps the titles and dates of every notice in memory (about 150 bytes a
// notice) and asks the FTS5 tables for the rest; reads bodies only for the page's excerpts and to
// confirm the few pinyin queries the index cannot decide. Not thread-safe.
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
