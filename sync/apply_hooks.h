// Extension points in the apply path: a content-safety check on every arriving notice, and an
// index update (search) run inside the same transaction as the notices it indexes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "content/notice.h"
#include "content/store.h"

namespace sync_core {

// Returns the rule a notice breaks, to keep it quarantined (stored, never shown), or nullopt to
// accept it. Called once per new or changed notice, before the transaction starts.
using NoticeArrivalHook = std::function<std::optional<std::string>(const content::Notice&)>;

struct UpsertedNotice {
    const content::Notice* notice;
    std::optional<std::string> quarantine_rule;
};

// What one apply changed, for index maintenance.
struct NoticeChanges {
    std::vector<UpsertedNotice> upserted;
    std::vector<std::string> removed;  // ids
};

// Called inside the apply transaction after the notices are written; throwing rolls back the
// whole update. The store's connection is the writer's, so the index commits atomically with
// the notices.
using IndexUpdateHook = std::function<void(content::Store&, const NoticeChanges&)>;

inline std::optional<std::string> accept_every_notice(const content::Notice&) {
    return std::nullopt;
}

struct ApplyHooks {
    NoticeArrivalHook on_notice_arrival = accept_every_notice;
    IndexUpdateHook on_index_update;  // empty: no index to maintain
};

}  // namespace sync_core
