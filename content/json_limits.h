// Checks on untrusted JSON text before it reaches the JSON library: nesting depth.
#pragma once

#include <cstddef>
#include <string_view>

namespace content {

// Whether arrays and objects in `text` nest at most `max_depth` deep (strings are skipped). A deep
// "[[[[..." costs the parser memory and time for nothing; our formats nest only a few levels.
bool json_nesting_within(std::string_view text, size_t max_depth);

}  // namespace content
