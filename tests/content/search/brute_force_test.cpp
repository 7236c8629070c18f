// The searcher against a brute-force scan of the texts (reference_search.h) on generated notices:
// made of few characters (polyphones, Latin letters, digits, separators, full-width forms) so that
// queries of every kind hit often, partly and in many places; with expired, future, quarantined
// and replaced notices. Every query's ranked ids and exact total must equal the scan's.
#include <doctest/doctest.h>

#include <random>

#include "content/date_time.h"
#include "content/search/readings.h"
#include "content/search/searcher.h"
#include "content/store.h"
#include "tests/content/search/reference_search.h"
#include "tests/test_paths.h"

using namespace content;
using namespace content::search;

namespace {

using Rng = std::mt19937_64;

size_t pick(Rng& rng, size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(rng);
}

const int64_t k_now = *parse_beijing_time("2026-11-27 10:00");

// Words and pieces notices are made of: polyphones (行 长 重 乐 和), words typed alike (医保 以便
// 一般), zh/ch/sh, Latin letters and digits, separators and full-width forms.
const std::vector<std::string> k_pieces{
    "医保", "以便", "一般", "银行", "行走", "长者", "长大", "重阳",  "重要",   "音乐",  "快乐",
    "和平", "社区", "桂园", "新村", "停水", "电梯", "加装", "中心",  "政策",   "解读",  "出租",
    "时间", "AED",  "aed",  "Ａ",   "e",    "d",    "9:30", "9：30", "12345",  "0571-", "，",
    "。",   " ",    "、",   "的",   "了",   "是",   "在",   "居民",  "委员会", "通知",  "公示"};

std::string text(Rng& rng, size_t pieces) {
    std::string out;
    for (size_t i = 0; i < pieces; ++i) {
        out += k_pieces[pick(rng, k_pieces.size())];
    }
    return out;
}

Notice make(size_t i, Rng& rng) {
    Notice n;
    n.id = "n" + std::to_string(i);
    n.category = static_cast<Category>(pick(rng, 6));
    n.title = text(rng, 2 + pick(rng, 4));
    n.body = text(rng, 5 + pick(rng, 60));
    n.published_at = k_now - static_cast<int64_t>(pick(rng, 400)) * 86400;
    switch (pick(rng, 8)) {
        case 0:
            n.expires_at = k_now - 3600;  // expired
            break;
        case 1:
            n.starts_at = k_now + 3600;  // not yet
            break;
        default:
            break;
    }
    n.content_hash = notice_hash(n);
    return n;
}

// How a run of Han characters (and letters) can be typed: whole syllables, initials, a mix, or
// the letters typed so far.
std::string typed(std::u32string_view run, Rng& rng) {
    std::string out;
    const size_t style = pick(rng, 4);
    for (size_t i = 0; i < run.size(); ++i) {
        const pinyin::Readings r = pinyin::readings(run[i]);
        std::string syllable = r.empty()
                                   ? std::string(1, static_cast<char>(run[i]))
                                   : std::string(pinyin::syllable_text(r[pick(rng, r.size())]));
        const bool whole =
            style == 0 || (style == 2 && i == 0) || (style == 3 && i + 1 < run.size());
        if (!whole) {
            const bool h = syllable.size() > 1 && syllable[1] == 'h' && pick(rng, 2) == 0;
            syllable = syllable.substr(0, h ? 2 : 1);
        }
        out += syllable;
    }
    if (style == 3 && out.size() > 1) {
        out.resize(out.size() - pick(rng, 2));  // a syllable being typed
    }
    return out;
}

bool typeable(char32_t c) {
    return is_ascii_letter(c) || !pinyin::readings(c).empty();
}

std::string query_from(const reference::Text& t, Rng& rng) {
    const std::u32string& source = pick(rng, 3) == 0 ? t.title : t.body;
    if (source.empty()) {
        return "社区";
    }
    const size_t start = pick(rng, source.size());
    const size_t length = 1 + pick(rng, 5);
    const std::u32string window = source.substr(start, length);
    switch (pick(rng, 4)) {
        case 0: {
            size_t n = 0;
            while (n < window.size() && typeable(window[n])) {
                ++n;
            }
            if (n > 0) {
                return typed(std::u32string_view(window).substr(0, n), rng);
            }
            break;
        }
        case 1:
            return to_utf8(window) + " " + to_utf8(source.substr(pick(rng, source.size()), 2));
        default:
            break;
    }
    return to_utf8(window);
}

SearchFilter filter_for(size_t i) {
    SearchFilter filter;
    if (i % 5 == 1) {
        filter.category = static_cast<Category>(i % 6);
    }
    if (i % 7 == 2) {
        filter.published_from = k_now - 200 * 86400;
    }
    return filter;
}

// Returns how many queries found something.
size_t compare(Searcher& searcher, const std::vector<reference::Text>& texts, Rng& rng,
               size_t queries) {
    size_t found = 0;
    for (size_t i = 0; i < queries; ++i) {
        const std::string query = query_from(texts[pick(rng, texts.size())], rng);
        const SearchFilter filter = filter_for(i);
        CAPTURE(query);
        CAPTURE(i);
        SearchRequest request;
        request.query = query;
        request.filter = filter;
        request.now = k_now;
        request.limit = texts.size();
        const SearchResult result = searcher.search(request);
        std::vector<std::string> ids;
        for (const SearchHit& hit : result.hits) {
            ids.push_back(hit.id);
        }
        const std::vector<std::string> want = reference::search(texts, query, filter, k_now);
        CHECK(ids == want);
        CHECK(result.total == want.size());
        found += want.empty() ? 0 : 1;
    }
    return found;
}

}  // namespace

