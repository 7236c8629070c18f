// Offsets: every finding's [start, end) is a span of the original bytes, whatever the folding did
// in between (full-width digits, HTML references, zero-width characters, CRLF line ends).
#include <doctest/doctest.h>

#include <string>

#include "content/safety/check.h"
#include "tests/content/safety/fixture.h"

namespace {

// The original text of the only finding of `rule` in `text`.
std::string span_of(std::string_view text, const std::string& rule) {
    std::string out;
    int count = 0;
    for (const auto& f : content::safety::check_text(text, safety_test::shipped_rules())) {
        if (f.rule == rule) {
            REQUIRE(f.start <= f.end);
            REQUIRE(f.end <= text.size());
            out = std::string(text.substr(f.start, f.end - f.start));
            ++count;
        }
    }
    CHECK(count == 1);
    return out;
}

}  // namespace

TEST_CASE("offsets map each finding back to the original bytes") {
    struct Row {
        const char* guards;
        const char* text;
        const char* rule;
        const char* span;
    };
    static const Row rows[] = {
        {"a term after multi-byte text", "社区通知：澳门新葡京上线", "gambling", "澳门新葡京"},
        {"a term split by separators keeps them", "请看博 . 彩网站", "gambling", "博 . 彩"},
        {"full-width digits", "电话：１３８ ００１３ ８０００。", "contact",
         "１３８ ００１３ ８０００"},
        {"circled digits", "拨打①③⑦①②③④⑤⑥⑦⑧咨询", "contact", "①③⑦①②③④⑤⑥⑦⑧"},
        {"HTML references span their bytes", "欢迎&#28595;&#38376;新葡京", "gambling",
         "&#28595;&#38376;新葡京"},
        {"a zero-width space is its own span", "博\u200b彩", "invisible", "\u200b"},
        {"a run of direction controls is one finding", "看\u202e\u2066京葡新", "invisible",
         "\u202e\u2066"},
        {"a full-width domain", "官网：ｗｗｗ．ｙａ８８８．ｃｏｍ！", "url",
         "ｗｗｗ．ｙａ８８８．ｃｏｍ"},
        {"a scheme is part of the address", "见 https://bet-88.vip/x", "url", "https://bet-88.vip"},
        {"a messenger name and its id", "有意者加VX：abc12345。", "contact", "VX：abc12345"},
        {"a look-alike word", "下载аpp参与", "mixed-script", "аpp"},
        {"after CRLF line ends", "第一行\r\n第二行 138 0013 8000\r\n", "contact", "138 0013 8000"},
    };
    for (const Row& row : rows) {
        const std::string guards = row.guards;
        CAPTURE(guards);
        CHECK(span_of(row.text, row.rule) == row.span);
    }
}

TEST_CASE("check_notice names the field and gives offsets into that field") {
    content::Notice n;
    n.id = "n1";
    n.title = "停水通知加V信：kf8866";
    n.department = "桂花里社区居民委员会";
    n.body = "各位居民：\n\n因管道维修，明日停水。详见 www.xpj888.com 。";
    n.source_url = "https://qinghe.example.gov.cn/x";
    const auto findings = content::safety::check_notice(n, safety_test::shipped_rules());
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].field == "title");
    CHECK(n.title.substr(findings[0].start, findings[0].end - findings[0].start) ==
          "加V信：kf8866");
    CHECK(findings[1].field == "body");
    CHECK(findings[1].rule == "url");
    CHECK(n.body.substr(findings[1].start, findings[1].end - findings[1].start) ==
          "www.xpj888.com");
}

TEST_CASE("excerpts show the context on one line and spell out invisible characters") {
    const auto findings = content::safety::check_text(
        "第一段。\n\n前面的文字很长很长很长很长，博\u200b彩网站就在这里后面还有很多字",
        safety_test::shipped_rules());
    REQUIRE(!findings.empty());
    for (const auto& f : findings) {
        CAPTURE(f.excerpt);
        CHECK(f.excerpt.find('\n') == std::string::npos);
        CHECK(f.excerpt.find("<U+200B>") != std::string::npos);
        CHECK(f.excerpt.find("第一段") == std::string::npos);
    }
}
