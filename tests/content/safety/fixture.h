// Shared by the safety tests: the shipped rules (content/safety/rules/), loaded once, and small helpers.
#pragma once

#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "content/diagnostic.h"
#include "content/safety/check.h"
#include "content/safety/rules_loader.h"
#include "tests/test_paths.h"

namespace safety_test {

inline const content::safety::SafetyRules& shipped_rules() {
    static const content::safety::SafetyRules rules = [] {
        content::safety::SafetyRulesResult loaded =
            content::safety::load_safety_rules(test_paths::source_dir() / "content" / "safety" / "rules");
        if (!loaded.rules) {
            std::string problems;
            for (const content::Diagnostic& d : loaded.diagnostics) {
                problems += content::format_diagnostic(d) + "\n";
            }
            throw std::runtime_error("the shipped safety rules do not load:\n" + problems);
        }
        return std::move(*loaded.rules);
    }();
    return rules;
}

// The rules that fire on a text, as a set ("gambling", "invisible", ...).
inline std::set<std::string> rules_in(std::string_view text) {
    std::set<std::string> out;
    for (const content::safety::SafetyFinding& f : content::safety::check_text(text, shipped_rules())) {
        out.insert(f.rule);
    }
    return out;
}

inline std::string describe(std::string_view text) {
    std::string out;
    for (const content::safety::SafetyFinding& f : content::safety::check_text(text, shipped_rules())) {
        out += f.rule + " [" + f.term + "] " + f.excerpt + "\n";
    }
    return out.empty() ? "(no findings)" : out;
}

}  // namespace safety_test
