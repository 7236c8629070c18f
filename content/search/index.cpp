// Writing the search index: document numbers, tombstones, segments and their merging.
//
// A notice's body gets a fresh document number whenever it is added or changed, and the old
// number is forgotten (its row in search_docs goes) while its postings stay where they are:
// removing them would need the old text. Searches ignore numbers search_docs no longer holds,
// and merging segments drops their postings.
//
// Each flush writes the buffered postings as a new segment, front to back. Small segments are
// merged into their older neighbour once they reach half its size (like a binary counter), so a
// document's postings are rewritten about log2(N / flush size) times and a search reads a
// handful of segments.
#include "content/search/index.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>

#include "content/search/terms.h"
#include "content/search/text.h"

namespace content::search {
namespace {

// Pending postings are written as a segment beyond this many (64 MB).
constexpr size_t k_pending_limit = size_t{8} << 20;
// Offsets within a pending segment take the low bits of a pending entry (terms take 45).
constexpr int k_offset_bits = 19;
// More segments than this are merged whatever their sizes.
constexpr size_t k_max_segments = 12;

// FNV-1a: only to notice that a title and body did not change, not for security.
int64_t text_hash(std::string_view body) {
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

// The smallest number no segment has: numbers stay small (chunk keys allow 2^18).
int64_t next_segment_id(Database& db) {
    Statement st = db.prepare("SELECT segment FROM search_segments ORDER BY segment");
    int64_t id = 1;
    while (st.step() && st.column_int(0) == id) {
        ++id;
    }
    return id;
}

DocSet live_docs(Database& db) {
    DocSet live(static_cast<size_t>(meta_value(db, "next_doc")));
    Statement st = db.prepare("SELECT doc FROM search_docs");
    while (st.step()) {
        const auto doc = static_cast<size_t>(st.column_int(0));
        if (doc < live.capacity()) {
            live.insert(static_cast<DocId>(doc));
        }
    }
    return live;
}

// Appends the live documents of one cursor's current term, as offsets from `first`.
void collect_live(const SegmentCursor& cursor, const DocSet& live, DocId first,
                  std::vector<uint32_t>& out) {
    for (uint32_t offset : decode_postings(cursor.postings())) {
        const DocId doc = cursor.segment().first_doc + offset;
        if (live.contains(doc)) {
            out.push_back(doc - first);
        }
    }
}

// Merges `segments` (by first document) into one new segment, keeping only `live` documents.
void merge_segments(Database& db, const std::vector<SegmentInfo>& segments, const DocSet& live) {
    SegmentInfo merged{next_segment_id(db), segments.front().first_doc, segments.front().end_doc};
    std::vector<SegmentCursor> cursors;
    std::vector<bool> active;
    for (const SegmentInfo& s : segments) {
        merged.first_doc = std::min(merged.first_doc, s.first_doc);
        merged.end_doc = std::max(merged.end_doc, s.end_doc);
        cursors.emplace_back(db, s);
        active.push_back(cursors.back().next());
    }
    SegmentWriter writer(db, merged);
    std::vector<uint32_t> offsets;
    for (;;) {
        std::optional<TermId> term;
        for (size_t i = 0; i < cursors.size(); ++i) {
            if (active[i] && (!term || cursors[i].term() < *term)) {
                term = cursors[i].term();
            }
        }
        if (!term) {
            break;
        }
        offsets.clear();
        for (size_t i = 0; i < cursors.size(); ++i) {
            if (active[i] && cursors[i].term() == *term) {
                collect_live(cursors[i], live, merged.first_doc, offsets);
                active[i] = cursors[i].next();
            }
        }
        if (!offsets.empty()) {
            std::sort(offsets.begin(), offsets.end());
            writer.add(*term, encode_postings(offsets));
        }
    }
    cursors.clear();
    for (const SegmentInfo& s : segments) {
        delete_segment(db, s.id);
    }
    writer.finish();
}

// Merges the newest segments while the newest is at least half the size of the one before.
void merge_small_segments(Database& db) {
    std::vector<SegmentInfo> segments = load_segments(db);
    std::optional<DocSet> live;
    while (segments.size() >= 2) {
        const SegmentInfo& newest = segments[segments.size() - 1];
        const SegmentInfo& before = segments[segments.size() - 2];
        if (2 * newest.span() < before.span() && segments.size() <= k_max_segments) {
            break;
        }
        if (!live) {
            live = live_docs(db);
        }
        merge_segments(db, {before, newest}, *live);
        segments = load_segments(db);
    }
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
    status.segments = count_rows(db, "SELECT count(*) FROM search_segments");
    return status;
}

int64_t search_index_generation(Database& db) {
    return meta_value(db, "generation");
}

SearchIndexWriter::SearchIndexWriter(Database& db)
    : m_db(db),
      m_find_doc(db.prepare("SELECT text_hash FROM search_docs WHERE notice_id = ?1")),
      m_insert_doc(
          db.prepare("INSERT INTO search_docs (doc, notice_id, text_hash) VALUES (?1, ?2, ?3)")),
      m_delete_doc(db.prepare("DELETE FROM search_docs WHERE notice_id = ?1")),
      m_read_next_doc(db.prepare("SELECT value FROM search_meta WHERE key = 'next_doc'")),
      m_write_next_doc(
          db.prepare("INSERT OR REPLACE INTO search_meta (key, value) VALUES ('next_doc', ?1)")) {}

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
    const DocId doc = allocate_doc();
    m_insert_doc.reset();
    m_insert_doc.bind(1, int64_t{doc}).bind(2, notice.id).bind(3, hash).run();

    if (!m_pending.empty() && (m_pending.size() > k_pending_limit || doc < m_first_doc ||
                               doc - m_first_doc >= (DocId{1} << k_offset_bits))) {
        write_segment();
    }
    if (m_pending.empty()) {
        m_first_doc = doc;
    }
    m_end_doc = std::max(m_end_doc, doc + 1);
    const uint64_t offset = doc - m_first_doc;
    for (TermId term : text_terms(fold_string(body_plain_text(notice.body)), Field::Body)) {
        m_pending.push_back(static_cast<uint64_t>(term) << k_offset_bits | offset);
    }
    for (TermId term : text_terms(fold_string(notice.title), Field::Title)) {
        m_pending.push_back(static_cast<uint64_t>(term) << k_offset_bits | offset);
    }
}

void SearchIndexWriter::remove(const std::string& notice_id) {
    m_delete_doc.reset();
    m_delete_doc.bind(1, notice_id).run();
    if (m_db.changes() > 0) {
        set_meta_value(m_db, "dead", meta_value(m_db, "dead") + 1);
        set_meta_value(m_db, "generation", meta_value(m_db, "generation") + 1);
    }
}

void SearchIndexWriter::write_segment() {
    std::sort(m_pending.begin(), m_pending.end());
    SegmentWriter writer(m_db, {next_segment_id(m_db), m_first_doc, m_end_doc});
    std::vector<uint32_t> offsets;
    constexpr uint64_t k_offset_mask = (uint64_t{1} << k_offset_bits) - 1;
    for (size_t i = 0; i < m_pending.size();) {
        const uint64_t term = m_pending[i] >> k_offset_bits;
        offsets.clear();
        for (; i < m_pending.size() && (m_pending[i] >> k_offset_bits) == term; ++i) {
            offsets.push_back(static_cast<uint32_t>(m_pending[i] & k_offset_mask));
        }
        writer.add(static_cast<TermId>(term), encode_postings(offsets));
    }
    writer.finish();
    m_pending.clear();
    m_end_doc = 0;
}

void SearchIndexWriter::flush() {
    if (!m_pending.empty()) {
        write_segment();
    }
    if (m_changed) {
        // Tells searchers their catalog is out of date (Searcher::refresh).
        set_meta_value(m_db, "generation", meta_value(m_db, "generation") + 1);
        m_changed = false;
    }
    if (m_merge_on_flush) {
        merge_small_segments(m_db);
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
    std::optional<Transaction> tx;
    if (sqlite3_get_autocommit(db.handle()) != 0) {
        tx.emplace(db);
    }
    const int64_t generation = meta_value(db, "generation");
    db.exec(
        "DELETE FROM search_chunks; DELETE FROM search_segments; DELETE FROM search_docs; "
        "DELETE FROM search_meta;");
    set_meta_value(db, "generation", generation + 1);
    SearchIndexWriter writer(db);
    writer.m_merge_on_flush = false;  // one merge of everything at the end
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
    compact_search_index(db);
    set_meta_value(db, "format", k_search_index_format);
    if (tx) {
        tx->commit();
    }
}

void compact_search_index(Database& db) {
    std::optional<Transaction> tx;
    if (sqlite3_get_autocommit(db.handle()) != 0) {
        tx.emplace(db);
    }
    const std::vector<SegmentInfo> segments = load_segments(db);
    if (segments.size() > 1 || (segments.size() == 1 && meta_value(db, "dead") > 0)) {
        merge_segments(db, segments, live_docs(db));
    }
    set_meta_value(db, "dead", 0);
    if (tx) {
        tx->commit();
    }
}

bool ensure_search_index(Database& db) {
    const SearchIndexStatus status = search_index_status(db);
    if (!status.current()) {
        rebuild_search_index(db);
        return true;
    }
    if (status.wants_compaction()) {
        compact_search_index(db);
        return true;
    }
    return false;
}

}  // namespace content::search
