// The searcher on small made-up sets of notices: queries of every length and kind, ranking, what
// is shown (live, not quarantined, filters), highlight spans and excerpts, totals, refresh.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "content/date_time.h"
#include "content/search/searcher.h"
#include "content/store.h"
#include "tests/test_paths.h"

using namespace content;
using namespace content::search;

namespace {

int64_t at(const char* text) {
    return *parse_beijing_time(text);
}

const int64_t k_now = at("2026-11-27 10:00");

Notice make(const std::string& id, const std::string& title, const std::string& body,
            const char* date, Category category = Category::Affairs) {
    Notice n;
    n.id = id;
    n.category = category;
    n.title = title;
    n.body = body;
    n.published_at = at(date);
    n.content_hash = notice_hash(n);
    return n;
}

// A content.db with `notices` and their index, opened read-only as the kiosk does.
class Fixture {
public:
    Fixture(const std::string& name, const std::vector<Notice>& notices,
            const std::map<std::string, std::string>& quarantine = {}) {
        m_path = (test_paths::scratch_dir(name) / "content.db").string();
        Store writer = Store::open(m_path, OpenMode::ReadWrite);
        Transaction tx(writer.database());
        for (const Notice& n : notices) {
            const auto rule = quarantine.find(n.id);
            writer.put_notice(n, rule == quarantine.end()
                                     ? std::nullopt
                                     : std::optional<std::string>(rule->second));
        }
        rebuild_search_index(writer.database());
        tx.commit();
    }
    Store open() const { return Store::open(m_path, OpenMode::ReadOnly); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

SearchResult run(Searcher& searcher, const std::string& query, SearchFilter filter = {},
                 int64_t now = k_now) {
    SearchRequest request;
    request.query = query;
    request.filter = filter;
    request.now = now;
    request.limit = 50;
    return searcher.search(request);
}

std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const SearchHit& hit : result.hits) {
        out.push_back(hit.id);
    }
    return out;
}

using Ids = std::vector<std::string>;

std::vector<std::string> marked(const std::string& text, const std::vector<TextSpan>& spans) {
    std::vector<std::string> out;
    for (const TextSpan& s : spans) {
        out.push_back(text.substr(s.begin, s.end - s.begin));
    }
    return out;
}

std::vector<Notice> community() {
    return {
        make("water", "紧急停水通知", "因管道抢修，桂园新村**明天9:30**起停水，请提前储水。",
             "2026-11-20"),
        make("dibao", "低保年审公示", "本月低保对象年审结果公示如下。联系人：王堃。", "2026-11-10"),
        make("elevator", "加装电梯意见征询", "桂园新村5幢拟加装电梯，请居民在9：30前反馈意见。",
             "2026-11-15"),
        make("insurance", "政策解读：居民医保缴费问答",
             "居民医保集中缴费期为9月1日至12月31日。拨打12345咨询。", "2026-10-09",
             Category::Government),
        make("bank", "银行网点调整", "工商银行社区网点迁至新址，营业时间9:00—17:00。", "2026-11-01",
             Category::Service),
        make("party", "党员活动日", "本次活动请党员携带医保卡参加体检，AED急救培训同时进行。",
             "2026-11-05", Category::Party),
    };
}

}  // namespace

TEST_CASE("one-character queries find every notice holding the character") {
    Fixture f("search-one-char", community());
    Store store = f.open();
    Searcher searcher(store.database());
    CHECK(ids(run(searcher, "堃")) == Ids{"dibao"});
    CHECK(ids(run(searcher, "梯")) == Ids{"elevator"});
    const SearchResult water = run(searcher, "水");
    CHECK(ids(water) == Ids{"water"});
    CHECK(water.total == 1);
    // Title matches first, then the rest newest first.
    CHECK(ids(run(searcher, "医")) == Ids{"insurance", "party"});
    CHECK(ids(run(searcher, "网")) == Ids{"bank"});
}

TEST_CASE("two-character queries are exact, in titles and bodies") {
    Fixture f("search-two-chars", community());
    Store store = f.open();
    Searcher searcher(store.database());
    CHECK(ids(run(searcher, "停水")) == Ids{"water"});
    CHECK(ids(run(searcher, "医保")) == Ids{"insurance", "party"});
    CHECK(ids(run(searcher, "低保")) == Ids{"dibao"});
    CHECK(ids(run(searcher, "王堃")) == Ids{"dibao"});
    CHECK(ids(run(searcher, "停储")).empty());  // both in one body, never side by side
    CHECK(ids(run(searcher, "新村")) == Ids{"water", "elevator"});
}

