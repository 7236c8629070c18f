// One problem the content safety checker found: the rule, where it is in the original text, and
// what matched.
#pragma once

#include <cstddef>
#include <string>

namespace content::safety {

struct SafetyFinding {
    // "gambling", "porn", "fraud", "app-download" (the term files), "url", "contact",
    // "invisible" or "mixed-script".
    std::string rule;
    // check_notice: "title", "department", "body" or "source_url"; check_text leaves it empty.
    std::string field;
    // Byte offsets of the finding in the original text of the field: [start, end).
    size_t start = 0;
    size_t end = 0;
    // The span with a few characters around it on one line; invisible characters are spelled
    // out ("博<U+200B>彩") so that a reviewer can see them.
    std::string excerpt;
    // What matched: the term as written in the rules file ("澳门新葡京", "注册*送"), the domain
    // ("xpj888.com"), "mobile number", the messenger name ("V信"), the code points ("U+202E"),
    // or the Latin reading of a look-alike word ("app").
    std::string term;

    bool operator==(const SafetyFinding&) const = default;
};

}  // namespace content::safety
