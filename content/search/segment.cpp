// Segment chunks (see search_segment.h). A chunk is a run of entries: the term's distance from
// the previous one (from first_term for the first), the length of its postings, the postings.
#include "content/search/segment.h"

namespace content::search {
namespace {

// A table row keeps up to 4061 bytes in its leaf page (4 KB pages): chunks stay under that. A
// longer posting list gets a chunk of its own, whose overflow pages it fills.
constexpr size_t k_chunk_bytes = 4000;
constexpr int k_segment_shift = k_term_bits;

int64_t chunk_key(int64_t segment, TermId term) {
    return segment << k_segment_shift | term;
}
TermId chunk_term(int64_t key) {
    return key & ((int64_t{1} << k_segment_shift) - 1);
}

// Decodes the entry at `pos`: advances `term` and `pos`, returns the postings.
std::string_view next_entry(std::string_view chunk, size_t& pos, TermId& term) {
    term += static_cast<TermId>(get_varint(chunk, pos));
    const size_t length = get_varint(chunk, pos);
    const std::string_view postings = chunk.substr(pos, length);
    pos += length;
    return postings;
}

}  // namespace

std::vector<SegmentInfo> load_segments(Database& db) {
    std::vector<SegmentInfo> out;
    Statement st =
        db.prepare("SELECT segment, first_doc, end_doc FROM search_segments ORDER BY first_doc");
    while (st.step()) {
        out.push_back({st.column_int(0), static_cast<DocId>(st.column_int(1)),
                       static_cast<DocId>(st.column_int(2))});
    }
    return out;
}

SegmentWriter::SegmentWriter(Database& db, const SegmentInfo& segment)
    : m_db(db),
      m_segment(segment),
      m_insert(db.prepare("INSERT INTO search_chunks (chunk, data) VALUES (?1, ?2)")) {}

void SegmentWriter::add(TermId term, std::string_view postings) {
    // Room for the entry's two varints, too.
    if (!m_chunk.empty() && m_chunk.size() + postings.size() + 12 > k_chunk_bytes) {
        write_chunk();
    }
    if (m_chunk.empty()) {
        m_first_term = term;
        m_last_term = term;
    }
    put_varint(m_chunk, static_cast<uint64_t>(term - m_last_term));
    put_varint(m_chunk, postings.size());
    m_chunk.append(postings);
    m_last_term = term;
}

void SegmentWriter::write_chunk() {
    m_insert.reset();
    m_insert.bind(1, chunk_key(m_segment.id, m_first_term)).bind_blob(2, m_chunk);
    m_insert.run();
    m_chunk.clear();
}

void SegmentWriter::finish() {
    if (!m_chunk.empty()) {
        write_chunk();
    }
    m_db.prepare("INSERT INTO search_segments (segment, first_doc, end_doc) VALUES (?1, ?2, ?3)")
        .bind(1, m_segment.id)
        .bind(2, int64_t{m_segment.first_doc})
        .bind(3, int64_t{m_segment.end_doc})
        .run();
}

SegmentCursor::SegmentCursor(Database& db, const SegmentInfo& segment)
    : m_segment(segment),
      m_read(db.prepare(
          "SELECT chunk, data FROM search_chunks WHERE chunk BETWEEN ?1 AND ?2 ORDER BY chunk")) {
    m_read.bind(1, chunk_key(segment.id, 0)).bind(2, chunk_key(segment.id + 1, 0) - 1);
}

bool SegmentCursor::next() {
    if (m_pos >= m_chunk.size()) {
        if (!m_read.step()) {
            return false;
        }
        m_term = chunk_term(m_read.column_int(0));
        m_chunk = m_read.column_text(1);
        m_pos = 0;
    }
    m_postings = next_entry(m_chunk, m_pos, m_term);
    return true;
}

SegmentLookup::SegmentLookup(Database& db)
    : m_read(db.prepare("SELECT chunk, data FROM search_chunks WHERE chunk BETWEEN ?1 AND ?2 "
                        "ORDER BY chunk DESC LIMIT 1")) {}

std::string_view SegmentLookup::find(int64_t segment, TermId term) {
    m_read.reset();
    m_read.bind(1, chunk_key(segment, 0)).bind(2, chunk_key(segment, term));
    if (!m_read.step()) {
        return {};
    }
    TermId current = chunk_term(m_read.column_int(0));
    m_chunk = m_read.column_text(1);
    m_read.reset();
    for (size_t pos = 0; pos < m_chunk.size();) {
        const std::string_view postings = next_entry(m_chunk, pos, current);
        if (current == term) {
            return postings;
        }
        if (current > term) {
            break;
        }
    }
    return {};
}

void delete_segment(Database& db, int64_t segment) {
    db.prepare("DELETE FROM search_chunks WHERE chunk BETWEEN ?1 AND ?2")
        .bind(1, chunk_key(segment, 0))
        .bind(2, chunk_key(segment + 1, 0) - 1)
        .run();
    db.prepare("DELETE FROM search_segments WHERE segment = ?1").bind(1, segment).run();
}

}  // namespace content::search
