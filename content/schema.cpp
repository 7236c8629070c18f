// Forward migrations of content.db. Never edit a released step; add a new one at the end.
#include "content/schema.h"

#include <array>
#include <string>

namespace content {
namespace {

// Step N upgrades user_version N-1 to N.
constexpr std::array<const char*, 5> k_migrations{
    // 1: notices, content-addressed assets, sync state.
    R"sql(
CREATE TABLE notices (
    id           TEXT PRIMARY KEY,
    category     TEXT NOT NULL CHECK (category IN
                   ('party','government','affairs','finance','service','announcement')),
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    department   TEXT NOT NULL DEFAULT '',
    published_at INTEGER NOT NULL,
    starts_at    INTEGER,
    expires_at   INTEGER,
    priority     TEXT NOT NULL DEFAULT 'normal'
                   CHECK (priority IN ('normal','pinned','emergency')),
    boards       TEXT NOT NULL DEFAULT '[]',
    source_url   TEXT NOT NULL DEFAULT '',
    images       TEXT NOT NULL DEFAULT '[]',
    content_hash TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX notices_by_category ON notices (category, published_at DESC);
CREATE TABLE assets (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    mime   TEXT NOT NULL DEFAULT 'application/octet-stream',
    data   BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
)sql",
    // 2: notices flagged by the safety checker are kept but never shown.
    R"sql(
ALTER TABLE notices ADD COLUMN quarantine TEXT;
CREATE INDEX notices_by_priority ON notices (priority, published_at DESC);
)sql",
    // 3: the search index (search_index.h): document numbers, and segments of postings stored
    // as chunks of terms in order; kiosk-syncd fills it (ensure_search_index). The index on
    // notices holds what the searcher keeps in memory, so loading it reads no notice body.
    R"sql(
CREATE TABLE search_docs (
    doc       INTEGER PRIMARY KEY,
    notice_id TEXT NOT NULL UNIQUE,
    text_hash INTEGER NOT NULL
);
CREATE TABLE search_segments (
    segment   INTEGER PRIMARY KEY,
    first_doc INTEGER NOT NULL,
    end_doc   INTEGER NOT NULL
);
CREATE TABLE search_chunks (
    chunk INTEGER PRIMARY KEY,  -- segment << 45 | first term (search_segment.h)
    data  BLOB NOT NULL
);
CREATE TABLE search_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX notices_for_search
    ON notices (category, published_at, starts_at, expires_at, quarantine, title);
)sql",
    // 4: the search index moves to FTS5 (content/search/index.h): the segments and chunks go and
    // the index is rebuilt. Its FTS5 tables are created by content/search, which registers the
    // tokenizer they need (a connection without it cannot open them).
    R"sql(
DROP TABLE search_chunks;
DROP TABLE search_segments;
DELETE FROM search_docs;
DELETE FROM search_meta WHERE key <> 'generation';
)sql",
    // 5: an emergency's level ('orange', 'yellow', 'blue'; NULL is red) and a notice's display
    // schedule (schedule_to_json text; NULL is always while live).
    R"sql(
ALTER TABLE notices ADD COLUMN level TEXT CHECK (level IN ('orange','yellow','blue'));
ALTER TABLE notices ADD COLUMN schedule TEXT;
)sql",
};

}  // namespace

int schema_version_latest() {
    return static_cast<int>(k_migrations.size());
}

void migrate(Database& db, int target) {
    if (target < 0) {
        target = schema_version_latest();
    }
    const int64_t current = db.pragma_int("user_version");
    if (current > schema_version_latest()) {
        throw DatabaseError(db.path() + " has schema version " + std::to_string(current) +
                            ", newer than this program understands (" +
                            std::to_string(schema_version_latest()) + "); update the software");
    }
    for (int64_t version = current + 1; version <= target; ++version) {
        Transaction tx(db);
        db.exec(k_migrations[static_cast<size_t>(version - 1)]);
        // PRAGMA takes no bound parameters; the value is our own integer.
        db.exec(("PRAGMA user_version = " + std::to_string(version)).c_str());
        tx.commit();
    }
}

}  // namespace content
