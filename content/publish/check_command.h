// kiosk-publish check: the content safety checker over notice files or folders of them.
#pragma once

#include <string>
#include <vector>

// kiosk-publish check [--json] [--rules DIR] PATH...
// Exit codes: 0 nothing flagged (or every finding approved), 1 flagged, 2 usage or I/O errors.
int run_check_command(const std::vector<std::string>& args);
