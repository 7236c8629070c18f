// Writing the search index: document numbers, FTS5 rows, tombstones and rebuilding.
//
// A notice gets a fresh document number whenever its title or body changes, and the old number is
// forgotten (its search_docs row goes) while its FTS5 rows stay: a contentless table can delete a
// row only when given its old text again, which the apply no longer has. Searches only look at
// numbers search_docs holds, and a rebuild drops the rest.
#include "content/search/index.h"

#include <sqlite3.h>

#include <optional>

#include "content/search/text.h"
#include "content/search/tokenizer.h"

namespace content::search {
namespace {

// FNV-1a: only to notice that a title and body did not change, not for security.
int64_t text_hash(std::string_view text) {
    uint64_t h = 1469598103934665603ull;
    for (char c : text) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    return static_cast<int64_t>(h >> 1);
}

int64_t meta_value(Database& db, const char* key) {
    Statement st = db.prepare("SELECT value FROM search_meta WHERE key = ?1");
    st.bind(1, std::string_view(key));
    return st.step() ? st.column_int(0) : 0;
}

void set_meta_value(Database& db, const char* key, int64_t value) {
    db.prepare("INSERT OR REPLACE INTO search_meta (key, value) VALUES (?1, ?2)")
        .bind(1, std::string_view(key))
        .bind(2, value)
        .run();
}

int64_t count_rows(Database& db, const char* sql) {
    Statement st = db.prepare(sql);
    return st.step() ? st.column_int(0) : 0;
}

// Contentless (the text is in notices), no column sizes (no ranking by length), positions kept
// (detail=full) for phrase queries. The tokenizer's argument says which field it cuts.
void create_tables(Database& db) {
    db.exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_titles USING fts5(title, "
        "tokenize = 'kiosk_terms title', content = '', columnsize = 0);"
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_bodies USING fts5(body, "
        "tokenize = 'kiosk_terms body', content = '', columnsize = 0);");
}

}  // namespace

SearchIndexStatus search_index_status(Database& db) {
    SearchIndexStatus status;
    status.format = meta_value(db, "format");
    status.next_doc = meta_value(db, "next_doc");
    status.dead = meta_value(db, "dead");
    status.generation = meta_value(db, "generation");
    status.notices = count_rows(db, "SELECT count(*) FROM notices");
    status.indexed = count_rows(db, "SELECT count(*) FROM search_docs");
    return status;
}

int64_t search_index_generation(Database& db) {
    return meta_value(db, "generation");
}

namespace {

Database& prepared_for_writing(Database& db) {
    register_search_tokenizer(db);
    create_tables(db);
    return db;
}

}  // namespace

SearchIndexWriter::SearchIndexWriter(Database& db)
    : m_db(prepared_for_writing(db)),
      m_find_doc(db.prepare("SELECT text_hash FROM search_docs WHERE notice_id = ?1")),
      m_insert_doc(
          db.prepare("INSERT INTO search_docs (doc, notice_id, text_hash) VALUES (?1, ?2, ?3)")),
      m_delete_doc(db.prepare("DELETE FROM search_docs WHERE notice_id = ?1")),
      m_insert_title(db.prepare("INSERT INTO search_titles (rowid, title) VALUES (?1, ?2)")),
      m_insert_body(db.prepare("INSERT INTO search_bodies (rowid, body) VALUES (?1, ?2)")),
      m_read_meta(db.prepare("SELECT value FROM search_meta WHERE key = ?1")),
      m_write_meta(db.prepare("INSERT OR REPLACE INTO search_meta (key, value) VALUES (?1, ?2)")) {}

void SearchIndexWriter::add_meta(const char* key, int64_t delta) {
    // Read and written each time, so that two writers in one transaction never disagree.
    m_read_meta.reset();
    m_read_meta.bind(1, std::string_view(key));
    const int64_t value = m_read_meta.step() ? m_read_meta.column_int(0) : 0;
    m_read_meta.reset();
    m_write_meta.reset();
    m_write_meta.bind(1, std::string_view(key)).bind(2, value + delta).run();
}

DocId SearchIndexWriter::allocate_doc() {
    m_read_meta.reset();
    m_read_meta.bind(1, std::string_view("next_doc"));
    const int64_t doc = m_read_meta.step() ? m_read_meta.column_int(0) : 0;
    m_read_meta.reset();
    add_meta("next_doc", 1);
    return static_cast<DocId>(doc);
}

void SearchIndexWriter::update(const Notice& notice) {
    // Even with the same title and body, its dates, category or quarantine may have changed,
    // which searchers keep in memory: they must reload.
    m_changed = true;
    const int64_t hash = text_hash(notice.title + '\0' + notice.body);
    m_find_doc.reset();
    m_find_doc.bind(1, notice.id);
    const bool known = m_find_doc.step();
    const bool unchanged = known && m_find_doc.column_int(0) == hash;
    m_find_doc.reset();
    if (unchanged) {
        return;
    }
    if (known) {
        remove(notice.id);
    }
    const int64_t doc = allocate_doc();
    m_insert_doc.reset();
    m_insert_doc.bind(1, doc).bind(2, notice.id).bind(3, hash).run();
    m_insert_title.reset();
    m_insert_title.bind(1, doc).bind(2, notice.title).run();
    m_insert_body.reset();
    m_insert_body.bind(1, doc).bind(2, body_plain_text(notice.body)).run();
}

void SearchIndexWriter::remove(const std::string& notice_id) {
    m_delete_doc.reset();
    m_delete_doc.bind(1, notice_id).run();
    if (m_db.changes() > 0) {
        add_meta("dead", 1);
        m_changed = true;
    }
}

void SearchIndexWriter::flush() {
    if (m_changed) {
        // Tells searchers their catalog is out of date (Searcher::refresh).
        add_meta("generation", 1);
        m_changed = false;
    }
}

void search_index_update(Database& db, const Notice& notice) {
    SearchIndexWriter writer(db);
    writer.update(notice);
    writer.flush();
}

void search_index_remove(Database& db, const std::string& notice_id) {
    SearchIndexWriter writer(db);
    writer.remove(notice_id);
    writer.flush();
}

void rebuild_search_index(Database& db) {
    std::optional<Transaction> tx;
    if (sqlite3_get_autocommit(db.handle()) != 0) {
        tx.emplace(db);  // no caller's transaction: our own
    }
    register_search_tokenizer(db);
    const int64_t generation = meta_value(db, "generation");
    db.exec(
        "DROP TABLE IF EXISTS search_titles; DROP TABLE IF EXISTS search_bodies; "
        "DELETE FROM search_docs; DELETE FROM search_meta;");
    set_meta_value(db, "generation", generation + 1);
    {
        SearchIndexWriter writer(db);
        // Oldest first, so document numbers roughly follow publication.
        Statement st = db.prepare("SELECT id, title, body FROM notices ORDER BY published_at, id");
        Notice notice;
        while (st.step()) {
            notice.id = st.column_text(0);
            notice.title = st.column_text(1);
            notice.body = st.column_text(2);
            writer.update(notice);
        }
        writer.flush();
    }
    // One segment per table: the fastest to search.
    db.exec(
        "INSERT INTO search_titles (search_titles) VALUES ('optimize');"
        "INSERT INTO search_bodies (search_bodies) VALUES ('optimize');");
    set_meta_value(db, "format", k_search_index_format);
    if (tx) {
        tx->commit();
    }
}

bool ensure_search_index(Database& db) {
    const SearchIndexStatus status = search_index_status(db);
    if (!status.current() || status.wants_compaction()) {
        rebuild_search_index(db);
        return true;
    }
    return false;
}

}  // namespace content::search
