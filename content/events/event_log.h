// events.db: the kiosk's own database (its only one) holding the board's hash-chained records.
// One writer (the kiosk's event writer thread) appends; kiosk-syncd reads it read-only to
// upload segments. WAL with synchronous=FULL: a committed record survives a power cut.
//
//   records(seq INTEGER PRIMARY KEY, at INTEGER, line TEXT)  -- line = encode_record_line()
//   meta(key TEXT PRIMARY KEY, value TEXT)                   -- board, pruned_through, pruned_hash
//
// Retention: at most `max_records` rows; beyond that the oldest are deleted in one step down to
// 90%, and meta keeps the last deleted seq and hash so the chain goes on and the uploader can
// declare what it never sent ("unsent_from" in the next segment).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/events/event_record.h"
#include "content/sqlite.h"

namespace content::events {

inline constexpr std::string_view k_events_db_name = "events.db";
// About 200 MB (bench_events: ~500 bytes a row with index and WAL); 4.5 months of a busy hall.
inline constexpr uint64_t k_default_max_records = 400000;

struct StoredRecord {
    uint64_t seq = 0;
    std::string line;
};

class EventLogWriter {
public:
    // Creates or opens `path`; throws DatabaseError (another board's database is refused).
    EventLogWriter(const std::string& path, const std::string& board,
                   uint64_t max_records = k_default_max_records);

    // Gives each draft its seq and hash and commits them in one transaction (then they are
    // durable). Throws DatabaseError (a full disk, say): nothing of the batch is kept, and the
    // chain state is unchanged, so the caller can count them as lost and go on.
    std::vector<Record> append(std::vector<Record> drafts);

    uint64_t last_seq() const { return m_last_seq; }
    const std::string& last_hash() const { return m_last_hash; }
    uint64_t pruned_records() const { return m_pruned; }

private:
    void prune();
    Database m_db;
    std::string m_board;
    uint64_t m_max_records;
    uint64_t m_last_seq = 0;
    std::string m_last_hash;
    uint64_t m_pruned = 0;
};

class EventLogReader {
public:
    explicit EventLogReader(const std::string& path);  // read-only; throws DatabaseError

    std::string board();
    uint64_t last_seq();
    uint64_t oldest_seq();      // 0 when empty
    uint64_t pruned_through();  // last seq removed by retention (0: none)
    // The hash of record `seq` (genesis for 0, meta's pruned_hash for the pruned tip), or nullopt.
    std::optional<std::string> hash_of(uint64_t seq);
    std::vector<StoredRecord> read_after(uint64_t seq, size_t limit, size_t max_bytes);

private:
    Database m_db;
};

}  // namespace content::events