TEST_CASE("three and more characters are confirmed in the text") {
    Fixture f("search-long", community());
    Store store = f.open();
    Searcher searcher(store.database());
    CHECK(ids(run(searcher, "加装电梯")) == Ids{"elevator"});
    CHECK(ids(run(searcher, "桂园新村")) == Ids{"water", "elevator"});
    CHECK(ids(run(searcher, "医保卡")) == Ids{"party"});
    CHECK(ids(run(searcher, "集中缴费期")) == Ids{"insurance"});
    CHECK(ids(run(searcher, "居民医保缴费问答")) == Ids{"insurance"});
}

TEST_CASE("a body holding every pair of a query but not the query is not found") {
    Fixture f("search-pairs", {make("pairs", "通知", "医保卡，保卡参，卡参加", "2026-11-01"),
                               make("real", "通知", "医保卡参保", "2026-10-01")});
    Store store = f.open();
    Searcher searcher(store.database());
    CHECK(ids(run(searcher, "医保卡参")) == Ids{"real"});
    CHECK(ids(run(searcher, "保卡参")) == Ids{"pairs", "real"});
}

TEST_CASE("digits, times and Latin letters, with full-width forms folded") {
    Fixture f("search-latin", community());
    Store store = f.open();
    Searcher searcher(store.database());
    CHECK(ids(run(searcher, "9:30")) == Ids{"water", "elevator"});  // 9：30 in one body
    CHECK(ids(run(searcher, "9：30")) == Ids{"water", "elevator"});
    CHECK(ids(run(searcher, "12345")) == Ids{"insurance"});
    CHECK(ids(run(searcher, "aed")) == Ids{"party"});
    CHECK(ids(run(searcher, "AED")) == Ids{"party"});
    CHECK(ids(run(searcher, "ＡＥＤ")) == Ids{"party"});
    CHECK(ids(run(searcher, "9")).size() == 4);
}

TEST_CASE("several words must all be there, anywhere") {
    Fixture f("search-words", community());
    Store store = f.open();
    Searcher searcher(store.database());
    CHECK(ids(run(searcher, "停水 9:30")) == Ids{"water"});
    CHECK(ids(run(searcher, "桂园新村 电梯")) == Ids{"elevator"});
    CHECK(ids(run(searcher, "医保，党员")) == Ids{"party"});  // punctuation separates too
    CHECK(ids(run(searcher, "停水 电梯")).empty());
    CHECK(ids(run(searcher, "  ")).empty());
    CHECK(ids(run(searcher, "")).empty());
    CHECK(ids(run(searcher, "，。")).empty());
}

TEST_CASE("pinyin: initials and full pinyin, in titles and bodies") {
    Fixture f("search-pinyin", community());
    Store store = f.open();
    Searcher searcher(store.database());
    CHECK(ids(run(searcher, "zcjd")) == Ids{"insurance"});
    CHECK(ids(run(searcher, "ts")) == Ids{"water", "party"});  // 停水 in a title, 同时 in a body
    CHECK(ids(run(searcher, "tingshui")) == Ids{"water"});
    CHECK(ids(run(searcher, "ting shui")) == Ids{"water"});
    CHECK(ids(run(searcher, "jzdt")) == Ids{"elevator"});
    CHECK(ids(run(searcher, "jiazhuangdianti")) == Ids{"elevator"});
    CHECK(ids(run(searcher, "wangkun")) == Ids{"dibao"});
    // 医保 is in a title and in a body: the title first.
    CHECK(ids(run(searcher, "yibao")) == Ids{"insurance", "party"});
    CHECK(ids(run(searcher, "yb")) == Ids{"insurance", "party"});
    CHECK(ids(run(searcher, "yib")) == Ids{"insurance", "party"});
    // A polyphone by its rarer reading: 行 in 银行 is hang.
    CHECK(ids(run(searcher, "yinhang")) == Ids{"bank"});
    // Initials are loose: 党员活动日 has 员活 (y h) too.
    CHECK(ids(run(searcher, "yh")) == Ids{"party", "bank"});
}

