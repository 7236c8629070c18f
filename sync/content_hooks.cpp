// Safety check and search-index maintenance wired into the apply path.
#include "sync/content_hooks.h"

#include "content/safety/approval.h"
#include "content/search/index.h"

namespace sync_core {

ApplyHooks content_hooks(std::shared_ptr<const content::safety::SafetyRules> rules) {
    ApplyHooks hooks;
    if (rules) {
        hooks.on_notice_arrival = [rules](const content::Notice& notice) {
            return content::safety::unapproved_rules(notice, *rules);
        };
    }
    hooks.on_index_update = [](content::Store& store, const NoticeChanges& changes) {
        // A first apply (or an index of an older format) indexes everything; afterwards only
        // what changed, so a small update writes little.
        if (content::search::search_index_status(store.database()).format !=
            content::search::k_search_index_format) {
            content::search::rebuild_search_index(store.database());
            return;
        }
        content::search::SearchIndexWriter writer(store.database());
        for (const UpsertedNotice& upserted : changes.upserted) {
            writer.update(*upserted.notice);
        }
        for (const std::string& id : changes.removed) {
            writer.remove(id);
        }
        writer.flush();
    };
    return hooks;
}

}  // namespace sync_core
