// Planning an update, pure.
#include "sync/update_plan.h"

namespace sync_core {

UpdatePlan plan_update(const std::map<std::string, std::string>& current,
                       const std::map<std::string, std::string>& incoming) {
    UpdatePlan plan;
    for (const auto& [id, hash] : incoming) {
        auto it = current.find(id);
        if (it == current.end() || it->second != hash) {
            plan.upsert.push_back(id);
        } else {
            ++plan.unchanged;
        }
    }
    for (const auto& [id, hash] : current) {
        if (!incoming.count(id)) {
            plan.remove.push_back(id);
        }
    }
    return plan;
}

}  // namespace sync_core
