// The content database schema, owned by content/: versioned with PRAGMA user_version and
// upgraded by forward-only migrations.
#pragma once

#include "content/sqlite.h"

namespace content {

// The version this build writes and reads.
int schema_version_latest();

// Applies every migration above the database's user_version up to `target` (default: latest),
// each in its own transaction. Throws DatabaseError if the database is newer than this build.
void migrate(Database& db, int target = -1);

}  // namespace content
