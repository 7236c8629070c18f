// Formatting of validation messages for staff.
#include "content/diagnostic.h"

namespace content {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ":" + std::to_string(d.line);
    }
    out += ": ";
    if (!d.field.empty()) {
        out += d.field + ": ";
    }
    out += d.message;
    return out;
}

}  // namespace content
