// The content safety checker: finds injected spam and hidden text in notices. Pure code: the
// rules come in as a value (see safety_rules.h and content/safety/rules/README.md).
//
//   const content::safety::SafetyRules& rules = ...;          //
//   load_safety_rules("content/safety/rules") for (const content::safety::SafetyFinding& f :
//   content::safety::check_notice(notice, rules)) {
//       // f.rule "gambling", f.field "body", f.start/f.end bytes of notice.body, f.excerpt
//   }
#pragma once

#include <string_view>
#include <vector>

#include "content/notice.h"
#include "content/safety/finding.h"
#include "content/safety/rules.h"

namespace content::safety {

// Findings in one text, sorted by position; offsets are bytes of `text`.
std::vector<SafetyFinding> check_text(std::string_view text, const SafetyRules& rules);

// Findings in every field a resident sees: title, department, body (the Markdown source, so
// hidden HTML and link targets are checked too) and source_url; each finding names its field.
std::vector<SafetyFinding> check_notice(const Notice& notice, const SafetyRules& rules);

// The fields check_notice reads, in order, with their names.
struct CheckedField {
    std::string_view name;
    std::string_view text;
};
std::vector<CheckedField> checked_fields(const Notice& notice);

}  // namespace content::safety
