// Applying a verified, fully staged update to content.db in one transaction.
#pragma once

#include <string>
#include <vector>

#include "content/store.h"
#include "sync/apply_hooks.h"
#include "sync/staging.h"
#include "sync/sync_status.h"
#include "sync/update_plan.h"

namespace sync_core {

struct StagedAsset {
    std::string sha256;  // also its file name in staging
    std::string mime;
    uint64_t size = 0;
};

struct StagedUpdate {
    UpdatePlan plan;
    std::vector<content::Notice> notices;  // one per plan.upsert id, verified
    std::vector<StagedAsset> assets;       // assets the store lacks, staged and verified
};

struct ApplyStats {
    int upserted = 0;
    int removed = 0;
    int quarantined = 0;
    int assets_added = 0;
    int assets_collected = 0;
};

// Runs the arrival hook on every notice, then in ONE transaction: removes, upserts (only changed
// notices, so a small change rewrites few pages), inserts new assets, then collects assets no
// notice refers to any more, runs the index hook and writes `state`. Readers see the old version
// until the commit and the new one after; a kill at any point leaves one or the other.
// Throws content::DatabaseError or SyncError; on any throw nothing was changed.
ApplyStats apply_update(content::Store& store, const StagedUpdate& update, const Staging& staging,
                        const ApplyHooks& hooks, const StateEntries& state);

}  // namespace sync_core
