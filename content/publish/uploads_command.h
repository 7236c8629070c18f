// What proof, fleet and report share: the registry (--registry, default UPLOADS/boards.toml) and
// each board's verified uploads, with every problem printed as "object: message".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/board_registry.h"
#include "content/events/uploads_reader.h"

namespace publish {

// Prints the diagnostics and returns nullopt when the registry cannot be used.
std::optional<content::BoardRegistry> load_registry_for(const std::string& uploads,
                                                        const std::optional<std::string>& registry);

// Reads every registered board; uploads from unregistered boards go to `unknown` (one line each).
std::vector<content::events::BoardUploads> read_registered_uploads(
    const std::string& uploads, const content::BoardRegistry& registry,
    std::vector<std::string>& unknown);

// Prints the chain's problems to stderr; true when there were none.
bool report_chain_problems(const content::events::BoardUploads& board);

// "2026-07-01 08:00 (Beijing)" style for the tables.
std::string format_time(int64_t unix_seconds);

}  // namespace publish
