// kiosk-publish build's safety gate: every notice is checked with the content-safety rules, and a
// finding blocks publishing unless a reviewer approved exactly that finding of exactly that text
// in SRC_DIR/reviews.json.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "content/source_tree.h"

namespace publish {

// Prints every unapproved finding ("id: field: rule: excerpt [term]") and a summary to stderr.
// Returns 0 when the tree may be published, 1 when findings block it, 2 when the rules or the
// review file cannot be read. `rules_dir` empty: content::safety::default_rules_dir().
int check_before_publishing(const content::SourceTree& tree, const std::filesystem::path& src_dir,
                            const std::optional<std::string>& rules_dir);

}  // namespace publish