TEST_CASE("ranking: literal title matches, then pinyin title matches, then bodies") {
    std::vector<Notice> notices{
        make("body-new", "社区通知", "请到医保窗口办理。", "2026-11-20"),
        make("title-old", "医保缴费指南", "缴费方式如下。", "2026-01-05"),
        make("title-new", "医保卡补办", "补办流程如下。", "2026-11-02"),
        make("body-old", "旧通知", "医保报销比例调整。", "2026-02-01"),
        make("pinyin-title", "一般事项说明", "无。", "2026-11-25"),
    };
    Fixture f("search-ranking", notices);
    Store store = f.open();
    Searcher searcher(store.database());
    const SearchResult result = run(searcher, "医保");
    CHECK(ids(result) == Ids{"title-new", "title-old", "body-new", "body-old"});
    CHECK(result.hits[0].tier == MatchTier::Title);
    CHECK(result.hits[2].tier == MatchTier::Body);

    // "yb": 医保 in titles, then 一般 (a pinyin match) in a title, then bodies.
    const SearchResult yb = run(searcher, "yb");
    CHECK(ids(yb) == Ids{"pinyin-title", "title-new", "title-old", "body-new", "body-old"});
    CHECK(yb.hits[0].tier == MatchTier::TitlePinyin);
}

TEST_CASE("only notices shown now are found: live and not quarantined") {
    Notice expired = make("expired", "停水通知（已结束）", "停水", "2026-10-01");
    expired.expires_at = at("2026-10-31");
    Notice future = make("future", "停水预告", "停水", "2026-11-20");
    future.starts_at = at("2026-12-01");
    Notice quarantined = make("bad", "停水广告", "停水", "2026-11-21");
    Notice live = make("live", "停水通知", "停水", "2026-11-22");
    Fixture f("search-live", {expired, future, quarantined, live}, {{"bad", "advert"}});
    Store store = f.open();
    Searcher searcher(store.database());
    CHECK(ids(run(searcher, "停水")) == Ids{"live"});
    CHECK(ids(run(searcher, "停水", {}, at("2026-10-15"))) == Ids{"expired"});
    CHECK(ids(run(searcher, "停水", {}, at("2026-12-01"))) == Ids{"live", "future"});
    CHECK(ids(run(searcher, "广告")).empty());
    CHECK(ids(run(searcher, "tingshui")) == Ids{"live"});
}

TEST_CASE("filters by category and by publication date") {
    Fixture f("search-filters", community());
    Store store = f.open();
    Searcher searcher(store.database());
    SearchFilter party;
    party.category = Category::Party;
    CHECK(ids(run(searcher, "医保", party)) == Ids{"party"});
    SearchFilter november;
    november.published_from = at("2026-11-01");
    november.published_until = at("2026-12-01");
    CHECK(ids(run(searcher, "医保", november)) == Ids{"party"});
    SearchFilter october;
    october.published_until = at("2026-11-01");
    CHECK(ids(run(searcher, "医保", october)) == Ids{"insurance"});
    SearchFilter nothing;
    nothing.category = Category::Finance;
    CHECK(run(searcher, "医保", nothing).total == 0);
}

TEST_CASE("spans mark the matches in the title and in a body excerpt") {
    Fixture f("search-spans", community());
    Store store = f.open();
    Searcher searcher(store.database());

    const SearchResult water = run(searcher, "停水");
    REQUIRE(water.hits.size() == 1);
    const SearchHit& hit = water.hits[0];
    CHECK(hit.title == "紧急停水通知");
    CHECK(hit.title_spans == std::vector<TextSpan>{{6, 12}});
    CHECK(marked(hit.excerpt, hit.excerpt_spans) == std::vector<std::string>{"停水"});
    CHECK(hit.excerpt.find("起停水") != std::string::npos);  // bold markers are gone

    const SearchResult times = run(searcher, "9:30");
    REQUIRE(times.hits.size() == 2);
    // The match is highlighted as written: full-width in the second body.
    CHECK(marked(times.hits[1].excerpt, times.hits[1].excerpt_spans) ==
          std::vector<std::string>{"9：30"});

    const SearchResult pinyin = run(searcher, "zcjd");
    REQUIRE(pinyin.hits.size() == 1);
    CHECK(marked(pinyin.hits[0].title, pinyin.hits[0].title_spans) ==
          std::vector<std::string>{"政策解读"});

    const SearchResult words = run(searcher, "医保 党员");
    REQUIRE(words.hits.size() == 1);
    CHECK(marked(words.hits[0].title, words.hits[0].title_spans) ==
          std::vector<std::string>{"党员"});
    CHECK(marked(words.hits[0].excerpt, words.hits[0].excerpt_spans) ==
          std::vector<std::string>{"党员", "医保"});
}

