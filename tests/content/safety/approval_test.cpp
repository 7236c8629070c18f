// Reviewer approvals: one exact finding of one exact text, by a named reviewer; any edit to the
// text voids it, and invisible characters can never be approved.
#include <doctest/doctest.h>

#include "content/safety/approval.h"
#include "tests/content/safety/fixture.h"

namespace {

content::Notice officer_notice() {
    content::Notice n;
    n.id = "affairs-police-contact";
    n.title = "社区民警联系方式";
    n.department = "清河派出所";
    n.body = "社区民警何俊，工作手机 138 0013 8000，欢迎居民联系。";
    return n;
}

content::safety::Approval approve(const content::Notice& n, const content::safety::SafetyFinding& f) {
    return {n.id,
            content::safety::safety_text_sha256(n),
            f.rule,
            f.field,
            std::string(content::safety::finding_text(f, n)),
            "王堃",
            "民警工作手机，已核实"};
}

}  // namespace

TEST_CASE("approval: the exact finding of the exact text passes, and any edit voids it") {
    content::Notice n = officer_notice();
    const auto findings = content::safety::check_notice(n, safety_test::shipped_rules());
    REQUIRE(findings.size() == 1);
    const content::safety::SafetyFinding& f = findings[0];
    CHECK(f.rule == "contact");
    CHECK(content::safety::finding_text(f, n) == "138 0013 8000");
    const std::vector<content::safety::Approval> approvals{approve(n, f)};
    CHECK(content::safety::finding_approved(f, n, approvals));

    SUBCASE("editing the body voids the approval") {
        n.body += "（周末休息）";
        const auto again = content::safety::check_notice(n, safety_test::shipped_rules());
        REQUIRE(again.size() == 1);
        CHECK_FALSE(content::safety::finding_approved(again[0], n, approvals));
    }
    SUBCASE("editing the title voids the approval") {
        n.title = "社区民警联系方式（更新）";
        CHECK_FALSE(content::safety::finding_approved(f, n, approvals));
    }
    SUBCASE("another notice with the same text is not approved") {
        n.id = "affairs-other";
        CHECK_FALSE(content::safety::finding_approved(f, n, approvals));
    }
    SUBCASE("an approval of another rule or another match does not count") {
        std::vector<content::safety::Approval> other = approvals;
        other[0].rule = "url";
        CHECK_FALSE(content::safety::finding_approved(f, n, other));
        other = approvals;
        other[0].match = "139 0013 9000";
        CHECK_FALSE(content::safety::finding_approved(f, n, other));
        other = approvals;
        other[0].reviewer.clear();
        CHECK_FALSE(content::safety::finding_approved(f, n, other));
    }
    SUBCASE("changing boards or dates keeps the approval: only the text is bound") {
        n.boards = {"guihuali-hall"};
        n.expires_at = 1900000000;
        CHECK(content::safety::finding_approved(f, n, approvals));
    }
}

TEST_CASE("approval: invisible characters are never approvable") {
    content::Notice n = officer_notice();
    n.body = "社区\u200b民警";
    const auto findings = content::safety::check_notice(n, safety_test::shipped_rules());
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "invisible");
    CHECK_FALSE(content::safety::finding_approved(findings[0], n, {approve(n, findings[0])}));
}

TEST_CASE("approval: the review file format, and what is wrong with a bad one") {
    const content::Notice n = officer_notice();
    const std::string sha = content::safety::safety_text_sha256(n);
    const std::string good =
        R"({"approvals": [{"notice": "affairs-police-contact", "text_sha256": ")" + sha +
        R"(", "rule": "contact", "field": "body",
        "match": "138 0013 8000", "reviewer": "王堃", "note": "已核实"}]})";
    const auto parsed = content::safety::parse_approvals("reviews.json", good);
    CHECK(parsed.diagnostics.empty());
    REQUIRE(parsed.approvals.size() == 1);
    const auto findings = content::safety::check_notice(n, safety_test::shipped_rules());
    REQUIRE(findings.size() == 1);
    CHECK(content::safety::finding_approved(findings[0], n, parsed.approvals));

    struct Row {
        const char* guards;
        const char* json;
    };
    static const Row bad[] = {
        {"not JSON", "{approvals"},
        {"no approvals list", R"({"reviews": []})"},
        {"a missing reviewer",
         R"({"approvals": [{"notice": "a", "text_sha256": "00", "rule": "url", "field": "body",
             "match": "x"}]})"},
        {"a malformed hash",
         R"({"approvals": [{"notice": "a", "text_sha256": "xyz", "rule": "url", "field": "body",
             "match": "x", "reviewer": "王"}]})"},
        {"an unknown key",
         R"({"approvals": [{"notice": "a", "rule": "url", "field": "body", "match": "x",
             "reviewer": "王", "text_sha256": "00", "expires": "2027"}]})"},
    };
    for (const Row& row : bad) {
        const std::string guards = row.guards;
        CAPTURE(guards);
        const auto result = content::safety::parse_approvals("reviews.json", row.json);
        CHECK(result.approvals.empty());
        CHECK(!result.diagnostics.empty());
    }
}

TEST_CASE("approval: unapproved_rules is what build refuses and boards quarantine on") {
    content::Notice n = officer_notice();
    const auto& rules = safety_test::shipped_rules();
    CHECK(content::safety::unapproved_rules(n, rules) == "contact");
    const auto findings = content::safety::check_notice(n, rules);
    REQUIRE(findings.size() == 1);
    const std::vector<content::safety::Approval> approvals{approve(n, findings[0])};
    CHECK_FALSE(content::safety::unapproved_rules(n, rules, approvals));

    // The edit adds spam and voids the approval of the phone number.
    n.body += "详见 www.xpj888.com，澳门新葡京欢迎您。";
    CHECK(content::safety::unapproved_rules(n, rules) == "contact,url,gambling");
    CHECK(content::safety::unapproved_rules(n, rules, approvals) == "contact,url,gambling");

    n = officer_notice();
    n.body = "欢迎居民参加社区活动。";
    CHECK_FALSE(content::safety::unapproved_rules(n, rules));
}
