// kiosk-publish alert-import: a GB/T 35965.1 (CAP-style) early-warning XML message becomes an
// emergency notice file in a staff folder.
#include <filesystem>
#include <iostream>

#include "content/cap_notice.h"
#include "content/durable_file.h"
#include "content/file_read.h"
#include "content/notice_source.h"
#include "content/publish/publish_command.h"

namespace publish {
namespace {

namespace fs = std::filesystem;

int refuse(const std::string& file, const std::vector<std::string>& errors) {
    for (const std::string& e : errors) {
        std::cerr << file << ": " << e << "\n";
    }
    return k_content_problem;
}

}  // namespace

int cmd_alert_import(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {"--into"});
    if (!args.error.empty() || args.positional.size() != 1 || !args.value("--into")) {
        return usage(args.error.empty() ? "alert-import needs FILE.xml --into NOTICES_DIR"
                                        : args.error);
    }
    const std::string file = args.positional[0];
    const fs::path into = *args.value("--into");
    if (!fs::is_directory(into)) {
        std::cerr << "kiosk-publish: " << into.string()
                  << " is not a folder; give the staff notices folder with --into\n";
        return k_usage;
    }
    std::string xml;
    try {
        // One byte over the cap is enough to refuse, and a huge file is never read whole.
        xml = content::read_file_capped(file, content::k_max_cap_bytes);
    } catch (const std::exception& e) {
        return refuse(file, {std::string(e.what()) + "; an early-warning message is at most " +
                             std::to_string(content::k_max_cap_bytes / 1024) + " KB"});
    }
    const content::CapParse parsed = content::parse_cap_message(xml);
    if (!parsed.message) {
        return refuse(file, parsed.errors);
    }
    const content::CapMessage& m = *parsed.message;
    if (m.status != "Actual") {
        return refuse(file, {"<status> is " + m.status +
                             ": only real (Actual) warnings are put on the boards"});
    }
    const std::string id = content::cap_notice_id(m);
    const fs::path target = into / (id + ".md");
    if (m.msg_type == "Cancel") {
        std::error_code ec;
        if (fs::remove(target, ec)) {
            std::cout << "withdrawn: removed " << target.string() << "\n";
            return k_ok;
        }
        return refuse(file, {"a Cancel message for " + id + ", but " + target.string() +
                             " does not exist; nothing to withdraw"});
    }
    if (m.msg_type != "Alert" && m.msg_type != "Update") {
        return refuse(file, {"<msgType> " + m.msg_type + " carries no warning to show"});
    }
    const std::string text = content::cap_notice_source(m);
    // The notice must pass the same validation as any staff file before it is written.
    const content::ParsedNotice check = content::parse_notice_source(target.string(), id, text);
    if (!check.notice) {
        std::vector<std::string> errors;
        for (const content::Diagnostic& d : check.diagnostics) {
            errors.push_back("the notice made from it is invalid: " +
                             content::format_diagnostic(d));
        }
        return refuse(file, errors);
    }
    content::write_file_atomically(target, text);
    std::cout << (m.msg_type == "Update" ? "updated " : "wrote ") << target.string() << " ("
              << content::alert_level_name(m.level) << ", " << m.event << ")\n";
    return k_ok;
}

}  // namespace publish
