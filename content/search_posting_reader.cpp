// Posting lookups (see search_posting_reader.h).
#include "content/search_posting_reader.h"

namespace content {

PostingReader::PostingReader(Database& db, size_t capacity)
    : m_read(db.prepare("SELECT docs FROM search_postings WHERE block = ?1 AND term = ?2")),
      m_capacity(capacity) {}

DocSet PostingReader::fetch(TermId term) {
    DocSet out(m_capacity);
    const int64_t blocks = m_capacity == 0 ? 0 : block_of(static_cast<DocId>(m_capacity - 1)) + 1;
    for (int64_t block = 0; block < blocks; ++block) {
        m_read.reset();
        m_read.bind(1, block).bind(2, term);
        if (m_read.step()) {
            add_block(m_read.column_text(0), static_cast<DocId>(block << k_block_bits), out);
        }
    }
    m_read.reset();
    return out;
}

}  // namespace content
