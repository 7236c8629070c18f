// kiosk-publish: the staff's command-line tool. Exit codes: 0 ok, 1 content problems, 2 usage/IO.
#include <iostream>
#include <string>
#include <vector>

#include "content/publish/check_command.h"
#include "content/publish/publish_command.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        return publish::usage();
    }
    const std::string command = argv[1];
    const std::vector<std::string> words(argv + 2, argv + argc);
    try {
        if (command == "validate")
            return publish::cmd_validate(words);
        if (command == "import")
            return publish::cmd_import(words);
        if (command == "keygen")
            return publish::cmd_keygen(words);
        if (command == "build")
            return publish::cmd_build(words);
        if (command == "verify")
            return publish::cmd_verify(words);
        if (command == "list")
            return publish::cmd_list(words);
        if (command == "user")
            return publish::cmd_user(words);
        if (command == "audit")
            return publish::cmd_audit(words);
        if (command == "alert-import")
            return publish::cmd_alert_import(words);
        if (command == "proof")
            return publish::cmd_proof(words);
        if (command == "fleet")
            return publish::cmd_fleet(words);
        if (command == "report")
            return publish::cmd_report(words);
        if (command == "check")
            return run_check_command(words);
        if (command == "--help" || command == "-h" || command == "help") {
            publish::usage();
            return publish::k_ok;
        }
    } catch (const std::exception& e) {
        std::cerr << "kiosk-publish: " << e.what() << "\n";
        return publish::k_usage;
    }
    return publish::usage("unknown command '" + command + "'");
}
