// The rules files: staff can add a rule by adding a file; every mistake is a diagnostic naming the
// file and line, and a missing Unicode table is an error rather than a silently weaker checker.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/safety/check.h"
#include "content/safety/rules.h"

namespace {

const content::safety::RuleFile k_fold{"unicode/fold.txt", "FF21 0061\nFF41 0061\n"};
const content::safety::RuleFile k_traditional{"unicode/traditional.txt", "賭 赌\n門 门\n"};

bool mentions(const std::vector<content::Diagnostic>& ds, const std::string& file, int line) {
    return std::any_of(ds.begin(), ds.end(),
                       [&](const auto& d) { return d.file == file && d.line == line; });
}

}  // namespace

TEST_CASE("rules files: a new terms file is a new rule, with comments, '!' and '*'") {
    const auto result = content::safety::parse_safety_rules({
        k_fold,
        k_traditional,
        {"terms/drugs.txt", "# 毒品广告\n!冰毒出售   # brand-like\n大麻*出售\n!賭毒\n"},
        {"context_cues.txt", "打击\n"},
    });
    REQUIRE(result.diagnostics.empty());
    REQUIRE(result.rules);
    const content::safety::SafetyRules& rules = *result.rules;
    REQUIRE(rules.terms.size() == 3);
    CHECK(rules.terms[0].rule == "drugs");
    CHECK(rules.terms[0].context == content::safety::TermContext::Always);
    CHECK(rules.terms[1].pieces.size() == 2);

    const auto found = content::safety::check_text("大麻现货出售。严厉打击冰毒出售。", rules);
    REQUIRE(found.size() == 2);
    CHECK(found[0].rule == "drugs");
    CHECK(found[0].term == "大麻*出售");
    CHECK(found[1].term == "冰毒出售");
    CHECK(content::safety::check_text("严厉打击大麻出售。", rules).empty());
    // The traditional table applies to terms and text alike: 賭毒 in the file finds 赌毒.
    CHECK(content::safety::check_text("赌毒", rules).size() == 1);
}

TEST_CASE("rules files: each bad line is a diagnostic with its file and line") {
    const auto result = content::safety::parse_safety_rules({
        {"unicode/fold.txt", "FF21 0061\nnot hex\n"},
        {"unicode/traditional.txt", "賭赌\n"},
        {"homoglyphs.txt", "а 1\n"},
        {"terms/gambling.txt", "百家乐\n！！！\n"},
        {"terms/Bad Name.txt", "x\n"},
        {"allowed_domains.txt", ".cn\n"},
        {"notes.txt", "\n"},
    });
    CHECK_FALSE(result.rules);
    const auto& d = result.diagnostics;
    CHECK(mentions(d, "unicode/fold.txt", 2));
    CHECK(mentions(d, "unicode/traditional.txt", 1));
    CHECK(mentions(d, "homoglyphs.txt", 1));
    CHECK(mentions(d, "terms/gambling.txt", 2));
    CHECK(mentions(d, "terms/Bad Name.txt", 0));
    CHECK(mentions(d, "allowed_domains.txt", 1));
    CHECK(mentions(d, "notes.txt", 0));
}

TEST_CASE("rules files: the Unicode tables must be present") {
    const auto result = content::safety::parse_safety_rules({{"terms/gambling.txt", "百家乐\n"}});
    CHECK_FALSE(result.rules);
    CHECK(mentions(result.diagnostics, "unicode/fold.txt", 0));
    CHECK(mentions(result.diagnostics, "unicode/traditional.txt", 0));
}
