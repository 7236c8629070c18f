// A validation message that names the file, the line and the field, and says what to write.
#pragma once

#include <string>
#include <vector>

namespace content {

struct Diagnostic {
    std::string file;
    int line = 0;  // 1-based; 0 when the problem is the whole file
    std::string field;
    std::string message;
};

// "notices/finance/q3.md:4: category: unknown category '财政'; write one of: 党务 (party), ..."
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace content
