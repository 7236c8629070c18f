// Reads a term's postings from every segment of the search index into a document set.
#pragma once

#include <vector>

#include "content/search/postings.h"
#include "content/search/segment.h"
#include "content/search/terms.h"
#include "content/sqlite.h"

namespace content::search {

class PostingReader {
public:
    // Sets hold document numbers below `capacity` (the catalog's); others are ignored.
    PostingReader(Database& db, size_t capacity);

    // Every document whose body holds the term: one lookup per segment.
    DocSet fetch(TermId term);
    size_t capacity() const { return m_capacity; }

private:
    std::vector<SegmentInfo> m_segments;
    SegmentLookup m_lookup;
    size_t m_capacity;
};

}  // namespace content::search
