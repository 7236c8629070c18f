// Reviewer approvals of safety findings: a reviewer may let one exact finding through (an
// official's mobile number, a quoted scam phrase), bound to the text's hash so any edit voids it.
//
// Approvals live in a review file, reviews.json, in the notices folder (or any folder above a
// notice file; the nearest one counts), so the notice format itself does not change:
//
//   {"approvals": [{
//       "notice": "affairs-2026-anti-fraud",       the notice id (file stem)
//       "text_sha256": "9f2c…",                    safety_text_sha256() of the notice when approved
//       "rule": "contact", "field": "body",        the finding's rule and field
//       "match": "138 0013 8000",                  the exact text of the finding's span
//       "reviewer": "王堃",                         who approved it
//       "note": "社区民警工作手机，已核实"}]}          why (optional)
//
// `kiosk-publish check --json` prints notice, text_sha256, field and match with every finding,
// so an approval is a copy of those fields plus the reviewer's name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/diagnostic.h"
#include "content/notice.h"
#include "content/safety/finding.h"
#include "content/safety/rules.h"

namespace content::safety {

struct Approval {
    std::string notice;
    std::string text_sha256;
    std::string rule;
    std::string field;
    std::string match;
    std::string reviewer;
    std::string note;
    bool operator==(const Approval&) const = default;
};

// sha256 (hex) of the fields a resident reads (title, department, body, source_url) as a JSON
// array: editing any of them voids every approval of the notice; changing its boards or dates
// does not.
std::string safety_text_sha256(const Notice& notice);

// The original text of a finding's span in its field of `notice` (empty when out of range).
std::string_view finding_text(const SafetyFinding& finding, const Notice& notice);

// Whether a reviewer approved exactly this finding of exactly this text. Invisible characters
// are never approvable: a notice never needs them.
bool finding_approved(const SafetyFinding& finding, const Notice& notice,
                      const std::vector<Approval>& approvals);

// What publishing and boards act on: the distinct rules of the findings no approval covers, in
// order of first appearance ("gambling,url"), or nothing when the notice may be shown. This is
// the value kiosk-syncd stores as the quarantine rule and kiosk-publish build refuses on.
std::optional<std::string> unapproved_rules(const Notice& notice, const SafetyRules& rules,
                                            const std::vector<Approval>& approvals = {});

struct ApprovalsResult {
    std::vector<Approval> approvals;
    std::vector<Diagnostic> diagnostics;
};

// Parses a review file (pure); `file` names it in diagnostics.
ApprovalsResult parse_approvals(const std::string& file, std::string_view json_text);

}  // namespace content::safety
