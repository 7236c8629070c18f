// kiosk-publish: the staff's command-line tool. Exit codes: 0 ok, 1 content problems, 2 usage/IO.
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "content/diagnostic.h"
#include "content/source_tree.h"
#include "content/store.h"

namespace {

constexpr int k_ok = 0;
constexpr int k_content_problem = 1;
constexpr int k_usage = 2;

int usage() {
    std::cerr << "usage: kiosk-publish validate SRC_DIR\n"
                 "       kiosk-publish import SRC_DIR --data DIR [--board ID]\n"
                 "         (development only: writes DIR/content.db directly, without a channel)\n";
    return k_usage;
}

int print_diagnostics(const content::SourceTree& tree) {
    for (const content::Diagnostic& d : tree.diagnostics) {
        std::cerr << content::format_diagnostic(d) << "\n";
    }
    if (!tree.diagnostics.empty()) {
        std::cerr << tree.diagnostics.size() << " problem(s) in " << tree.files_read
                  << " file(s); nothing was published\n";
        return k_content_problem;
    }
    return k_ok;
}

int cmd_validate(const std::vector<std::string>& args) {
    if (args.size() != 1) {
        return usage();
    }
    const content::SourceTree tree = content::load_source_tree(args[0]);
    if (tree.files_read == 0 && !tree.diagnostics.empty()) {
        print_diagnostics(tree);
        return k_usage;
    }
    const int rc = print_diagnostics(tree);
    if (rc == k_ok) {
        std::cout << tree.notices.size() << " notice(s) are valid\n";
    }
    return rc;
}

int cmd_import(const std::vector<std::string>& args) {
    std::string src, data, board = "all";
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--data" && i + 1 < args.size()) {
            data = args[++i];
        } else if (args[i] == "--board" && i + 1 < args.size()) {
            board = args[++i];
        } else if (src.empty()) {
            src = args[i];
        } else {
            return usage();
        }
    }
    if (src.empty() || data.empty()) {
        return usage();
    }
    const content::SourceTree tree = content::load_source_tree(src);
    if (const int rc = print_diagnostics(tree); rc != k_ok) {
        return rc;
    }
    std::filesystem::create_directories(data);
    content::Store store = content::Store::open(data + "/content.db", content::OpenMode::ReadWrite);
    content::Transaction tx(store.database());
    for (const auto& [id, hash] : store.notice_hashes()) {
        store.remove_notice(id);
    }
    int count = 0;
    for (const content::Notice& notice : tree.notices) {
        if (board == "all" || content::targets_board(notice, board)) {
            store.put_notice(notice);
            ++count;
        }
    }
    for (const auto& [sha, asset] : tree.assets) {
        store.put_asset(sha, asset.bytes, asset.mime);
    }
    store.collect_garbage_assets();
    store.set_state("applied_version", "0");
    store.set_state("last_success", std::to_string(std::time(nullptr)));
    tx.commit();
    std::cout << "imported " << count << " notice(s) into " << data << "/content.db\n";
    return k_ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        return usage();
    }
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    try {
        if (command == "validate") {
            return cmd_validate(args);
        }
        if (command == "import") {
            return cmd_import(args);
        }
    } catch (const std::exception& e) {
        std::cerr << "kiosk-publish: " << e.what() << "\n";
        return k_usage;
    }
    return usage();
}
