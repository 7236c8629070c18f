// kiosk-publish user add: creates or updates a console account (password read from stdin).
#include <ctime>
#include <iostream>
#include <string>

#include "content/publish/console/accounts.h"
#include "content/publish/console/audit_log.h"
#include "content/publish/console/staff_area.h"
#include "content/publish/publish_command.h"

namespace publish {
namespace {

// The first line of stdin, without its line ending.
std::string read_password() {
    std::string line;
    std::getline(std::cin, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
        line.pop_back();
    }
    return line;
}

int user_add(const Args& args) {
    const auto root = args.value("--root");
    const auto name = args.value("--name");
    const auto role_text = args.value("--role");
    if (!root || !name || !role_text) {
        return usage("user add needs --root DIR --name NAME --role author|reviewer|publisher");
    }
    const auto role = console::role_from_key(*role_text);
    if (!role) {
        return usage("--role is author, reviewer, publisher or supervisor, not '" + *role_text +
                     "'");
    }
    if (const std::string problem = console::name_problem(*name); !problem.empty()) {
        return usage("--name: " + problem);
    }
    const std::string password = read_password();
    if (const std::string problem = console::password_problem(password); !problem.empty()) {
        std::cerr << "kiosk-publish: " << problem << " (give it on stdin)\n";
        return k_usage;
    }
    const console::StaffArea area{*root};
    console::ensure_staff_area(area);
    std::vector<console::Account> accounts = console::load_accounts(area.accounts());
    console::Account account{*name, *role, console::hash_password(password),
                             args.flags.count("--emergency") > 0};
    bool replaced = false;
    for (console::Account& a : accounts) {
        if (a.name == account.name) {
            a = account;
            replaced = true;
        }
    }
    if (!replaced) {
        accounts.push_back(account);
    }
    console::save_accounts(area.accounts(), accounts);
    console::AuditLog(area.audit_log(), area.audit_head())
        .append(console::audit_entry(
            std::time(nullptr), "(cli)", "admin", replaced ? "user-update" : "user-add", "", "",
            account.name + " " + std::string(console::role_key(account.role)) +
                (account.emergency ? " emergency" : "")));
    std::cout << (replaced ? "updated " : "added ") << account.name << " ("
              << console::role_key(account.role)
              << (account.emergency ? ", may publish emergency notices" : "") << ") in "
              << area.accounts().string() << "\n";
    return k_ok;
}

}  // namespace

int cmd_user(const std::vector<std::string>& words) {
    if (words.empty() || words[0] != "add") {
        return usage("user needs a subcommand: user add");
    }
    const Args args = parse_args({words.begin() + 1, words.end()}, {"--root", "--name", "--role"},
                                 {"--emergency"});
    if (!args.error.empty() || !args.positional.empty()) {
        return usage(args.error.empty() ? "user add takes no file names" : args.error);
    }
    return user_add(args);
}

}  // namespace publish
