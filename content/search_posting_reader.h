// Reads a term's postings from content.db into a document set.
#pragma once

#include "content/search_postings.h"
#include "content/search_terms.h"
#include "content/sqlite.h"

namespace content {

class PostingReader {
public:
    // Sets hold document numbers below `capacity` (the catalog's); others are ignored.
    PostingReader(Database& db, size_t capacity);

    // Every document whose body holds the term: one point lookup per block.
    DocSet fetch(TermId term);
    size_t capacity() const { return m_capacity; }

private:
    Statement m_read;
    size_t m_capacity;
};

}  // namespace content
