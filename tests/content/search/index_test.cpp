// The body search index: terms, posting codec, segments, the writer the sync hook uses inside
// its transaction, tombstones, merging, rebuild and status.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/date_time.h"
#include "content/search/index.h"
#include "content/search/posting_reader.h"
#include "content/search/segment.h"
#include "content/search/terms.h"
#include "content/search/text.h"
#include "content/store.h"
#include "tests/test_paths.h"

using namespace content;
using namespace content::search;

namespace {

Notice make(const std::string& id, const std::string& title, const std::string& body,
            const char* date = "2026-11-01") {
    Notice n;
    n.id = id;
    n.category = Category::Affairs;
    n.title = title;
    n.body = body;
    n.published_at = *parse_beijing_time(date);
    n.content_hash = notice_hash(n);
    return n;
}

Store fresh_store(const std::string& name) {
    return Store::open((test_paths::scratch_dir(name) / "content.db").string(),
                       OpenMode::ReadWrite);
}

// Notice ids whose body holds the term, through the index.
std::vector<std::string> holders(Database& db, TermId term) {
    const SearchIndexStatus status = search_index_status(db);
    PostingReader reader(db, static_cast<size_t>(status.next_doc));
    std::vector<std::string> out;
    Statement st = db.prepare("SELECT notice_id FROM search_docs WHERE doc = ?1");
    reader.fetch(term).for_each([&](DocId doc) {
        st.reset();
        st.bind(1, int64_t{doc});
        if (st.step()) {
            out.push_back(st.column_text(0));
        }
    });
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> holders(Database& db, const char* two_chars) {
    const std::u32string t = fold_string(two_chars);
    return holders(db, t.size() == 1 ? char_term(t[0]) : bigram_term(t[0], t[1]));
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a body's terms: characters, neighbours, reading pairs, initial pairs") {
    const std::vector<TermId> terms = text_terms(fold_string("医保 9:30，行"));
    auto has = [&](TermId t) { return std::binary_search(terms.begin(), terms.end(), t); };
    CHECK(has(char_term(U'医')));
    CHECK(has(bigram_term(U'医', U'保')));
    CHECK(has(bigram_term(U'9', U':')));
    CHECK(has(bigram_term(U':', U'3')));
    CHECK_FALSE(has(bigram_term(U'保', U' ')));  // spaces separate
    CHECK_FALSE(has(char_term(U',')));           // so does punctuation, and is no term
    CHECK_FALSE(has(bigram_term(U'0', U',')));
    CHECK(has(syllable_bigram_term(*pinyin::syllable_id("yi"), *pinyin::syllable_id("bao"))));
    CHECK(has(initial_bigram_term('y', 'b')));
    CHECK(std::is_sorted(terms.begin(), terms.end()));
    CHECK(std::adjacent_find(terms.begin(), terms.end()) == terms.end());
}

TEST_CASE("posting lists round-trip as gaps or as a bitmap, whichever is smaller") {
    const std::vector<uint32_t> sparse{3, 700, 100000};
    CHECK(decode_postings(encode_postings(sparse)) == sparse);
    CHECK(encode_postings(sparse).size() < 10);
    std::vector<uint32_t> dense;
    for (uint32_t i = 0; i < 5000; i += 2) {
        dense.push_back(i);
    }
    const std::string bytes = encode_postings(dense);
    CHECK(decode_postings(bytes) == dense);
    CHECK(bytes.size() <= 5000 / 8 + 2);  // a bitmap cut after the last document
    DocSet set(6000);
    add_postings(bytes, 0, set);
    CHECK(set.count() == dense.size());
    DocSet shifted(8000);
    add_postings(bytes, 3, shifted);  // not a multiple of 8: one bit at a time
    CHECK(shifted.contains(3));
    CHECK(shifted.contains(4999 - 1 + 3));
    CHECK_FALSE(shifted.contains(4));
    CHECK(decode_postings(encode_postings({})).empty());
}

TEST_CASE("a segment's chunks find every term, in order and one by one") {
    Store store = fresh_store("search-index-segment");
    Database& db = store.database();
    std::vector<TermId> terms;
    {
        Transaction tx(db);
        SegmentWriter writer(db, {7, 100, 5000});
        for (TermId t = 1; t < 20000; t += 3) {
            terms.push_back(t);
            writer.add(t, encode_postings({static_cast<uint32_t>(t % 4000)}));
        }
        writer.finish();
        tx.commit();
    }
    const std::vector<SegmentInfo> segments = load_segments(db);
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].first_doc == 100);
    SegmentCursor cursor(db, segments[0]);
    size_t seen = 0;
    while (cursor.next()) {
        REQUIRE(seen < terms.size());
        CHECK(cursor.term() == terms[seen]);
        ++seen;
    }
    CHECK(seen == terms.size());
    CHECK(db.pragma_int("page_count") > 0);
    SegmentLookup lookup(db);
    CHECK(decode_postings(lookup.find(7, 9001)) == std::vector<uint32_t>{9001 % 4000});
    CHECK(lookup.find(7, 9002).empty());
    CHECK(lookup.find(7, 0).empty());
    CHECK(lookup.find(8, 9001).empty());
}

