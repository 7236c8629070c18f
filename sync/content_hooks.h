// The board's own checks and indexes in the apply path: every arriving notice is checked again by
// the content-safety rules (the publishing machine may be the compromised one) and the search
// index is updated inside the apply transaction.
#pragma once

#include <memory>

#include "content/safety/rules.h"
#include "sync/apply_hooks.h"

namespace sync_core {

// `rules` may be null only in tests that do not check content; kiosk-syncd refuses to start
// without rules. Notices approved at publishing are still quarantined on boards, which fails
// safe: approvals are not yet carried in the channel.
ApplyHooks content_hooks(std::shared_ptr<const content::safety::SafetyRules> rules);

}  // namespace sync_core
