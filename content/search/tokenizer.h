// The project's term generator (terms.h) as an FTS5 tokenizer, "kiosk_terms", registered on a
// connection before it touches the index tables. Documents are folded and cut into terms; queries
// are written by the searcher as terms already, one per quoted string, and pass through as they
// are.
#pragma once

#include "content/sqlite.h"

namespace content::search {

inline constexpr const char* k_tokenizer_name = "kiosk_terms";

// Registers the tokenizer on `db` unless it already is. Throws DatabaseError when SQLite has no
// FTS5. Every connection that reads or writes search_titles or search_bodies needs it (the
// sqlite3 shell cannot query them).
void register_search_tokenizer(Database& db);

}  // namespace content::search
