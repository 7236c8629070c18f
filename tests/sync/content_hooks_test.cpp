// The board checks every notice again on arrival: a notice with injected spam (from a
// compromised publishing machine) is stored quarantined, never shown, listed for the technician,
// and the rest of the channel applies; the search index follows the same transaction.
#include <doctest/doctest.h>

#include "content/safety/rules_loader.h"
#include "content/search/searcher.h"
#include "sync/content_hooks.h"
#include "sync/file_source.h"
#include "tests/sync/sync_fixture.h"
#include "tests/test_paths.h"

using namespace sync_fixture;

namespace {

std::shared_ptr<const content::safety::SafetyRules> rules() {
    auto loaded = content::safety::load_safety_rules(test_paths::source_dir() / "content" / "safety" / "rules");
    REQUIRE(loaded.rules);
    return std::make_shared<const content::safety::SafetyRules>(std::move(*loaded.rules));
}

std::vector<std::string> found(content::Store& store, const std::string& query) {
    content::search::Searcher searcher(store.database());
    content::search::SearchRequest request;
    request.query = query;
    request.now = t0();
    std::vector<std::string> ids;
    for (const auto& hit : searcher.search(request).hits) {
        ids.push_back(hit.id);
    }
    return ids;
}

}  // namespace

TEST_CASE("a notice with injected spam is quarantined on arrival and the rest applies") {
    const auto dir = test_paths::scratch_dir("hooks-quarantine");
    const auto key = content::channel::minisign::generate_secret_key();
    content::SourceTree tree = many_notices(5, "v1");
    tree.notices[2].body += "\n\n下载澳门葡京娱乐App，注册即送彩金，详情加微信 abc12345。";
    tree.notices[2].content_hash = content::notice_hash(tree.notices[2]);
    publish(tree, key, dir / "channel");

    content::Store store = open_store(dir / "data");
    sync_core::FileSource source("file://" + (dir / "channel").string());
    const auto outcome = sync_core::sync_from_source(store, source, settings_for(dir / "data", key),
                                                     t0(), sync_core::content_hooks(rules()));
    REQUIRE_MESSAGE(outcome.result == sync_core::SyncResult::Applied, outcome.message);
    CHECK(store.notice_count() == 5);
    CHECK_FALSE(store.notice("notice-00002"));  // stored, never shown
    CHECK(store.notice("notice-00001"));
    const auto quarantined = store.quarantined();
    REQUIRE(quarantined.size() == 1);
    CHECK(quarantined[0].id == "notice-00002");
    CHECK_FALSE(quarantined[0].rule.empty());
    int live = 0;
    for (const auto& c : store.category_counts(t0(), t0())) {
        live += c.live;
    }
    CHECK(live == 4);
}

TEST_CASE("the search index is updated in the apply transaction, for changes and removals") {
    const auto dir = test_paths::scratch_dir("hooks-search");
    const auto key = content::channel::minisign::generate_secret_key();
    content::SourceTree v1 = many_notices(4, "v1");
    v1.notices[1].body = "本周六上午9:30在社区广场举办老年大学报名咨询。";
    v1.notices[1].content_hash = content::notice_hash(v1.notices[1]);
    publish(v1, key, dir / "channel");
    content::Store store = open_store(dir / "data");
    sync_core::FileSource source("file://" + (dir / "channel").string());
    REQUIRE(sync_core::sync_from_source(store, source, settings_for(dir / "data", key), t0(),
                                        sync_core::content_hooks(rules()))
                .result == sync_core::SyncResult::Applied);
    CHECK(found(store, "老年大学") == std::vector<std::string>{"notice-00001"});

    content::SourceTree v2 = many_notices(3, "v2");
    v2.notices[0].body = "加装电梯意见征询：请各户于月底前反馈。";
    v2.notices[0].content_hash = content::notice_hash(v2.notices[0]);
    v2.notices.erase(v2.notices.begin() + 1);  // notice-00001 is withdrawn
    publish(v2, key, dir / "channel", t0() + 60);
    REQUIRE(sync_core::sync_from_source(store, source, settings_for(dir / "data", key), t0() + 120,
                                        sync_core::content_hooks(rules()))
                .result == sync_core::SyncResult::Applied);
    CHECK(found(store, "老年大学").empty());
    CHECK(found(store, "加装电梯") == std::vector<std::string>{"notice-00000"});
    CHECK(content::search::search_index_status(store.database()).current());
}
