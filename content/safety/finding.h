// One problem the content safety checker found: the rule, where it is in the original text, what
// matched, and the explanation a reviewer reads (which layer, the normalised text, why).
#pragma once

#include <cstddef>
#include <string>

namespace content::safety {

// A finding from the lists, templates, contacts, addresses and invisible characters is Certain;
// one from the statistical scorer is Suspected: a reviewer should read it, and approves it like
// any other finding when the text is legitimate.
enum class Certainty { Certain, Suspected };

struct SafetyFinding {
    // "gambling", "porn", "fraud", "app-download" (the term files), "url", "contact",
    // "invisible", "mixed-script", or "suspected" (the scorer).
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
    // the Latin reading of a look-alike word ("app"), or the scorer's strongest n-grams.
    std::string term;
    // Which layer of the checker fired: "list" (a term of terms/*.txt), "pinyin" (the Latin
    // reading or initials of a listed term), "template" (a phrasing of the trade, templates/*.txt),
    // "brand-shape" (a name with a trade suffix beside trade words, trade.txt), "contact", "url",
    // "invisible", "mixed-script" or "scorer".
    std::string layer;
    // The span as the matcher read it: folded, simplified, look-alikes and radicals read as the
    // characters they stand for, separators dropped ("澳门新葡京" for "澳門.新⻔葡京").
    std::string normalized;
    // Why this is a finding, one sentence in English for the reviewer.
    std::string reason;
    Certainty certainty = Certainty::Certain;
    // The scorer's score of the span (log-odds, higher is more like spam); 0 for other layers.
    double score = 0;

    bool operator==(const SafetyFinding&) const = default;
};

}  // namespace content::safety
