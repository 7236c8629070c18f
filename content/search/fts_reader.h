// Runs FTS5 MATCH expressions over the index tables, collecting the matching documents.
#pragma once

#include <string>

#include "content/search/doc_set.h"
#include "content/search/terms.h"
#include "content/sqlite.h"

namespace content::search {

class FtsReader {
public:
    // Sets hold document numbers below `capacity` (the catalog's); others (replaced notices'
    // rows) are ignored. Registers the tokenizer on `db`.
    FtsReader(Database& db, size_t capacity);

    // Documents whose field matches the FTS5 expression; nothing for an empty one.
    DocSet match(Field field, const std::string& expression);
    size_t capacity() const { return m_capacity; }

private:
    Statement m_titles;
    Statement m_bodies;
    size_t m_capacity;
};

// One term as an FTS5 string ("…", quotes doubled): the tokenizer passes it through whole.
std::string fts_string(std::string_view term);

}  // namespace content::search
