// Logging to stderr with sd-daemon priority prefixes, which journald turns into priorities.
#pragma once

#include <string_view>

namespace content::log {

void error(std::string_view message);
void warning(std::string_view message);
void notice(std::string_view message);
void info(std::string_view message);

}  // namespace content::log
