// Logging to stderr with sd-daemon priority prefixes ("<3>" error ... "<6>" info).
#include "content/log.h"

#include <cstdio>
#include <string>

namespace content::log {
namespace {

void write(const char* prefix, std::string_view message) {
    std::string line(prefix);
    line.append(message);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void error(std::string_view message) {
    write("<3>", message);
}
void warning(std::string_view message) {
    write("<4>", message);
}
void notice(std::string_view message) {
    write("<5>", message);
}
void info(std::string_view message) {
    write("<6>", message);
}

}  // namespace content::log