TEST_CASE("every query finds exactly what a brute-force scan of the texts finds") {
    Rng rng(20261202);
    const std::string path =
        (test_paths::scratch_dir("search-brute-force") / "content.db").string();
    std::vector<Notice> notices;
    std::vector<bool> quarantined;
    {
        Store store = Store::open(path, OpenMode::ReadWrite);
        Transaction tx(store.database());
        for (size_t i = 0; i < 400; ++i) {
            notices.push_back(make(i, rng));
            quarantined.push_back(i % 23 == 0);
            store.put_notice(notices.back(), quarantined.back() ? std::optional<std::string>("rule")
                                                                : std::nullopt);
        }
        rebuild_search_index(store.database());
        tx.commit();
    }
    auto texts_of = [&] {
        std::vector<reference::Text> texts;
        for (size_t i = 0; i < notices.size(); ++i) {
            texts.push_back(reference::make_text(notices[i], quarantined[i]));
        }
        return texts;
    };
    Store reader = Store::open(path, OpenMode::ReadOnly);
    Searcher searcher(reader.database());
    CHECK(compare(searcher, texts_of(), rng, 400) > 300);  // the queries do find things

    // Replaced and removed notices, through the writer the sync hook uses: their old rows stay in
    // the FTS5 tables and must never be found.
    {
        Store store = Store::open(path, OpenMode::ReadWrite);
        Transaction tx(store.database());
        SearchIndexWriter writer(store.database());
        for (size_t i = 0; i < 60; ++i) {
            const size_t changed = pick(rng, notices.size());
            Notice& n = notices[changed];
            n.body = text(rng, 5 + pick(rng, 30));
            n.content_hash = notice_hash(n);
            store.put_notice(
                n, quarantined[changed] ? std::optional<std::string>("rule") : std::nullopt);
            writer.update(n);
        }
        for (size_t i = 0; i < 30; ++i) {
            const size_t gone = pick(rng, notices.size());
            store.remove_notice(notices[gone].id);
            writer.remove(notices[gone].id);
            notices.erase(notices.begin() + static_cast<std::ptrdiff_t>(gone));
            quarantined.erase(quarantined.begin() + static_cast<std::ptrdiff_t>(gone));
        }
        writer.flush();
        tx.commit();
    }
    CHECK(compare(searcher, texts_of(), rng, 300) > 200);
}
