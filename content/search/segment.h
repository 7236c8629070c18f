// Segments of the search index: the postings of a range of documents written at once, as the
// terms in order cut into chunks of about 4 KB, one SQLite row each, so a segment costs almost
// nothing beyond its postings and is written front to back. Segments are merged as they
// accumulate (search_index.cpp).
//
// A chunk's key is its rowid, segment << 45 | its first term (terms are below 2^45), so that a
// lookup is one seek in the table's own B-tree and a chunk of up to about 4 KB is stored in its
// leaf page (an index B-tree, as a WITHOUT ROWID table is, keeps only about 1 KB of a row there
// and spills the rest into mostly empty overflow pages).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/search/postings.h"
#include "content/search/terms.h"
#include "content/sqlite.h"

namespace content::search {

struct SegmentInfo {
    int64_t id = 0;
    DocId first_doc = 0;  // postings hold offsets from here
    DocId end_doc = 0;    // one past the last document it may hold
    DocId span() const { return end_doc - first_doc; }
};

// Every segment, by first document.
std::vector<SegmentInfo> load_segments(Database& db);

// Writes one new segment; terms must be added in increasing order.
class SegmentWriter {
public:
    SegmentWriter(Database& db, const SegmentInfo& segment);
    void add(TermId term, std::string_view postings);
    // Writes the last chunk and records the segment. Nothing is visible before.
    void finish();

private:
    void write_chunk();

    Database& m_db;
    SegmentInfo m_segment;
    Statement m_insert;
    std::string m_chunk;
    TermId m_first_term = 0;
    TermId m_last_term = 0;
};

// Reads a segment's terms in order (for merging).
class SegmentCursor {
public:
    SegmentCursor(Database& db, const SegmentInfo& segment);
    // Moves to the next term; false after the last.
    bool next();
    TermId term() const { return m_term; }
    std::string_view postings() const { return m_postings; }
    const SegmentInfo& segment() const { return m_segment; }

private:
    SegmentInfo m_segment;
    Statement m_read;
    std::string m_chunk;
    size_t m_pos = 0;
    TermId m_term = 0;
    std::string_view m_postings;
};

// Finds one term's postings in one segment: one index seek, one chunk.
class SegmentLookup {
public:
    explicit SegmentLookup(Database& db);
    // The encoded postings, or empty when the segment lacks the term. Valid until the next call.
    std::string_view find(int64_t segment, TermId term);

private:
    Statement m_read;
    std::string m_chunk;
};

// Deletes a segment's chunks and record.
void delete_segment(Database& db, int64_t segment);

}  // namespace content::search
