// The safety corpus (tests/content/safety/corpus/, see its README): every injected notice is
// caught with the rules it was written to trip, no clean notice is flagged, and neither is any
// sample notice.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "content/source_tree.h"
#include "tests/content/safety/fixture.h"

namespace {

std::filesystem::path corpus_dir() {
    return test_paths::source_dir() / "tests" / "content" / "safety" / "corpus";
}

struct Expectation {
    std::set<std::string> rules;
    std::string evasion;
};

std::map<std::string, Expectation> expectations() {
    std::map<std::string, Expectation> out;
    std::ifstream in(corpus_dir() / "injected" / "expected.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::istringstream fields(line);
        std::string id, rules, evasion;
        std::getline(fields, id, '\t');
        std::getline(fields, rules, '\t');
        std::getline(fields, evasion);
        Expectation e{{}, evasion};
        std::istringstream list(rules);
        for (std::string rule; std::getline(list, rule, ',');) {
            e.rules.insert(rule);
        }
        out[id] = e;
    }
    return out;
}

std::string findings_text(const std::vector<content::safety::SafetyFinding>& findings) {
    std::string out;
    for (const auto& f : findings) {
        out += f.field + " " + f.rule + " [" + f.term + "] " + f.excerpt + "\n";
    }
    return out;
}

content::SourceTree load(const std::filesystem::path& dir) {
    content::SourceTree tree = content::load_source_tree(dir);
    for (const content::Diagnostic& d : tree.diagnostics) {
        FAIL_CHECK(content::format_diagnostic(d));
    }
    return tree;
}

}  // namespace

TEST_CASE("safety corpus: every injected notice is caught with the rules it was written to trip") {
    const content::SourceTree tree = load(corpus_dir() / "injected");
    const auto expected = expectations();
    CHECK(tree.notices.size() >= 100);
    CHECK(tree.notices.size() == expected.size());
    for (const content::Notice& notice : tree.notices) {
        CAPTURE(notice.id);
        const auto it = expected.find(notice.id);
        REQUIRE(it != expected.end());
        CAPTURE(it->second.evasion);
        const auto findings = content::safety::check_notice(notice, safety_test::shipped_rules());
        const std::string found = findings_text(findings);
        CAPTURE(found);
        std::set<std::string> rules;
        for (const auto& f : findings) {
            rules.insert(f.rule);
        }
        for (const std::string& rule : it->second.rules) {
            CHECK(rules.count(rule) == 1);
        }
    }
}

TEST_CASE("safety corpus: no clean notice is flagged, across all six categories") {
    const content::SourceTree tree = load(corpus_dir() / "clean");
    CHECK(tree.notices.size() >= 100);
    std::map<content::Category, int> per_category;
    for (const content::Notice& notice : tree.notices) {
        CAPTURE(notice.id);
        ++per_category[notice.category];
        const auto findings = content::safety::check_notice(notice, safety_test::shipped_rules());
        const std::string found = findings_text(findings);
        CAPTURE(found);
        CHECK(findings.empty());
    }
    CHECK(per_category.size() == 6);
    for (const auto& [category, count] : per_category) {
        CHECK(count >= 15);
    }
}

TEST_CASE("safety: every sample notice is clean") {
    const content::SourceTree tree = load(test_paths::sample_dir());
    CHECK(tree.notices.size() >= 40);
    for (const content::Notice& notice : tree.notices) {
        CAPTURE(notice.id);
        const auto findings = content::safety::check_notice(notice, safety_test::shipped_rules());
        const std::string found = findings_text(findings);
        CAPTURE(found);
        CHECK(findings.empty());
    }
}

TEST_CASE(
    "safety corpus: the generated halves load, hold 400 of each kind in all, and list payloads") {
    size_t clean = 0, injected = 0;
    for (const char* half : {"train", "heldout"}) {
        CAPTURE(half);
        clean += load(corpus_dir() / half / "clean").notices.size();
        const content::SourceTree tree = load(corpus_dir() / half / "injected");
        injected += tree.notices.size();
        std::ifstream in(corpus_dir() / half / "injected" / "expected.tsv");
        size_t lines = 0;
        for (std::string line; std::getline(in, line);) {
            lines +=
                !line.empty() && line[0] != '#' && std::count(line.begin(), line.end(), '\t') == 4;
        }
        CHECK(lines == tree.notices.size());
    }
    clean += load(corpus_dir() / "clean").notices.size();
    injected += load(corpus_dir() / "injected").notices.size();
    CHECK(clean >= 400);
    CHECK(injected >= 400);
}
