// events.db writer and reader.
#include "content/events/event_log.h"

#include <sqlite3.h>

namespace content::events {
namespace {

void create_schema(Database& db) {
    db.exec(
        "CREATE TABLE IF NOT EXISTS records(seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
        "line TEXT NOT NULL)");
    db.exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
}

std::optional<std::string> meta(Database& db, std::string_view key) {
    auto st = db.prepare("SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    if (st.step())
        return st.column_text(0);
    return std::nullopt;
}

void set_meta(Database& db, std::string_view key, std::string_view value) {
    auto st = db.prepare(
        "INSERT INTO meta(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    st.run();
}

int64_t single_int(Database& db, std::string_view sql) {
    auto st = db.prepare(sql);
    return st.step() ? st.column_int(0) : 0;
}

std::optional<std::string> hash_in_line(const std::string& line) {
    const auto parsed = parse_record_line(line);
    if (!parsed.record)
        return std::nullopt;
    return parsed.record->hash;
}

}  // namespace

EventLogWriter::EventLogWriter(const std::string& path, const std::string& board,
                               uint64_t max_records)
    : m_db(path, OpenMode::ReadWrite), m_board(board), m_max_records(max_records) {
    m_db.exec("PRAGMA journal_mode=WAL");
    int persist = 1;  // kiosk-syncd reads it read-only from a folder it cannot write
    sqlite3_file_control(m_db.handle(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    m_db.exec("PRAGMA synchronous=FULL");
    create_schema(m_db);
    const auto owner = meta(m_db, "board");
    if (!owner)
        set_meta(m_db, "board", board);
    else if (*owner != board)
        throw DatabaseError(path + " holds the records of board '" + *owner + "', not '" + board +
                            "'; move it away to start a new chain");
    m_last_seq = static_cast<uint64_t>(single_int(m_db, "SELECT MAX(seq) FROM records"));
    m_pruned = static_cast<uint64_t>(std::stoull(meta(m_db, "pruned_through").value_or("0")));
    if (m_last_seq == 0)
        m_last_seq = m_pruned;
    auto st = m_db.prepare("SELECT line FROM records WHERE seq = ?");
    st.bind(1, static_cast<int64_t>(m_last_seq));
    if (st.step())
        m_last_hash = hash_in_line(st.column_text(0)).value_or("");
    else
        m_last_hash = meta(m_db, "pruned_hash").value_or(k_genesis_hash);
    if (m_last_hash.empty())
        throw DatabaseError(path + ": the newest record does not parse; the chain cannot go on");
}

std::vector<Record> EventLogWriter::append(std::vector<Record> drafts) {
    uint64_t seq = m_last_seq;
    std::string hash = m_last_hash;
    {
        Transaction tx(m_db);
        auto st = m_db.prepare("INSERT INTO records(seq, at, line) VALUES(?, ?, ?)");
        for (Record& r : drafts) {
            r.seq = ++seq;
            r.hash = record_hash(r, hash);
            hash = r.hash;
            st.bind(1, static_cast<int64_t>(r.seq)).bind(2, r.at).bind(3, encode_record_line(r));
            st.run();
            st.reset();
        }
        tx.commit();
    }
    m_last_seq = seq;
    m_last_hash = hash;
    if (m_last_seq - m_pruned > m_max_records)
        prune();
    return drafts;
}

void EventLogWriter::prune() {
    const uint64_t keep = m_max_records * 9 / 10;
    const uint64_t through = m_last_seq - keep;
    auto st = m_db.prepare("SELECT line FROM records WHERE seq = ?");
    st.bind(1, static_cast<int64_t>(through));
    if (!st.step())
        return;
    const auto hash = hash_in_line(st.column_text(0));
    if (!hash)
        return;
    Transaction tx(m_db);
    auto del = m_db.prepare("DELETE FROM records WHERE seq <= ?");
    del.bind(1, static_cast<int64_t>(through));
    del.run();
    set_meta(m_db, "pruned_through", std::to_string(through));
    set_meta(m_db, "pruned_hash", *hash);
    tx.commit();
    m_pruned = through;
}

EventLogReader::EventLogReader(const std::string& path) : m_db(path, OpenMode::ReadOnly) {
    m_db.exec("PRAGMA query_only=ON");
}

std::string EventLogReader::board() {
    return meta(m_db, "board").value_or("");
}

uint64_t EventLogReader::last_seq() {
    const auto last = static_cast<uint64_t>(single_int(m_db, "SELECT MAX(seq) FROM records"));
    return last ? last : pruned_through();
}

uint64_t EventLogReader::oldest_seq() {
    return static_cast<uint64_t>(single_int(m_db, "SELECT MIN(seq) FROM records"));
}

uint64_t EventLogReader::pruned_through() {
    return static_cast<uint64_t>(std::stoull(meta(m_db, "pruned_through").value_or("0")));
}

std::optional<std::string> EventLogReader::hash_of(uint64_t seq) {
    if (seq == 0)
        return k_genesis_hash;
    auto st = m_db.prepare("SELECT line FROM records WHERE seq = ?");
    st.bind(1, static_cast<int64_t>(seq));
    if (st.step())
        return hash_in_line(st.column_text(0));
    if (seq == pruned_through())
        return meta(m_db, "pruned_hash");
    return std::nullopt;
}

std::vector<StoredRecord> EventLogReader::read_after(uint64_t seq, size_t limit, size_t max_bytes) {
    std::vector<StoredRecord> out;
    auto st = m_db.prepare("SELECT seq, line FROM records WHERE seq > ? ORDER BY seq LIMIT ?");
    st.bind(1, static_cast<int64_t>(seq)).bind(2, static_cast<int64_t>(limit));
    size_t bytes = 0;
    while (st.step()) {
        StoredRecord r{static_cast<uint64_t>(st.column_int(0)), st.column_text(1)};
        bytes += r.line.size() + 1;
        if (bytes > max_bytes && !out.empty())
            break;
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace content::events
