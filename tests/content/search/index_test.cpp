// The search index: its terms, the writer the sync hook uses inside its transaction, replaced and
// removed notices, rebuild and status.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/date_time.h"
#include "content/search/fts_reader.h"
#include "content/search/index.h"
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

// Document numbers whose field matches, through the index: rows of replaced notices included.
DocSet rows(Database& db, const std::string& expression, Field field = Field::Body) {
    FtsReader reader(db, static_cast<size_t>(search_index_status(db).next_doc));
    return reader.match(field, expression);
}

// Notice ids whose field holds the term (one or two characters, or a term of terms.h).
std::vector<std::string> holders(Database& db, const std::string& term, Field field = Field::Body) {
    const std::u32string t = fold_string(term);
    const std::string expression = fts_string(t.size() == 1   ? char_term(t[0])
                                              : t.size() == 2 ? bigram_term(t[0], t[1])
                                                              : term);
    std::vector<std::string> out;
    Statement st = db.prepare("SELECT notice_id FROM search_docs WHERE doc = ?1");
    rows(db, expression, field).for_each([&](DocId doc) {
        st.reset();
        st.bind(1, int64_t{doc});
        if (st.step()) {
            out.push_back(st.column_text(0));
        }
    });
    std::sort(out.begin(), out.end());
    return out;
}

struct Emitted {
    std::string term;
    size_t position;
};

std::vector<Emitted> terms_of(const char* text, Field field = Field::Body) {
    std::vector<Emitted> out;
    size_t position = 0;
    emit_terms(fold_string(text), field,
               {[&](std::string_view term, TermPosition where, size_t, size_t) {
                   position += where == TermPosition::Next && !out.empty() ? 1 : 0;
                   out.push_back({std::string(term), position});
                   return true;
               }});
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a text's terms: characters, neighbours and reading pairs, at the character's position") {
    const std::vector<Emitted> terms = terms_of("医保 9:30，行AE");
    auto at = [&](const std::string& term) {
        for (const Emitted& e : terms) {
            if (e.term == term) {
                return static_cast<int>(e.position);
            }
        }
        return -1;
    };
    CHECK(at(char_term(U'医')) == 0);
    CHECK(at(bigram_term(U'医', U'保')) == 0);
    CHECK(at(reading_pair_term("yi", "bao")) == 0);
    CHECK(reading_pair_term("yi", "bao") == "\x01ybi|ao");  // both initials first
    CHECK(at(char_term(U'保')) == 1);
    CHECK(at(bigram_term(U'9', U':')) == 2);  // the space took no position
    CHECK(at(bigram_term(U':', U'3')) == 3);
    CHECK(at(bigram_term(U'保', U' ')) == -1);  // spaces separate
    CHECK(at(char_term(U',')) == -1);           // so does punctuation, and is no term
    CHECK(at(bigram_term(U'0', U',')) == -1);
    CHECK(at(char_term(U'行')) == 6);
    CHECK(at(reading_pair_term("hang", "a#")) == 6);  // a polyphone pairs by every reading
    CHECK(at(reading_pair_term("xing", "a#")) == 6);  // and a Latin letter as an initial
    CHECK(at(reading_pair_term("a#", "e#")) == 7);
    CHECK(at(syllable_term("yi")) == -1);  // single readings are for titles
    CHECK(terms.front().term == char_term(U'医'));
}

TEST_CASE("a title's terms also hold each reading and initial alone") {
    const std::vector<Emitted> terms = terms_of("重阳", Field::Title);
    auto has = [&](const std::string& term) {
        return std::any_of(terms.begin(), terms.end(),
                           [&](const Emitted& e) { return e.term == term; });
    };
    CHECK(has(syllable_term("zhong")));
    CHECK(has(syllable_term("chong")));
    CHECK(has(initial_term("z")));
    CHECK(has(initial_term("zh")));
    CHECK(has(initial_term("ch")));
    CHECK(has(syllable_term("yang")));
    CHECK(std::count_if(terms.begin(), terms.end(),
                        [](const Emitted& e) { return e.term == initial_term("y"); }) == 1);
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
    CHECK(holders(db, "甲").empty());  // titles are a table of their own
    CHECK(holders(db, "甲", Field::Title) == Ids{"a"});
    CHECK(holders(db, syllable_term("jia"), Field::Title) == Ids{"a"});
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

TEST_CASE("rows of removed notices stay until they outnumber the rest, then a rebuild drops them") {
    Store store = fresh_store("search-index-compact");
    Database& db = store.database();
    for (int i = 0; i < 40; ++i) {
        const Notice n = make("n" + std::to_string(i), "t", "医保" + std::to_string(i));
        store.put_notice(n);
        search_index_update(db, n);
    }
    CHECK(holders(db, "医保").size() == 40);
    for (int i = 0; i < 30; ++i) {
        store.remove_notice("n" + std::to_string(i));
        search_index_remove(db, "n" + std::to_string(i));
    }
    CHECK(holders(db, "医保").size() == 10);
    CHECK(rows(db, fts_string(bigram_term(U'医', U'保'))).count() == 40);
    CHECK(search_index_status(db).wants_compaction());
    CHECK(ensure_search_index(db));
    CHECK_FALSE(search_index_status(db).wants_compaction());
    CHECK(holders(db, "医保").size() == 10);
    CHECK(rows(db, fts_string(bigram_term(U'医', U'保'))).count() == 10);
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
