// The body cache (see search_body_cache.h): least recently used entries go first.
#include "content/search/body_cache.h"

#include <algorithm>

namespace content::search {

SearchBodyCache::SearchBodyCache(Database& db, size_t capacity)
    : m_read(db.prepare("SELECT body FROM notices WHERE id = ?1")), m_capacity(capacity) {}

const SearchBody& SearchBodyCache::get(DocId doc, const std::string& notice_id) {
    ++m_clock;
    if (auto it = m_entries.find(doc); it != m_entries.end()) {
        it->second.used = m_clock;
        return it->second.body;
    }
    if (m_entries.size() >= m_capacity) {
        auto oldest = std::min_element(
            m_entries.begin(), m_entries.end(),
            [](const auto& a, const auto& b) { return a.second.used < b.second.used; });
        m_entries.erase(oldest);
    }
    m_read.reset();
    m_read.bind(1, notice_id);
    std::string markdown = m_read.step() ? m_read.column_text(0) : std::string();
    m_read.reset();
    Entry& entry = m_entries[doc];
    entry.body.text = body_plain_text(markdown);
    entry.body.folded = fold_text(entry.body.text);
    entry.used = m_clock;
    return entry.body;
}

}  // namespace content::search
