// Posting lookups (see search_posting_reader.h).
#include "content/search/posting_reader.h"

namespace content::search {

PostingReader::PostingReader(Database& db, size_t capacity)
    : m_segments(load_segments(db)), m_lookup(db), m_capacity(capacity) {}

DocSet PostingReader::fetch(TermId term) {
    DocSet out(m_capacity);
    for (const SegmentInfo& segment : m_segments) {
        add_postings(m_lookup.find(segment.id, term), segment.first_doc, out);
    }
    return out;
}

}  // namespace content::search
