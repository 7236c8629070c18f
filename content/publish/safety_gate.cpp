// kiosk-publish build's safety gate.
#include "content/publish/safety_gate.h"

#include <iostream>

#include "content/diagnostic.h"
#include "content/safety/approval.h"
#include "content/safety/check.h"
#include "content/safety/rules_loader.h"

namespace publish {
namespace {

constexpr size_t k_max_review_file_bytes = 4 * 1024 * 1024;

std::optional<content::safety::SafetyRules> load_rules(
    const std::optional<std::string>& rules_dir) {
    const auto dir = rules_dir ? std::optional<std::filesystem::path>(*rules_dir)
                               : content::safety::default_rules_dir();
    if (!dir) {
        std::cerr
            << "kiosk-publish: no content-safety rules found; install them or pass --rules DIR\n";
        return std::nullopt;
    }
    content::safety::SafetyRulesResult loaded = content::safety::load_safety_rules(*dir);
    for (const content::Diagnostic& d : loaded.diagnostics) {
        std::cerr << content::format_diagnostic(d) << "\n";
    }
    return std::move(loaded.rules);
}

// The reviewers' approvals, or nullopt when the file exists but cannot be used.
std::optional<std::vector<content::safety::Approval>> load_approvals(
    const std::filesystem::path& src_dir) {
    const std::filesystem::path file = src_dir / "reviews.json";
    if (!std::filesystem::exists(file)) {
        return std::vector<content::safety::Approval>{};
    }
    try {
        const content::safety::ApprovalsResult parsed = content::safety::parse_approvals(
            file.string(), content::read_file_capped(file, k_max_review_file_bytes));
        for (const content::Diagnostic& d : parsed.diagnostics) {
            std::cerr << content::format_diagnostic(d) << "\n";
        }
        if (!parsed.diagnostics.empty()) {
            return std::nullopt;
        }
        return parsed.approvals;
    } catch (const std::exception& e) {
        std::cerr << "kiosk-publish: " << e.what() << "\n";
        return std::nullopt;
    }
}

}  // namespace

int check_before_publishing(const content::SourceTree& tree, const std::filesystem::path& src_dir,
                            const std::optional<std::string>& rules_dir) {
    const auto rules = load_rules(rules_dir);
    const auto approvals = load_approvals(src_dir);
    if (!rules || !approvals) {
        return 2;
    }
    int blocked = 0;
    for (const content::Notice& notice : tree.notices) {
        for (const content::safety::SafetyFinding& f :
             content::safety::check_notice(notice, *rules)) {
            if (content::safety::finding_approved(f, notice, *approvals)) {
                continue;
            }
            ++blocked;
            std::cerr << notice.id << ": " << f.field << ": " << f.rule << ": " << f.excerpt << " ["
                      << f.term << "]\n    " << f.layer << ": " << f.reason << "\n";
        }
    }
    if (blocked > 0) {
        std::cerr
            << blocked
            << " unapproved safety finding(s); nothing was published. Remove the text, or have a "
               "reviewer approve each finding in reviews.json (kiosk-publish check --json shows "
               "what to "
               "write)\n";
        return 1;
    }
    return 0;
}

}  // namespace publish
