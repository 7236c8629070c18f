// kiosk-publish audit verify|list: checks or prints the console's hash-chained audit log.
#include <iostream>

#include "content/date_time.h"
#include "content/publish/console/audit_log.h"
#include "content/publish/console/staff_area.h"
#include "content/publish/publish_command.h"

namespace publish {

int cmd_audit(const std::vector<std::string>& words) {
    if (words.empty() || (words[0] != "verify" && words[0] != "list")) {
        return usage("audit needs a subcommand: audit verify or audit list");
    }
    const Args args = parse_args({words.begin() + 1, words.end()}, {"--root"});
    if (!args.error.empty() || !args.value("--root")) {
        return usage(args.error.empty() ? "audit " + words[0] + " needs --root DIR" : args.error);
    }
    const console::StaffArea area{*args.value("--root")};
    const console::AuditLog log(area.audit_log(), area.audit_head());
    if (words[0] == "list") {
        for (const console::AuditEntry& e : log.read()) {
            std::cout << e.seq << "\t" << content::format_date_time(e.at) << "\t" << e.user << "\t"
                      << e.action << "\t" << e.notice << "\t" << e.reason << "\n";
        }
        return k_ok;
    }
    const console::AuditVerdict v = log.verify();
    if (!v.ok) {
        std::cerr << "kiosk-publish: " << area.audit_log().string() << ": " << v.problem << "\n";
        return k_content_problem;
    }
    std::cout << "audit chain intact: " << v.entries << " entries\n";
    return k_ok;
}

}  // namespace publish
