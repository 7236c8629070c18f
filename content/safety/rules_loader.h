// Reads the content safety rules folder from disk (the parsing itself is pure, safety_rules.h).
#pragma once

#include <filesystem>
#include <optional>

#include "content/safety/rules.h"

namespace content::safety {

// Every *.txt file below `dir` (terms/gambling.txt, unicode/fold.txt, ...), parsed. A folder
// that cannot be read is one diagnostic naming it.
SafetyRulesResult load_safety_rules(const std::filesystem::path& dir);

// Where the rules are when no folder is named: $KIOSK_RULES_DIR, then the installed
// /usr/share/kiosk/rules, then content/safety/rules in the source tree of a development build
// (two folders above build/bin/ of the running executable). Nothing when none exists.
std::optional<std::filesystem::path> default_rules_dir();

}  // namespace content::safety