TEST_CASE("a long body is cut around the first match") {
    std::string body;
    for (int i = 0; i < 40; ++i) {
        body += "这是一段与主题无关的说明文字。";
    }
    body += "\n\n请于下周一到社区办理医保卡。\n\n";
    for (int i = 0; i < 40; ++i) {
        body += "后面还有很多其他内容。";
    }
    Fixture f("search-excerpt", {make("long", "通知", body, "2026-11-01")});
    Store store = f.open();
    Searcher searcher(store.database());
    SearchRequest request;
    request.query = "医保卡";
    request.now = k_now;
    request.excerpt_chars = 30;
    const SearchResult result = searcher.search(request);
    REQUIRE(result.hits.size() == 1);
    const SearchHit& hit = result.hits[0];
    CHECK(hit.excerpt.starts_with("请于下周一"));  // from the start of the line
    CHECK(hit.excerpt.ends_with("…"));
    CHECK(marked(hit.excerpt, hit.excerpt_spans) == std::vector<std::string>{"医保卡"});
    CHECK(hit.excerpt.find('\n') == std::string::npos);
}

TEST_CASE("pages and totals") {
    std::vector<Notice> notices;
    for (int day = 1; day <= 25; ++day) {
        char date[16];
        std::snprintf(date, sizeof date, "2026-11-%02d", day);
        notices.push_back(make("n" + std::to_string(day), "第" + std::to_string(day) + "期通知",
                               "社区停水安排", date));
    }
    Fixture f("search-pages", notices);
    Store store = f.open();
    Searcher searcher(store.database());
    SearchRequest request;
    request.query = "停水安排";
    request.now = k_now;
    request.limit = 10;
    SearchResult page = searcher.search(request);
    CHECK(page.total == 25);
    REQUIRE(page.hits.size() == 10);
    CHECK(page.hits[0].id == "n25");
    request.offset = 20;
    page = searcher.search(request);
    REQUIRE(page.hits.size() == 5);
    CHECK(page.hits[4].id == "n1");
}

TEST_CASE("the searcher sees another connection's update after refresh") {
    Fixture f("search-refresh", community());
    Store store = f.open();
    Searcher searcher(store.database());
    CHECK(ids(run(searcher, "燃气")).empty());
    {
        Store writer = Store::open(f.path(), OpenMode::ReadWrite);
        Transaction tx(writer.database());
        const Notice gas = make("gas", "燃气检修通知", "燃气管道检修。", "2026-11-26");
        writer.put_notice(gas);
        search_index_update(writer.database(), gas);
        writer.remove_notice("water");
        search_index_remove(writer.database(), "water");
        tx.commit();
    }
    // search() refreshes by itself when content.db changed.
    CHECK(ids(run(searcher, "燃气")) == Ids{"gas"});
    CHECK(ids(run(searcher, "停水")).empty());
    CHECK_FALSE(searcher.refresh());

    // A commit that changes no notice (kiosk-syncd noting a poll) does not reload the catalog.
    Store::open(f.path(), OpenMode::ReadWrite).set_state("last_poll", "1795750000");
    CHECK_FALSE(searcher.refresh());
}

TEST_CASE("a database without a built index is refused with what to do") {
    const auto dir = test_paths::scratch_dir("search-unbuilt");
    {
        Store writer = Store::open((dir / "content.db").string(), OpenMode::ReadWrite);
        writer.put_notice(make("a", "通知", "正文", "2026-11-01"));
    }
    Store store = Store::open((dir / "content.db").string(), OpenMode::ReadOnly);
    CHECK_THROWS_WITH_AS(Searcher(store.database()), doctest::Contains("kiosk-syncd"), SearchError);
}
