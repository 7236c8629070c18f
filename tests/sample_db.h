// Test fixture: the sample community loaded into a fresh content.db (directly, without a channel).
#pragma once

#include <string>

#include "content/search/index.h"
#include "content/source_tree.h"
#include "content/store.h"
#include "tests/test_paths.h"

namespace test_fixtures {

// Returns the data folder holding content.db with every sample notice and image.
inline std::filesystem::path sample_data_dir(const std::string& name,
                                             int64_t synced_at = 1795750000) {
    const auto dir = test_paths::scratch_dir(name);
    const content::SourceTree tree = content::load_source_tree(test_paths::sample_dir());
    content::Store store =
        content::Store::open((dir / "content.db").string(), content::OpenMode::ReadWrite);
    content::Transaction tx(store.database());
    for (const content::Notice& n : tree.notices) {
        store.put_notice(n);
    }
    for (const auto& [sha, asset] : tree.assets) {
        store.put_asset(sha, asset.bytes, asset.mime);
    }
    store.set_state("last_success", std::to_string(synced_at));
    content::search::rebuild_search_index(store.database());
    tx.commit();
    return dir;
}

}  // namespace test_fixtures
