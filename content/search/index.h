// The search index inside content.db, and the hooks kiosk-syncd calls to keep it current inside
// its apply transaction: two contentless FTS5 tables (search_titles, search_bodies) tokenized by
// the project's term generator, keyed by document numbers that search_docs maps to notices.
#pragma once

#include <cstdint>
#include <string>

#include "content/notice.h"
#include "content/search/doc_set.h"
#include "content/sqlite.h"

namespace content::search {

// Bumped whenever the terms or the tables change; an index of another format is rebuilt.
inline constexpr int64_t k_search_index_format = 2;

struct SearchIndexStatus {
    int64_t format = 0;      // 0: never built
    int64_t notices = 0;     // rows in notices
    int64_t indexed = 0;     // notices the index holds
    int64_t next_doc = 0;    // document numbers handed out so far
    int64_t dead = 0;        // notices replaced or removed since the last rebuild
    int64_t generation = 0;  // changes whenever a notice is added, changed or removed

    // Built in this program's format and holding every notice.
    bool current() const { return format == k_search_index_format && indexed == notices; }
    // The rows of replaced and removed notices stay in the FTS5 tables (contentless tables cannot
    // delete a row without its old text); once they outnumber the live ones, rebuilding pays.
    bool wants_compaction() const { return dead > indexed; }
};

// Reads the status; works on a read-only connection and needs no tokenizer. Throws DatabaseError
// when the schema has no search tables (a database older than schema version 3).
SearchIndexStatus search_index_status(Database& db);
// Just SearchIndexStatus::generation: one lookup.
int64_t search_index_generation(Database& db);

// Adds, replaces and removes notices' titles and bodies in the index. Works inside the caller's
// transaction, which makes it visible on commit. A notice whose title and body did not change
// costs one lookup; a changed one gets a new document number (the old rows stay, unreachable,
// until the next rebuild).
class SearchIndexWriter {
public:
    explicit SearchIndexWriter(Database& db);
    SearchIndexWriter(const SearchIndexWriter&) = delete;
    SearchIndexWriter& operator=(const SearchIndexWriter&) = delete;

    void update(const Notice& notice);
    void remove(const std::string& notice_id);
    // Tells searchers to reload (the generation). Call before committing; safe to call again.
    void flush();

private:
    DocId allocate_doc();
    void add_meta(const char* key, int64_t delta);

    Database& m_db;
    Statement m_find_doc;
    Statement m_insert_doc;
    Statement m_delete_doc;
    Statement m_insert_title;
    Statement m_insert_body;
    Statement m_read_meta;
    Statement m_write_meta;
    bool m_changed = false;
};

// One notice at a time: convenient for small updates. For many notices in one transaction, one
// SearchIndexWriter is faster.
void search_index_update(Database& db, const Notice& notice);
void search_index_remove(Database& db, const std::string& notice_id);

// Indexes every notice afresh into new tables. Runs in the caller's transaction, or its own when
// there is none.
void rebuild_search_index(Database& db);

// Rebuilds when the index is missing, of another format, incomplete, or mostly rows of replaced
// notices; returns whether it did. kiosk-syncd calls it at start and every round.
bool ensure_search_index(Database& db);

}  // namespace content::search
