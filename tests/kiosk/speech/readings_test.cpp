// Readings for polyphonic characters from word context: the syllables the engine is given.
#include <doctest/doctest.h>

#include "content/utf8.h"
#include "kiosk/speech/readings.h"
#include "kiosk/speech/sentence_plan.h"

using namespace kiosk::speech;

namespace {

std::string pinyin_of(std::string_view text, const Readings& readings = Readings::builtin()) {
    std::string out;
    for (const SpokenSentence& s : plan_sentences(text, readings)) {
        for (const std::string& syl : s.syllables) {
            out += (out.empty() ? "" : " ") + syl;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("polyphones read by their word") {
    struct Row {
        const char* text;
        const char* pinyin;
    };
    const Row rows[] = {
        {"银行的行长", "yin2 hang2 de5 hang2 zhang3"},
        {"重庆", "chong2 qing4"},
        {"孩子长大了", "hai2 zi5 zhang3 da4 le5"},
        {"音乐会", "yin1 yue4 hui4"},
        {"快乐", "kuai4 le4"},
        {"重要通知", "zhong4 yao4 tong1 zhi1"},
        {"重新登记", "chong2 xin1 deng1 ji4"},
        {"还款", "huan2 kuan3"},
        {"还是", "hai2 shi4"},
        {"调查问卷", "diao4 cha2 wen4 juan4"},
        {"调整", "tiao2 zheng3"},
        {"会计", "kuai4 ji4"},
        {"出行", "chu1 xing2"},
        {"为民服务", "wei4 min2 fu2 wu4"},
        {"长者食堂", "zhang3 zhe3 shi2 tang2"},
        {"长期", "chang2 qi1"},
        {"了解", "liao3 jie3"},
        {"觉得", "jue2 de5"},
        {"睡觉", "shui4 jiao4"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        CHECK(pinyin_of(row.text) == row.pinyin);
    }
}

TEST_CASE("numbers, letters, punctuation and rare characters") {
    CHECK(pinyin_of("2026年") == "er4 ling2 er4 liu4 nian2");
    CHECK(pinyin_of("拨打12345") == "bo1 da3 yao1 er4 san1 si4 wu3");
    CHECK(pinyin_of("APP") == "ei1 pi4 pi4");
    CHECK(pinyin_of("你好！") == "ni3 hao3");
    // A private-use character has no reading: skipped, never spelled out.
    CHECK(pinyin_of("社\xee\x80\x80区") == "she4 qu1");
}

TEST_CASE("staff overrides win over the dictionaries, and bad lines are reported") {
    Readings readings = Readings::builtin();
    const auto problems = readings.add_overrides("# names\n王堃\twang2 kun1\n错误行\n单\tdan\n");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].line == 3);
    CHECK(problems[1].line == 4);
    CHECK(pinyin_of("王堃", readings) == "wang2 kun1");
}

TEST_CASE("sentences: cut at sentence ends, long runs cut, empty ones dropped") {
    const auto sentences =
        plan_sentences("第一句。第二句！“第三句。”\n\n。。", Readings::builtin());
    REQUIRE(sentences.size() == 3);
    CHECK(sentences[2].words == "第三句。");
    const std::string unbroken(3000 * 3, 'x');
    std::string han;
    for (int i = 0; i < 3000; ++i) {
        han += "社";
    }
    const auto long_run = plan_sentences(han, Readings::builtin());
    CHECK(long_run.size() == 25);  // 3,000 characters in utterances of 120
    for (const auto& s : long_run) {
        CHECK(s.syllables.size() <= k_max_sentence_chars);
    }
}
