// Planning an update, pure: which notices to write and which to remove to reach a new version.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sync_core {

struct UpdatePlan {
    std::vector<std::string> upsert;  // ids whose content is new or changed
    std::vector<std::string> remove;  // ids no longer in the channel
    int unchanged = 0;
    bool empty() const { return upsert.empty() && remove.empty(); }
};

// `current` and `incoming` map notice id to content hash. Only changed notices are written, so a
// small change rewrites only a few pages of the database (SD cards wear out).
UpdatePlan plan_update(const std::map<std::string, std::string>& current,
                       const std::map<std::string, std::string>& incoming);

}  // namespace sync_core
