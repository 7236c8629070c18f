// The generalising layers of issue 16, each with the spam it must catch and the notice wording it
// must leave alone: templates, brand shapes, pinyin, radicals and emoji, contact context, official
// domains and English sentences, the scorer, and the explanation every finding carries.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "content/safety/scorer.h"
#include "tests/content/safety/fixture.h"

using safety_test::describe;
using safety_test::rules_in;

namespace {

// The one finding of `layer` in a text, or nothing.
std::optional<content::safety::SafetyFinding> layer_finding(std::string_view text,
                                                            std::string_view layer) {
    for (auto& f : content::safety::check_text(text, safety_test::shipped_rules())) {
        if (f.layer == layer) {
            return f;
        }
    }
    return std::nullopt;
}

void flagged_by(const char* text, const char* layer) {
    CAPTURE(text);
    const std::string found = describe(text);
    CAPTURE(found);
    CHECK(layer_finding(text, layer).has_value());
}

void passes(const char* text) {
    CAPTURE(text);
    const std::string found = describe(text);
    CAPTURE(found);
    CHECK(rules_in(text).empty());
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("templates: a phrasing of the trade is caught whatever the name, glued into a sentence") {
    const char* text =
        "依据《基层政务公开标准指引》，云顶星河最新官方版下载结合区政府权责清单，编制了目录。";
    const auto f = layer_finding(text, "template");
    REQUIRE(f.has_value());
    CHECK(f->normalized == "云顶星河最新官方版下载");  // the name is part of the span
    CHECK(f->rule == "app-download");
    CHECK(f->reason.find("最新官方版下载") != std::string::npos);
    flagged_by("鸿运來手机版免费下载，天天有奖", "template");
    flagged_by("请认准金狮官网入口", "template");
    passes("请登录区政府官网入口查询完整报告。");
    passes("请下载“国家反诈中心”App最新版下载后开启预警。");
}

TEST_CASE("brand shapes: a name with a trade suffix beside a trade word, unless an institution") {
    flagged_by("星河棋牌，信誉第一，提现秒到。", "brand-shape");
    flagged_by("九州国际全天候充值", "brand-shape");
    passes("中国体育彩票公益金资助的健身路径已建成投用。");
    passes("区体育中心游泳馆对老人半价开放，需在窗口充值。");
    passes("社区组织群众文化娱乐活动，欢迎居民参加。");
}

TEST_CASE("pinyin: Latin spellings and initials of listed terms, on Latin runs only") {
    flagged_by("认准 aomen xinpujing 注册", "pinyin");
    flagged_by("搜索AMXPJ领取", "pinyin");
    flagged_by("xpj 真人", "pinyin");
    passes("Please note the change of venue. Visitors should bring their ID cards.");
    passes("Registration closes on Friday.");
}

TEST_CASE("radicals and emoji read as the characters they stand for") {
    CHECK(rules_in("澳⻔新葡京，注册就送").count("gambling") == 1);  // CJK Radicals Supplement 门
    CHECK(rules_in("六🈴彩开奖结果").count("gambling") == 1);         // 🈴 for 合
    CHECK(rules_in("🐉🐯斗在线").count("gambling") == 1);              // 龙虎斗
    CHECK(rules_in("澳门钅沙").count("gambling") == 1);              // 钅 for 金
    passes("春节快乐🐉，阖家幸福。");
}

TEST_CASE("contacts: a number beside a role of the notice passes; beside the trade it is spam") {
    passes("本次入户走访由网格员张丽负责，联系电话13857112345。");
    passes(
        "| 时间 | 值班人员 | 电话 |\n|---|---|---|\n| 3月1日 | 王伟 | 13857112345 |\n"
        "| 3月2日 | 李娜 | 13957112346 |");
    passes("社区家长学校QQ群：123456789，入群请备注孩子姓名。");
    CHECK(rules_in("代理招募，联系13857112345").count("contact") == 1);
    CHECK(rules_in("网格员推荐兼职日结，加微信13857112345").count("contact") == 1);
    CHECK(rules_in("客服QQ：123456789").count("contact") == 1);
    CHECK(rules_in("13857112345").count("contact") == 1);  // no role at all
    // A role in an earlier paragraph does not cover spam later on.
    CHECK(rules_in("联系人：王丽。\n\n新用户请立即拨打13857112345领取福利礼包").count("contact") ==
          1);
}

TEST_CASE("addresses: registered institutions pass, English sentences are not domains") {
    passes("报名结果可登录中国人事考试网（www.cpta.com.cn）查询。");
    passes("个人信用报告可通过征信中心官网 www.pbccrc.org.cn 查询。");
    passes("Please note the change of venue for the arrival. Online registration remains open.");
    CHECK(rules_in("访问 xpj888. com 注册").count("url") == 1);
    CHECK(rules_in("访问 XPJ888. COM 注册").count("url") == 1);
}

TEST_CASE("scorer: a model scores windows of a clause and reports the n-grams that fired") {
    content::safety::SafetyRules rules = safety_test::shipped_rules();
    std::vector<content::Diagnostic> problems;
    rules.scorer = content::safety::Scorer::parse(
        "model.txt", "version 1\nwindow 6\nthreshold 5\n日进 3\n进斗 3\n斗金 3\n日进斗 2\n",
        problems);
    REQUIRE(problems.empty());
    const char* text = "结合区政府权责清单日进斗金编制目录。";
    const auto findings = content::safety::check_text(text, rules);
    REQUIRE(findings.size() == 1);
    const auto& f = findings.front();
    CHECK(f.rule == "suspected");
    CHECK(f.layer == "scorer");
    CHECK(f.certainty == content::safety::Certainty::Suspected);
    CHECK(f.score >= 5);
    CHECK(f.term.find("日进") != std::string::npos);
    CHECK(std::string_view(text).substr(f.start, f.end - f.start).find("日进斗金") !=
          std::string_view::npos);
    // A sentence that condemns what it quotes is not scored.
    CHECK(content::safety::check_text("谨防所谓日进斗金的骗局。", rules).empty());
}

TEST_CASE("scorer: a malformed model names the file and line") {
    std::vector<content::Diagnostic> problems;
    content::safety::Scorer::parse("scorer/model.txt", "version 1\nthreshold x\n日进 3\n",
                                   problems);
    REQUIRE(!problems.empty());
    CHECK(problems.front().file == "scorer/model.txt");
    CHECK(problems.front().line == 2);
    problems.clear();
    content::safety::Scorer::parse("scorer/model.txt", "version 1\nthreshold 3\n日 3\n", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems.front().line == 3);
}

TEST_CASE("scorer: the shipped model is what the build trained from the corpus") {
    const auto built = test_paths::bin_dir().parent_path() / "content" / "safety" / "model.txt";
    const auto shipped =
        test_paths::source_dir() / "content" / "safety" / "rules" / "scorer" / "model.txt";
    REQUIRE(std::filesystem::exists(built));
    // When this fails: cp build/content/safety/model.txt content/safety/rules/scorer/model.txt
    CHECK(read(built) == read(shipped));
    CHECK(!safety_test::shipped_rules().scorer.empty());
    CHECK(safety_test::shipped_rules().scorer.memory_bytes() < 20u * 1024 * 1024);
}

TEST_CASE("explanations: every finding names its layer, what it read and why") {
    const char* text =
        "澳門新葡京注册送。加V信：abc12345。访问 "
        "xpj888.com。博\u200b彩。аpp下载。金樽最新官方版下载";
    const auto findings = content::safety::check_text(text, safety_test::shipped_rules());
    CHECK(findings.size() >= 5);
    for (const auto& f : findings) {
        CAPTURE(f.rule);
        CHECK(!f.layer.empty());
        CHECK(!f.reason.empty());
        if (f.rule != "invisible") {
            CHECK(!f.normalized.empty());
        }
    }
    const auto brand = layer_finding(text, "list");
    REQUIRE(brand.has_value());
    CHECK(brand->normalized.starts_with("澳门新葡京"));
}

TEST_CASE("contacts: a warning that lists messenger names names no account") {
    passes("警惕以微信、QQ、陌陌、Telegram、WhatsApp等社交软件为渠道的诈骗。");
    passes("不法分子常通过Telegram、Skype联系受害人。");
}
