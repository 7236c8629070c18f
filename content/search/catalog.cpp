// Loading the search catalog (see search_catalog.h).
#include "content/search/catalog.h"

#include <algorithm>
#include <limits>

#include "content/search/text.h"

namespace content::search {

void SearchCatalog::load(Database& db) {
    m_entries.clear();
    m_titles.clear();
    m_newest_first.clear();
    m_shown.reset();
    // Through the covering index: the notices table itself would mean reading every body.
    Statement st = db.prepare(
        "SELECT d.doc, n.id, n.title, n.category, n.published_at, n.starts_at, n.expires_at, "
        "n.quarantine IS NOT NULL FROM notices AS n INDEXED BY notices_for_search "
        "CROSS JOIN search_docs AS d ON d.notice_id = n.id");
    while (st.step()) {
        const auto doc = static_cast<size_t>(st.column_int(0));
        if (doc >= m_entries.size()) {
            m_entries.resize(doc + 1);
        }
        CatalogEntry& e = m_entries[doc];
        e.notice_id = st.column_text(1);
        e.title = st.column_text(2);
        e.category = category_from_text(st.column_text(3)).value_or(Category::Announcement);
        e.published_at = st.column_int(4);
        e.shown_from = st.column_optional_int(5).value_or(e.published_at);
        e.shown_until = st.column_optional_int(6).value_or(std::numeric_limits<int64_t>::max());
        e.quarantined = st.column_int(7) != 0;
        e.present = true;
        e.title_begin = static_cast<uint32_t>(m_titles.size());
        m_titles += fold_string(e.title);
        e.title_end = static_cast<uint32_t>(m_titles.size());
        m_titles += U'\0';
        m_newest_first.push_back(static_cast<DocId>(doc));
    }
    std::sort(m_newest_first.begin(), m_newest_first.end(), [this](DocId a, DocId b) {
        const CatalogEntry& x = m_entries[a];
        const CatalogEntry& y = m_entries[b];
        if (x.published_at != y.published_at) {
            return x.published_at > y.published_at;
        }
        return x.notice_id < y.notice_id;
    });
}

std::u32string_view SearchCatalog::folded_title(DocId doc) const {
    const CatalogEntry& e = m_entries[doc];
    return std::u32string_view(m_titles).substr(e.title_begin, e.title_end - e.title_begin);
}

const DocSet& SearchCatalog::shown(const SearchFilter& filter, int64_t now) const {
    if (m_shown && m_shown->filter == filter && m_shown->valid_from <= now &&
        now < m_shown->valid_until) {
        return m_shown->docs;
    }
    ShownCache cache{filter, std::numeric_limits<int64_t>::min(),
                     std::numeric_limits<int64_t>::max(), DocSet(capacity())};
    for (DocId doc : m_newest_first) {
        const CatalogEntry& e = m_entries[doc];
        for (int64_t t : {e.shown_from, e.shown_until}) {
            if (t <= now) {
                cache.valid_from = std::max(cache.valid_from, t);
            } else {
                cache.valid_until = std::min(cache.valid_until, t);
            }
        }
        if (e.quarantined || now < e.shown_from || now >= e.shown_until) {
            continue;
        }
        if ((filter.category && e.category != *filter.category) ||
            (filter.published_from && e.published_at < *filter.published_from) ||
            (filter.published_until && e.published_at >= *filter.published_until)) {
            continue;
        }
        cache.docs.insert(doc);
    }
    m_shown = std::move(cache);
    return m_shown->docs;
}

}  // namespace content::search
