// kiosk-publish import (development only): load a staff folder straight into content.db.
#include <ctime>
#include <filesystem>
#include <iostream>

#include "content/publish/publish_command.h"
#include "content/search/index.h"
#include "content/store.h"

namespace publish {

int cmd_import(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {"--data", "--board"});
    if (!args.error.empty() || args.positional.size() != 1 || !args.value("--data")) {
        return usage(args.error);
    }
    const std::string data = *args.value("--data");
    const std::string board = args.value("--board").value_or("all");
    const content::SourceTree tree = content::load_source_tree(args.positional[0]);
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
    content::search::rebuild_search_index(store.database());
    store.set_state("applied_version", "0");
    store.set_state("last_success", std::to_string(std::time(nullptr)));
    tx.commit();
    std::cout << "imported " << count << " notice(s) into " << data << "/content.db\n";
    return k_ok;
}

}  // namespace publish
