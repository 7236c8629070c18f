// Runs every detector over a normalised text, then sorts the findings, drops those contained in
// another of the same rule, and cuts an excerpt around each.
#include "content/safety/check.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "content/safety/context.h"
#include "content/safety/text.h"

namespace content::safety {
namespace {

constexpr int k_context_chars = 10;

size_t step_back(std::string_view text, size_t pos) {
    do {
        --pos;
    } while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80);
    return pos;
}

// "…严厉打击赌博，澳门新葡京注册送…": up to ten characters either side, on the same line,
// with invisible characters and invalid bytes spelled out.
std::string make_excerpt(std::string_view text, size_t start, size_t end) {
    size_t from = start;
    for (int n = 0; n < k_context_chars && from > 0 && text[from - 1] != '\n'; ++n) {
        from = step_back(text, from);
    }
    size_t to = end;
    for (int n = 0; n < k_context_chars && to < text.size() && text[to] != '\n'; ++n) {
        bool valid = true;
        safety::decode_utf8(text, to, valid);
    }
    std::string out = from > 0 && text[from - 1] != '\n' ? "…" : "";
    for (size_t pos = from; pos < to;) {
        const size_t begin = pos;
        bool valid = true;
        const char32_t c = safety::decode_utf8(text, pos, valid);
        char buffer[16];
        if (!valid) {
            std::snprintf(buffer, sizeof buffer, "<0x%02X>",
                          static_cast<unsigned char>(text[begin]));
            out += buffer;
        } else if (c == '\n' || c == '\t' || c == '\r') {
            out += ' ';
        } else if (safety::is_invisible(c) || c == 0x200D) {
            std::snprintf(buffer, sizeof buffer, "<U+%04X>", static_cast<unsigned>(c));
            out += buffer;
        } else {
            out.append(text.substr(begin, pos - begin));
        }
    }
    if (to < text.size() && text[to] != '\n') {
        out += "…";
    }
    return out;
}

// "加V信：abc123" is found by the names 加V and V信, "微信号 abc123" by 微信 and 微信号: findings
// of one rule that overlap become one, spanning both.
void merge_overlapping(std::vector<SafetyFinding>& findings) {
    std::sort(findings.begin(), findings.end(), [](const SafetyFinding& a, const SafetyFinding& b) {
        return std::tie(a.start, b.end, a.rule) < std::tie(b.start, a.end, b.rule);
    });
    std::vector<SafetyFinding> kept;
    for (SafetyFinding& f : findings) {
        const auto same = std::find_if(kept.rbegin(), kept.rend(), [&](const SafetyFinding& k) {
            return k.rule == f.rule && f.start < k.end;
        });
        if (same == kept.rend()) {
            kept.push_back(std::move(f));
        } else if (f.end > same->end) {
            same->end = f.end;
            if (same->term != f.term) {
                same->term += " " + f.term;
            }
        }
    }
    findings = std::move(kept);
}

// The layers that do not explain themselves: invisible characters and look-alike letters.
void explain_default(SafetyFinding& f) {
    if (!f.layer.empty()) {
        return;
    }
    f.layer = f.rule;
    if (f.rule == "invisible") {
        f.normalized.clear();
        f.reason =
            "characters a resident cannot see (" + f.term +
            ") hide or reverse words; they are never needed in a notice and never approvable";
    } else if (f.rule == "mixed-script") {
        f.reason = "letters of another script that pass for Latin ones inside a word, read as \"" +
                   f.term + "\"";
    } else {
        f.reason = "found by the " + f.rule + " rule";
    }
}

}  // namespace

std::vector<SafetyFinding> check_text(std::string_view text, const SafetyRules& rules) {
    // Kept between calls so that checking a channel reuses the buffers (the result never depends
    // on what was checked before: normalize_text clears them).
    thread_local safety::NormalizedText normalized;
    safety::normalize_text(text, rules, normalized);
    std::vector<SafetyFinding> findings = std::move(normalized.invisible);
    const safety::MatchContext context(normalized, rules);
    safety::detect_terms(context, findings);
    safety::detect_messengers(context, findings);
    safety::detect_mobile_numbers(context, findings);
    safety::detect_urls(context, findings);
    safety::detect_mixed_script(context, findings);
    safety::detect_brand_shapes(context, findings);
    safety::detect_suspected(context, findings);  // last: it skips spans already found
    merge_overlapping(findings);
    for (SafetyFinding& f : findings) {
        f.excerpt = make_excerpt(text, f.start, f.end);
        explain_default(f);
    }
    return findings;
}

std::vector<CheckedField> checked_fields(const Notice& notice) {
    return {{"title", notice.title},
            {"department", notice.department},
            {"body", notice.body},
            {"source_url", notice.source_url}};
}

std::vector<SafetyFinding> check_notice(const Notice& notice, const SafetyRules& rules) {
    std::vector<SafetyFinding> all;
    for (const CheckedField& field : checked_fields(notice)) {
        for (SafetyFinding& f : check_text(field.text, rules)) {
            f.field = std::string(field.name);
            all.push_back(std::move(f));
        }
    }
    return all;
}

}  // namespace content::safety
