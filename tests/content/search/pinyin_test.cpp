// Pinyin for search: the Unihan table (readings of polyphones), how typed letters are cut into
// pieces, and matching pieces against Han text.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "content/search/readings.h"
#include "content/search/pinyin.h"
#include "content/search/text.h"

using namespace content;
using namespace content::search;

namespace {

std::vector<std::string> readings_of(char32_t c) {
    std::vector<std::string> out;
    const pinyin::Readings r = pinyin::readings(c);
    for (size_t i = 0; i < r.size(); ++i) {
        out.emplace_back(pinyin::syllable_text(r[i]));
    }
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string describe(const PinyinSplit& split) {
    std::string out;
    for (const PinyinPiece& p : split) {
        out += (out.empty() ? "" : " ") + p.letters;
        out += p.kind == PieceKind::Whole ? "" : p.kind == PieceKind::Initial ? "*" : "~";
    }
    return out;
}

std::vector<std::string> splits_of(const char* query) {
    std::vector<std::string> out;
    if (auto q = parse_pinyin_query(fold_string(query))) {
        for (const PinyinSplit& s : q->splits) {
            out.push_back(describe(s));
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The text of the first match of `query` in `text`, or "" when none.
std::string first_match(const char* text, const char* query) {
    const auto q = parse_pinyin_query(fold_string(query));
    REQUIRE(q);
    const std::u32string folded = fold_string(text);
    const auto matches = find_pinyin(folded, *q, 1);
    if (matches.empty()) {
        return "";
    }
    std::string out;
    for (size_t i = matches[0].first; i < matches[0].second; ++i) {
        append_utf8(out, folded[i]);
    }
    return out;
}

}  // namespace

TEST_CASE("the most common reading comes first") {
    CHECK(readings_of(U'医') == std::vector<std::string>{"yi"});
    CHECK(readings_of(U'保').front() == "bao");
    CHECK(readings_of(U'行').front() == "xing");
    CHECK(readings_of(U'的').front() == "de");
    CHECK(readings_of(U'堃') == std::vector<std::string>{"kun"});
}

TEST_CASE("polyphonic characters have each of their modern readings") {
    CHECK(has(readings_of(U'行'), "xing"));
    CHECK(has(readings_of(U'行'), "hang"));
    CHECK(has(readings_of(U'长'), "chang"));
    CHECK(has(readings_of(U'长'), "zhang"));
    CHECK(has(readings_of(U'重'), "zhong"));
    CHECK(has(readings_of(U'重'), "chong"));
    CHECK(has(readings_of(U'乐'), "le"));
    CHECK(has(readings_of(U'乐'), "yue"));
    CHECK(has(readings_of(U'会'), "kuai"));  // 会计
    // Classical readings from the Hanyu Da Zidian are left out for common characters.
    CHECK_FALSE(has(readings_of(U'重'), "tong"));
}

TEST_CASE("ü is typed v, and u too") {
    CHECK(has(readings_of(U'绿'), "lv"));
    CHECK(has(readings_of(U'绿'), "lu"));
    CHECK(has(readings_of(U'女'), "nv"));
    CHECK(has(readings_of(U'略'), "lve"));
    CHECK(has(readings_of(U'略'), "lue"));
}

TEST_CASE("characters outside Han have no readings, rare ones beyond the BMP do") {
    CHECK(pinyin::readings(U'a').empty());
    CHECK(pinyin::readings(U'，').empty());
    CHECK(pinyin::readings(U'9').empty());
    CHECK_FALSE(pinyin::readings(U'\U00020000').empty());  // 𠀀, Extension B
    CHECK(pinyin::initial_mask(U'医') == 1u << ('y' - 'a'));
    CHECK(pinyin::initial_mask(U'行') == ((1u << ('x' - 'a')) | (1u << ('h' - 'a'))));
}

TEST_CASE("syllables: lookup and prefixes") {
    REQUIRE(pinyin::syllable_id("zhuang"));
    CHECK(pinyin::syllable_text(*pinyin::syllable_id("zhuang")) == "zhuang");
    CHECK_FALSE(pinyin::syllable_id("zhuangg"));
    CHECK_FALSE(pinyin::syllable_id("i"));
    CHECK(pinyin::is_syllable_prefix("zhu"));
    CHECK_FALSE(pinyin::is_syllable_prefix("iu"));
    CHECK(pinyin::syllable_count() > 400);
}

TEST_CASE("letters are cut into the fewest pieces, as pinyin keyboards do") {
    CHECK(splits_of("yibao") == std::vector<std::string>{"yi bao"});
    CHECK(splits_of("yi bao") == std::vector<std::string>{"yi bao"});
    CHECK(splits_of("xian") == std::vector<std::string>{"xian"});
    CHECK(splits_of("xi'an") == std::vector<std::string>{"xi an"});
    CHECK(splits_of("fangan") == std::vector<std::string>{"fan gan", "fang an"});
    CHECK(splits_of("zcjd") == std::vector<std::string>{"z* c* j* d*"});
    CHECK(splits_of("yb") == std::vector<std::string>{"y* b*"});
    CHECK(splits_of("yib") == std::vector<std::string>{"yi b*"});
    CHECK(splits_of("zhcjd") == std::vector<std::string>{"zh* c* j* d*"});
    CHECK(splits_of("jiazdt") == std::vector<std::string>{"jia z* d* t*"});
    CHECK(splits_of("jiazhuangdianti") == std::vector<std::string>{"jia zhuang dian ti"});
    // The last piece may be a syllable still being typed.
    CHECK(splits_of("tingshu") == std::vector<std::string>{"ting shu"});
    CHECK(splits_of("zhua") == std::vector<std::string>{"zhua"});
    CHECK(splits_of("shequj") == std::vector<std::string>{"she qu j*"});
    CHECK(splits_of("jiazhuangdia") == std::vector<std::string>{"jia zhuang dia"});
    CHECK(splits_of("tingsh") == std::vector<std::string>{"ting sh*"});
}

TEST_CASE("what is not pinyin is not read as pinyin") {
    CHECK_FALSE(parse_pinyin_query(fold_string("医保")));
    CHECK_FALSE(parse_pinyin_query(fold_string("9:30")));
    CHECK_FALSE(parse_pinyin_query(fold_string("yb2")));
    CHECK_FALSE(parse_pinyin_query(fold_string("iu")));  // no syllable starts with i
    CHECK_FALSE(parse_pinyin_query(fold_string("   ")));
    CHECK_FALSE(parse_pinyin_query(fold_string(std::string(60, 'a'))));
    CHECK(parse_pinyin_query(fold_string("YiBao")));       // case does not matter
    CHECK(parse_pinyin_query(fold_string("ｙｉｂａｏ")));  // nor full-width letters
}

TEST_CASE("initials, full pinyin and mixed pinyin match Han text") {
    CHECK(first_match("政策解读：居民医保", "zcjd") == "政策解读");
    CHECK(first_match("关于居民医保的通知", "yb") == "医保");
    CHECK(first_match("关于居民医保的通知", "yibao") == "医保");
    CHECK(first_match("关于居民医保的通知", "yi'bao") == "医保");
    CHECK(first_match("关于居民医保的通知", "yib") == "医保");
    CHECK(first_match("紧急停水通知", "tingshui") == "停水");
    CHECK(first_match("桂园新村加装电梯", "jzdt") == "加装电梯");
    CHECK(first_match("桂园新村加装电梯", "jiazdt") == "加装电梯");
    CHECK(first_match("桂园新村加装电梯", "jiazhuangdianti") == "加装电梯");
    CHECK(first_match("社区书记王堃", "wangkun") == "王堃");
    CHECK(first_match("政策解读", "zhengcejiedu") == "政策解读");
    CHECK(first_match("政策解读", "zhcjd") == "政策解读");
    CHECK(first_match("医保", "yibo") == "");
    CHECK(first_match("医保", "bao yi") == "");
}

TEST_CASE("a polyphone matches by any of its readings") {
    CHECK(first_match("工商银行网点", "yinhang") == "银行");
    CHECK(first_match("出行安全", "chuxing") == "出行");
    CHECK(first_match("社区居委会主任", "zhuren") == "主任");
    CHECK(first_match("楼长会议", "louzhang") == "楼长");
    CHECK(first_match("长期护理", "changqi") == "长期");
    CHECK(first_match("重点人群", "zhongdian") == "重点");
    CHECK(first_match("重新登记", "chongxin") == "重新");
    CHECK(first_match("快乐老人", "kuaile") == "快乐");
    CHECK(first_match("音乐会", "yinyue") == "音乐");
    CHECK(first_match("财务会计", "kuaiji") == "会计");
    CHECK(first_match("绿化带", "lvhua") == "绿化");
    CHECK(first_match("绿化带", "luhua") == "绿化");
}

TEST_CASE("Latin letters in the text stand for themselves") {
    CHECK(first_match("AED使用培训", "aed") == "aed");
    CHECK(first_match("AED使用培训", "aedsy") == "aed使用");
}

TEST_CASE("a match never crosses punctuation or a space") {
    CHECK(first_match("医，保", "yibao") == "");
    CHECK(first_match("医 保", "yb") == "");
}
