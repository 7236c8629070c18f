// What the searcher keeps in memory about every indexed notice: the facts its filters need, its
// title (to confirm matches the index cannot be sure of), and the order of newest first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/category.h"
#include "content/search/doc_set.h"
#include "content/sqlite.h"

namespace content::search {

struct SearchFilter {
    std::optional<Category> category;
    std::optional<int64_t> published_from;   // inclusive, Unix seconds
    std::optional<int64_t> published_until;  // exclusive
    bool operator==(const SearchFilter&) const = default;
};

struct CatalogEntry {
    std::string notice_id;
    std::string title;
    Category category = Category::Announcement;
    int64_t published_at = 0;
    int64_t shown_from = 0;   // starts_at, or published_at
    int64_t shown_until = 0;  // expires_at, or never (INT64_MAX)
    bool quarantined = false;
    bool present = false;      // false: a document number no longer in use
    uint32_t title_begin = 0;  // the folded title in SearchCatalog::titles()
    uint32_t title_end = 0;
};

class SearchCatalog {
public:
    // Reads every indexed notice (search_docs joined with notices).
    void load(Database& db);

    // One past the highest document number in use: the size of document sets.
    size_t capacity() const { return m_entries.size(); }
    const CatalogEntry& entry(DocId doc) const { return m_entries[doc]; }
    std::u32string_view folded_title(DocId doc) const;
    // Notices in use, newest first (ties by id), so results need no sorting.
    const std::vector<DocId>& newest_first() const { return m_newest_first; }
    size_t size() const { return m_newest_first.size(); }

    // Notices shown at `now` (live, not quarantined) that pass the filter. The last answer is
    // kept: it holds until the next start or expiry, and the kiosk asks again at every key tap.
    const DocSet& shown(const SearchFilter& filter, int64_t now) const;

private:
    struct ShownCache {
        SearchFilter filter;
        int64_t valid_from = 0;  // the answer holds for now in [valid_from, valid_until)
        int64_t valid_until = 0;
        DocSet docs;
    };

    std::vector<CatalogEntry> m_entries;  // by document number
    std::u32string m_titles;              // folded titles, each followed by U+0000
    std::vector<DocId> m_newest_first;
    mutable std::optional<ShownCache> m_shown;
};

}  // namespace content::search
