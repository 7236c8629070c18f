// The single write transaction of an update, and the asset collection after it.
#include "sync/apply_update.h"

#include "content/sha256.h"
#include "sync/sync_problem.h"

namespace sync_core {
namespace {

std::vector<std::optional<std::string>> judge_arrivals(const StagedUpdate& update,
                                                       const ApplyHooks& hooks) {
    std::vector<std::optional<std::string>> rules;
    rules.reserve(update.notices.size());
    for (const content::Notice& notice : update.notices) {
        rules.push_back(hooks.on_notice_arrival ? hooks.on_notice_arrival(notice) : std::nullopt);
    }
    return rules;
}

// Staged bytes are hashed again as they go in: the database only ever holds what was verified.
void insert_assets(content::Store& store, const StagedUpdate& update, const Staging& staging) {
    for (const StagedAsset& asset : update.assets) {
        const std::string bytes = staging.read(asset.sha256, asset.size);
        if (bytes.size() != asset.size || content::sha256_hex(bytes) != asset.sha256) {
            throw SyncError(Problem::HashMismatch,
                            "staged asset " + asset.sha256.substr(0, 12) + "… changed on disk");
        }
        store.put_asset(asset.sha256, bytes, asset.mime);
    }
}

}  // namespace

ApplyStats apply_update(content::Store& store, const StagedUpdate& update, const Staging& staging,
                        const ApplyHooks& hooks, const StateEntries& state) {
    const std::vector<std::optional<std::string>> rules = judge_arrivals(update, hooks);
    ApplyStats stats;
    NoticeChanges changes;
    {
        content::Transaction tx(store.database());
        for (const std::string& id : update.plan.remove) {
            store.remove_notice(id);
            changes.removed.push_back(id);
            ++stats.removed;
        }
        for (size_t i = 0; i < update.notices.size(); ++i) {
            store.put_notice(update.notices[i], rules[i]);
            changes.upserted.push_back({&update.notices[i], rules[i]});
            ++stats.upserted;
            stats.quarantined += rules[i] ? 1 : 0;
        }
        insert_assets(store, update, staging);
        stats.assets_added = static_cast<int>(update.assets.size());
        // Collected in the same transaction, after the notices that referred to them are gone:
        // a kill between two transactions would leave unreferenced images behind.
        if (stats.removed > 0 || stats.upserted > 0) {
            stats.assets_collected = store.collect_garbage_assets();
        }
        if (hooks.on_index_update) {
            hooks.on_index_update(store, changes);
        }
        put_state(store, state);
        tx.commit();
    }
    return stats;
}

}  // namespace sync_core