TEST_CASE("the writer indexes bodies inside the caller's transaction") {
    Store store = fresh_store("search-index-writer");
    Database& db = store.database();
    {
        Transaction tx(db);
        SearchIndexWriter writer(db);
        writer.update(make("a", "甲", "关于居民医保的通知"));
        writer.update(make("b", "乙", "停水通知：9:30 开始"));
        writer.flush();
        tx.commit();
    }
    CHECK(holders(db, "医保") == Ids{"a"});
    CHECK(holders(db, "通知") == Ids{"a", "b"});
    CHECK(holders(db, "9:") == Ids{"b"});
    CHECK(holders(db, "甲").empty());  // titles are terms of their own field
    CHECK(holders(db, in_field(Field::Title, char_term(U'甲'))) == Ids{"a"});
    CHECK(search_index_status(db).indexed == 2);

    // A rolled-back update leaves the index as it was.
    {
        Transaction tx(db);
        search_index_update(db, make("c", "丙", "医保卡补办"));
        search_index_remove(db, "a");
    }
    CHECK(holders(db, "医保") == Ids{"a"});
    CHECK(search_index_status(db).indexed == 2);
}

TEST_CASE("a changed notice gets a new document; the old one is forgotten") {
    Store store = fresh_store("search-index-replace");
    Database& db = store.database();
    search_index_update(db, make("a", "甲", "关于医保的通知"));
    search_index_update(db, make("a", "甲", "关于停水的通知"));
    CHECK(holders(db, "医保").empty());
    CHECK(holders(db, "停水") == Ids{"a"});
    SearchIndexStatus status = search_index_status(db);
    CHECK(status.indexed == 1);
    CHECK(status.next_doc == 2);
    CHECK(status.dead == 1);

    // The same title and body again cost nothing; a new title is indexed.
    search_index_update(db, make("a", "甲", "关于停水的通知"));
    CHECK(search_index_status(db).next_doc == 2);
    search_index_update(db, make("a", "停水通知", "关于停水的通知"));
    CHECK(search_index_status(db).next_doc == 3);

    search_index_remove(db, "a");
    CHECK(holders(db, "停水").empty());
    status = search_index_status(db);
    CHECK(status.indexed == 0);
    CHECK(status.dead == 3);
}

TEST_CASE("small segments are merged and merging drops removed notices") {
    Store store = fresh_store("search-index-merge");
    Database& db = store.database();
    for (int i = 0; i < 40; ++i) {
        const Notice n = make("n" + std::to_string(i), "t", "医保" + std::to_string(i));
        store.put_notice(n);
        search_index_update(db, n);
    }
    // One segment per flush, merged like a binary counter: a handful remain.
    const SearchIndexStatus status = search_index_status(db);
    CHECK(status.segments >= 1);
    CHECK(status.segments <= 6);
    CHECK(holders(db, "医保").size() == 40);

    for (int i = 0; i < 30; ++i) {
        store.remove_notice("n" + std::to_string(i));
        search_index_remove(db, "n" + std::to_string(i));
    }
    CHECK(holders(db, "医保").size() == 10);
    CHECK(search_index_status(db).wants_compaction());
    CHECK(ensure_search_index(db));
    CHECK(search_index_status(db).segments == 1);
    CHECK_FALSE(search_index_status(db).wants_compaction());
    CHECK(holders(db, "医保").size() == 10);
    CHECK_FALSE(ensure_search_index(db));
}

TEST_CASE("rebuild indexes every notice of the store and marks the format") {
    Store store = fresh_store("search-index-rebuild");
    store.put_notice(make("old", "旧", "低保年审", "2026-01-01"));
    store.put_notice(make("new", "新", "低保申请", "2026-11-01"));
    Database& db = store.database();

    SearchIndexStatus status = search_index_status(db);
    CHECK(status.format == 0);
    CHECK_FALSE(status.current());
    CHECK(ensure_search_index(db));
    status = search_index_status(db);
    CHECK(status.current());
    CHECK(status.format == k_search_index_format);
    CHECK(status.indexed == 2);
    CHECK(holders(db, "低保") == Ids{"new", "old"});
    CHECK_FALSE(ensure_search_index(db));

    // A notice the sync forgot to index makes the index incomplete: ensure rebuilds it.
    store.put_notice(make("third", "三", "低保复核"));
    CHECK_FALSE(search_index_status(db).current());
    CHECK(ensure_search_index(db));
    CHECK(holders(db, "低保").size() == 3);
}

TEST_CASE("the status is readable on a read-only connection") {
    const auto dir = test_paths::scratch_dir("search-index-readonly");
    {
        Store store = Store::open((dir / "content.db").string(), OpenMode::ReadWrite);
        store.put_notice(make("a", "甲", "医保"));
        rebuild_search_index(store.database());
    }
    Store ro = Store::open((dir / "content.db").string(), OpenMode::ReadOnly);
    CHECK(search_index_status(ro.database()).current());
    CHECK_THROWS_AS(rebuild_search_index(ro.database()), DatabaseError);
}
