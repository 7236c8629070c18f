// Search over the sample community compared with what is really in it: for each query, the
// notices found are exactly those whose title or readable body holds it, shown on the reference
// day, titles first and then newest first. Also the kiosk-query tool over the same data.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>

#include "content/date_time.h"
#include "content/search/searcher.h"
#include "content/search/text.h"
#include "content/source_tree.h"
#include "tests/content/search/reference_search.h"
#include "tests/sample_db.h"

using namespace content;
using namespace content::search;

namespace {

const int64_t k_now = *parse_beijing_time("2026-11-27 10:00");

struct Sample {
    std::filesystem::path dir;
    SourceTree tree;
    ~Sample() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
};

// One content.db per process: ctest runs each test case in its own process, in parallel.
const Sample& sample() {
    static const Sample s = [] {
        Sample out{test_fixtures::sample_data_dir("search-sample-" + std::to_string(::getpid())),
                   load_source_tree(test_paths::sample_dir())};
        Store store = Store::open((out.dir / "content.db").string(), OpenMode::ReadWrite);
        ensure_search_index(store.database());
        return out;
    }();
    return s;
}

// What a resident should find, worked out the slow way (reference_search.h): every shown notice
// whose title or body text holds the (folded) query, titles first, then newest first.
std::vector<std::string> expected(const std::string& query) {
    static const std::vector<reference::Text> texts = [] {
        std::vector<reference::Text> out;
        for (const Notice& n : sample().tree.notices) {
            out.push_back(reference::make_text(n, false));
        }
        return out;
    }();
    return reference::search(texts, query, {}, k_now);
}

SearchResult search_sample(const std::string& query) {
    Store store = Store::open((sample().dir / "content.db").string(), OpenMode::ReadOnly);
    Searcher searcher(store.database());
    SearchRequest request;
    request.query = query;
    request.now = k_now;
    request.limit = 100;
    return searcher.search(request);
}

std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const SearchHit& hit : result.hits) {
        out.push_back(hit.id);
    }
    return out;
}

}  // namespace

TEST_CASE("sample: what residents look for is found exactly where it is") {
    for (const char* query :
         {"低保", "医保", "停水", "加装电梯", "王堃", "9:30", "电梯", "桂园新村", "党员", "医",
          "堃", "垃圾分类", "12345", "居住证", "长者食堂", "志愿者", "2026年11月", "居民委员会"}) {
        CAPTURE(query);
        const std::vector<std::string> want = expected(query);
        const SearchResult result = search_sample(query);
        CHECK(ids(result) == want);
        CHECK(result.total == want.size());
    }
}

TEST_CASE("sample: the notices the examples are about come first") {
    CHECK(ids(search_sample("停水")).front() == "announcement-2026-11-emergency-water-outage");
    CHECK(ids(search_sample("加装电梯")).front() == "government-2026-guiyuan-5-elevator");
    CHECK(ids(search_sample("低保")).size() >= 2);
    const std::vector<std::string> medical = ids(search_sample("医保"));
    CHECK(std::find(medical.begin(), medical.end(), "government-2027-medical-insurance-faq") !=
          medical.end());
}

TEST_CASE("sample: pinyin finds what the Chinese finds") {
    CHECK(ids(search_sample("zcjd")).front() == "government-2027-medical-insurance-faq");
    CHECK(ids(search_sample("jzdt")).front() == "government-2026-guiyuan-5-elevator");
    CHECK(ids(search_sample("jiazhuangdianti")) == expected("加装电梯"));
    CHECK(ids(search_sample("tingshui")) == expected("停水"));
    CHECK(ids(search_sample("dibao")) == expected("低保"));
    // yibao and yb find every notice with 医保 (and any other yi-bao / y-b words).
    for (const char* pinyin : {"yibao", "yi bao", "yb", "yib"}) {
        CAPTURE(pinyin);
        const std::vector<std::string> found = ids(search_sample(pinyin));
        for (const std::string& id : expected("医保")) {
            CHECK(std::find(found.begin(), found.end(), id) != found.end());
        }
    }
}

