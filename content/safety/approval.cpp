// Reviewer approvals: the review file format and the pure check of one finding against it.
#include "content/safety/approval.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

#include "content/safety/check.h"
#include "content/sha256.h"

namespace content::safety {

std::string safety_text_sha256(const Notice& notice) {
    nlohmann::json fields = nlohmann::json::array();
    for (const CheckedField& field : checked_fields(notice)) {
        fields.push_back(field.text);
    }
    return sha256_hex(fields.dump());
}

std::string_view finding_text(const SafetyFinding& finding, const Notice& notice) {
    for (const CheckedField& field : checked_fields(notice)) {
        if (field.name == finding.field && finding.start <= finding.end &&
            finding.end <= field.text.size()) {
            return field.text.substr(finding.start, finding.end - finding.start);
        }
    }
    return {};
}

bool finding_approved(const SafetyFinding& finding, const Notice& notice,
                      const std::vector<Approval>& approvals) {
    if (finding.rule == "invisible" || approvals.empty()) {
        return false;
    }
    const std::string_view match = finding_text(finding, notice);
    const std::string hash = safety_text_sha256(notice);
    return std::any_of(approvals.begin(), approvals.end(), [&](const Approval& a) {
        return a.notice == notice.id && a.text_sha256 == hash && a.rule == finding.rule &&
               a.field == finding.field && !match.empty() && a.match == match &&
               !a.reviewer.empty();
    });
}

std::optional<std::string> unapproved_rules(const Notice& notice, const SafetyRules& rules,
                                            const std::vector<Approval>& approvals) {
    std::string out;
    for (const SafetyFinding& f : check_notice(notice, rules)) {
        const bool listed = ("," + out + ",").find("," + f.rule + ",") != std::string::npos;
        if (!listed && !finding_approved(f, notice, approvals)) {
            out += (out.empty() ? "" : ",") + f.rule;
        }
    }
    return out.empty() ? std::nullopt : std::optional<std::string>(out);
}

ApprovalsResult parse_approvals(const std::string& file, std::string_view json_text) {
    ApprovalsResult result;
    auto fail = [&](std::string message) {
        result.diagnostics.push_back({file, 0, "", std::move(message)});
    };
    const nlohmann::json root = nlohmann::json::parse(json_text, nullptr, false);
    if (root.is_discarded() || !root.is_object() || !root.contains("approvals") ||
        !root["approvals"].is_array()) {
        fail("expected a JSON object {\"approvals\": [...]}; see content/safety_approval.h");
        return result;
    }
    static constexpr std::array<const char*, 7> k_keys{"notice", "text_sha256", "rule", "field",
                                                       "match",  "reviewer",    "note"};
    for (size_t i = 0; i < root["approvals"].size(); ++i) {
        const nlohmann::json& item = root["approvals"][i];
        const std::string where = "approval " + std::to_string(i + 1) + ": ";
        if (!item.is_object()) {
            fail(where + "expected an object");
            continue;
        }
        std::array<std::string, 7> values;
        bool ok = true;
        for (const auto& [key, value] : item.items()) {
            const auto it = std::find(k_keys.begin(), k_keys.end(), key);
            if (it == k_keys.end() || !value.is_string()) {
                fail(where + "'" + key + "' is not a text field of an approval");
                ok = false;
                continue;
            }
            values[static_cast<size_t>(it - k_keys.begin())] = value.get<std::string>();
        }
        for (size_t k = 0; k + 1 < k_keys.size(); ++k) {
            if (values[k].empty()) {
                fail(where + "'" + k_keys[k] + "' is missing");
                ok = false;
            }
        }
        if (ok && !is_sha256_hex(values[1])) {
            fail(where +
                 "text_sha256 must be 64 lowercase hex digits, as printed by "
                 "kiosk-publish check --json");
            ok = false;
        }
        if (ok) {
            result.approvals.push_back(
                {values[0], values[1], values[2], values[3], values[4], values[5], values[6]});
        }
    }
    return result;
}

}  // namespace content::safety
