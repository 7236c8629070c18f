// Writing the body search index: document numbers, tombstones and block postings.
//
// A notice's body gets a fresh document number whenever it is added or changed; the old number
// is forgotten (its row in search_docs goes) but its postings stay, because removing them would
// need the old text. Searches ignore numbers that search_docs no longer holds, and a rebuild
// drops the garbage once it outweighs the live documents (SearchIndexStatus::wants_compaction).
// New numbers only grow, so postings are only ever added to the last block or two.
#include "content/search_index.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>

#include "content/search_text.h"

namespace content {
namespace {

// More pending postings than this are written out before the next document (about 32 MB).
constexpr size_t k_pending_limit = size_t{4} << 20;

// FNV-1a: only to notice that a body did not change, not for security.
int64_t body_hash(std::string_view body) {
    uint64_t h = 1469598103934665603ull;
    for (char c : body) {
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

}  // namespace

SearchIndexStatus search_index_status(Database& db) {
    SearchIndexStatus status;
    status.format = meta_value(db, "format");
    status.next_doc = meta_value(db, "next_doc");
    status.notices = count_rows(db, "SELECT count(*) FROM notices");
    status.indexed = count_rows(db, "SELECT count(*) FROM search_docs");
    return status;
}

SearchIndexWriter::SearchIndexWriter(Database& db)
    : m_db(db),
      m_find_doc(db.prepare("SELECT body_hash FROM search_docs WHERE notice_id = ?1")),
      m_insert_doc(
          db.prepare("INSERT INTO search_docs (doc, notice_id, body_hash) VALUES (?1, ?2, ?3)")),
      m_delete_doc(db.prepare("DELETE FROM search_docs WHERE notice_id = ?1")),
      m_read_next_doc(db.prepare("SELECT value FROM search_meta WHERE key = 'next_doc'")),
      m_write_next_doc(
          db.prepare("INSERT OR REPLACE INTO search_meta (key, value) VALUES ('next_doc', ?1)")),
      m_read_postings(
          db.prepare("SELECT docs FROM search_postings WHERE block = ?1 AND term = ?2")),
      m_write_postings(db.prepare(
          "INSERT OR REPLACE INTO search_postings (block, term, docs) VALUES (?1, ?2, ?3)")) {}

DocId SearchIndexWriter::allocate_doc() {
    // Read and written each time, so that two writers in one transaction never share a number.
    m_read_next_doc.reset();
    const int64_t doc = m_read_next_doc.step() ? m_read_next_doc.column_int(0) : 0;
    m_read_next_doc.reset();
    m_write_next_doc.reset();
    m_write_next_doc.bind(1, doc + 1).run();
    return static_cast<DocId>(doc);
}

void SearchIndexWriter::update(const Notice& notice) {
    const int64_t hash = body_hash(notice.body);
    m_find_doc.reset();
    m_find_doc.bind(1, notice.id);
    if (m_find_doc.step()) {
        if (m_find_doc.column_int(0) == hash) {
            return;
        }
        remove(notice.id);
    }
    m_find_doc.reset();
    const DocId doc = allocate_doc();
    m_insert_doc.reset();
    m_insert_doc.bind(1, int64_t{doc}).bind(2, notice.id).bind(3, hash).run();

    const int64_t block = block_of(doc);
    if (block != m_pending_block || m_pending.size() > k_pending_limit) {
        flush();
        m_pending_block = block;
    }
    const uint64_t offset = doc & (k_block_docs - 1);
    for (TermId term : text_terms(fold_string(body_plain_text(notice.body)))) {
        m_pending.push_back(static_cast<uint64_t>(term) << k_block_bits | offset);
    }
}

void SearchIndexWriter::remove(const std::string& notice_id) {
    m_delete_doc.reset();
    m_delete_doc.bind(1, notice_id).run();
}

void SearchIndexWriter::flush() {
    if (m_pending.empty()) {
        return;
    }
    std::sort(m_pending.begin(), m_pending.end());
    write_block(m_pending_block, m_pending.begin(), m_pending.end());
    m_pending.clear();
}

void SearchIndexWriter::write_block(int64_t block, std::vector<uint64_t>::const_iterator first,
                                    std::vector<uint64_t>::const_iterator last) {
    Statement& read = m_read_postings;
    Statement& write = m_write_postings;
    std::vector<uint16_t> offsets;
    while (first != last) {
        const uint64_t term = *first >> k_block_bits;
        read.reset();
        read.bind(1, block).bind(2, static_cast<int64_t>(term));
        offsets = read.step() ? decode_block(read.column_text(0)) : std::vector<uint16_t>{};
        read.reset();
        for (; first != last && (*first >> k_block_bits) == term; ++first) {
            offsets.push_back(static_cast<uint16_t>(*first & (k_block_docs - 1)));
        }
        std::sort(offsets.begin(), offsets.end());
        offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
        write.reset();
        write.bind(1, block)
            .bind(2, static_cast<int64_t>(term))
            .bind_blob(3, encode_block(offsets));
        write.run();
    }
}

void search_index_update(Database& db, const Notice& notice) {
    SearchIndexWriter writer(db);
    writer.update(notice);
    writer.flush();
}

void search_index_remove(Database& db, const std::string& notice_id) {
    SearchIndexWriter(db).remove(notice_id);
}

void rebuild_search_index(Database& db) {
    const bool own_transaction = sqlite3_get_autocommit(db.handle()) != 0;
    std::optional<Transaction> tx;
    if (own_transaction) {
        tx.emplace(db);
    }
    db.exec("DELETE FROM search_postings; DELETE FROM search_docs; DELETE FROM search_meta;");
    SearchIndexWriter writer(db);
    // Oldest first, so document numbers roughly follow publication.
    Statement st = db.prepare("SELECT id, body FROM notices ORDER BY published_at, id");
    Notice notice;
    while (st.step()) {
        notice.id = st.column_text(0);
        notice.body = st.column_text(1);
        writer.update(notice);
    }
    writer.flush();
    set_meta_value(db, "format", k_search_index_format);
    if (tx) {
        tx->commit();
    }
}

bool ensure_search_index(Database& db) {
    const SearchIndexStatus status = search_index_status(db);
    if (status.current() && !status.wants_compaction()) {
        return false;
    }
    rebuild_search_index(db);
    return true;
}

}  // namespace content