TEST_CASE("sample: Latin letters are found as written, before any pinyin reading of them") {
    const std::vector<std::string> want = expected("AED");
    REQUIRE_FALSE(want.empty());
    const std::vector<std::string> found = ids(search_sample("aed"));
    REQUIRE(found.size() >= want.size());
    // Literal title matches first; pinyin readings (a-e-d initials) can only follow.
    for (size_t i = 0; i < want.size(); ++i) {
        CHECK(std::find(found.begin(), found.end(), want[i]) != found.end());
    }
}

TEST_CASE("sample: expired and not yet started notices stay hidden") {
    // The summer youth notice expired on 2026-10-31; voter registration starts in 2027.
    CHECK(search_sample("暑期").total == expected("暑期").size());
    for (const SearchHit& hit : search_sample("选民").hits) {
        CHECK(hit.id != "government-2027-voter-registration");
    }
    for (const SearchHit& hit : search_sample("青少年").hits) {
        CHECK(hit.id != "affairs-2026-summer-youth-activities");
    }
}

TEST_CASE("sample: every hit's spans mark the query in its title or excerpt") {
    for (const char* query : {"低保", "医保", "9:30", "yibao", "zcjd"}) {
        CAPTURE(query);
        for (const SearchHit& hit : search_sample(query).hits) {
            CAPTURE(hit.id);
            CHECK(hit.title_spans.size() + hit.excerpt_spans.size() > 0);
            for (const TextSpan& s : hit.title_spans) {
                CHECK(s.end <= hit.title.size());
            }
            for (const TextSpan& s : hit.excerpt_spans) {
                CHECK(s.end <= hit.excerpt.size());
            }
        }
    }
}

TEST_CASE("kiosk-query prints the ranked results as id<TAB>title and the time on stderr") {
    const std::string tool = (test_paths::bin_dir() / "kiosk-query").string();
    const std::string command = tool + " --data " + sample().dir.string() +
                                " --now '2026-11-27 10:00' 低保 2>" +
                                (sample().dir / "query.err").string();
    FILE* out = popen(command.c_str(), "r");
    REQUIRE(out);
    std::string text;
    std::array<char, 4096> buffer{};
    while (size_t n = std::fread(buffer.data(), 1, buffer.size(), out)) {
        text.append(buffer.data(), n);
    }
    CHECK(pclose(out) == 0);
    std::string want;
    for (const std::string& id : expected("低保")) {
        for (const Notice& n : sample().tree.notices) {
            if (n.id == id) {
                want += id + "\t" + n.title + "\n";
            }
        }
    }
    CHECK(text == want);
    std::ifstream err(sample().dir / "query.err");
    const std::string timing((std::istreambuf_iterator<char>(err)), {});
    CHECK(timing.find(" ms") != std::string::npos);

    const std::string filtered = tool + " --data " + sample().dir.string() +
                                 " --now '2026-11-27 10:00' --category finance 低保 2>/dev/null";
    FILE* finance = popen(filtered.c_str(), "r");
    REQUIRE(finance);
    std::string lines;
    while (size_t n = std::fread(buffer.data(), 1, buffer.size(), finance)) {
        lines.append(buffer.data(), n);
    }
    pclose(finance);
    CHECK(lines.find("government-") == std::string::npos);
}

TEST_CASE("kiosk-query says how to build a missing index") {
    const auto dir = test_paths::scratch_dir("search-sample-unbuilt");
    {
        Store store = Store::open((dir / "content.db").string(), OpenMode::ReadWrite);
        store.put_notice(sample().tree.notices.front());
    }
    const std::string command =
        (test_paths::bin_dir() / "kiosk-query").string() + " --data " + dir.string() + " 低保 2>&1";
    FILE* out = popen(command.c_str(), "r");
    REQUIRE(out);
    std::string text;
    std::array<char, 4096> buffer{};
    while (size_t n = std::fread(buffer.data(), 1, buffer.size(), out)) {
        text.append(buffer.data(), n);
    }
    CHECK(pclose(out) != 0);
    CHECK(text.find("kiosk-syncd") != std::string::npos);
    CHECK(text.find("--rebuild-index") != std::string::npos);
}
