// The search index inside content.db, and the hooks kiosk-syncd calls to keep it current
// inside its apply transaction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/notice.h"
#include "content/search/postings.h"
#include "content/search/segment.h"
#include "content/sqlite.h"

namespace content::search {

// Bumped whenever the terms or their encoding change; an index of another format is rebuilt.
inline constexpr int64_t k_search_index_format = 1;

struct SearchIndexStatus {
    int64_t format = 0;      // 0: never built
    int64_t notices = 0;     // rows in notices
    int64_t indexed = 0;     // notices the index holds
    int64_t next_doc = 0;    // document numbers handed out so far
    int64_t dead = 0;        // notices replaced or removed since the last compaction
    int64_t generation = 0;  // changes whenever a notice is added, changed or removed
    int64_t segments = 0;

    // Built in this program's format and holding every notice.
    bool current() const { return format == k_search_index_format && indexed == notices; }
    // Replaced and removed notices leave postings behind until their segment is merged; once
    // they outnumber the live ones, merging everything pays.
    bool wants_compaction() const { return dead > indexed; }
};

// Reads the status; works on a read-only connection. Throws DatabaseError when the schema has
// no search tables (a database older than schema version 3).
SearchIndexStatus search_index_status(Database& db);
// Just SearchIndexStatus::generation: one lookup.
int64_t search_index_generation(Database& db);

// Adds, replaces and removes notices' titles and bodies in the index. Works inside the caller's
// transaction; postings are buffered in memory and written as a new segment by flush() (or when
// the buffer is full), which also merges small segments: call flush() before committing. A
// notice whose title and body did not change costs one lookup.
class SearchIndexWriter {
public:
    explicit SearchIndexWriter(Database& db);
    SearchIndexWriter(const SearchIndexWriter&) = delete;
    SearchIndexWriter& operator=(const SearchIndexWriter&) = delete;

    void update(const Notice& notice);
    void remove(const std::string& notice_id);
    // Writes the buffered postings. Safe to call any number of times.
    void flush();

private:
    friend void rebuild_search_index(Database& db);
    DocId allocate_doc();
    void write_segment();

    Database& m_db;
    Statement m_find_doc;
    Statement m_insert_doc;
    Statement m_delete_doc;
    Statement m_read_next_doc;
    Statement m_write_next_doc;
    // (term << 19 | doc - m_first_doc) of the pending postings, documents [m_first_doc, m_end_doc).
    std::vector<uint64_t> m_pending;
    DocId m_first_doc = 0;
    DocId m_end_doc = 0;
    bool m_merge_on_flush = true;
    bool m_changed = false;
};

// One notice at a time, flushed at once: convenient for small updates. For many notices in one
// transaction, one SearchIndexWriter and one flush() is much faster.
void search_index_update(Database& db, const Notice& notice);
void search_index_remove(Database& db, const std::string& notice_id);

// Indexes every notice afresh. Runs in the caller's transaction, or its own when there is none.
void rebuild_search_index(Database& db);

// Merges every segment into one, dropping replaced and removed notices' postings. Runs in the
// caller's transaction, or its own when there is none.
void compact_search_index(Database& db);

// Rebuilds when the index is missing, of another format or incomplete, and compacts it when it
// is mostly garbage; returns whether it did either. kiosk-syncd calls it at start and after
// applying an update.
bool ensure_search_index(Database& db);

}  // namespace content::search
