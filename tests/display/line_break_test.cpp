// Break opportunities after tailoring, as "|" between characters, one row per rule.
#include <doctest/doctest.h>

#include <string>

#include "display/line_break.h"
#include "display/utf8.h"

namespace {

// "中文，中" → "中|文，|中": a "|" after every character a line may end after (not the last).
std::string marked(const std::string& utf8) {
    const std::u32string text = display::decode_utf8(utf8);
    const auto breaks = display::line_breaks(text);
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        display::append_utf8(out, text[i]);
        if (i + 1 < text.size() && breaks[i] != display::BreakAfter::Never) {
            out += '|';
        }
    }
    return out;
}

struct Row {
    const char* text;
    const char* expected;
    const char* guards;
};

void check(const Row& row) {
    INFO("guards against: ", row.guards);
    CHECK(marked(row.text) == row.expected);
}

}  // namespace

TEST_CASE("line breaks: closing and pause marks never start a line") {
    const Row rows[] = {
        {"中文。中文，中文、中", "中|文。|中|文，|中|文、|中", "。，、 at a line start"},
        {"中文；中文：中文！中文？中", "中|文；|中|文：|中|文！|中|文？|中",
         "；：！？ at a line start"},
        {"中”中）中》中」中』中】中〕中’中", "中”|中）|中》|中」|中』|中】|中〕|中’|中",
         "closing quotes and brackets at a line start"},
        {"中。”中", "中。”|中", "a closing quote after a full stop pushed to the next line"},
        {"中文～中文〜中", "中|文～|中|文〜|中", "～ at a line start (libunibreak allows it)"},
        {"中文–中", "中|文–|中", "en dash connector at a line start"},
        {"中文·中文・中", "中|文·|中|文・|中", "interpunct at a line start (libunibreak allows ·)"},
        {"中文／中文/中", "中|文／|中|文/|中", "solidus at a line start (libunibreak allows ／)"},
        {"中文 。中", "中|文 。|中", "a stop after a space still never starts a line"},
    };
    for (const Row& row : rows) {
        check(row);
    }
}

TEST_CASE("line breaks: opening marks never end a line") {
    const Row rows[] = {
        {"中“中‘中（中《中「中『中【中〔中", "中|“中|‘中|（中|《中|「中|『中|【中|〔中",
         "opening quotes and brackets at a line end"},
        {"中“ 中", "中|“ 中", "an opening quote followed by a space at a line end"},
        {"说：“好。”", "说：|“好。”", "a quotation: break only before the opening quote"},
    };
    for (const Row& row : rows) {
        check(row);
    }
}

TEST_CASE("line breaks: dashes and ellipses are never split and never start a line") {
    const Row rows[] = {
        {"中——中", "中——|中", "—— split in half, or —— at a line start (libunibreak allows it)"},
        {"中……中", "中……|中", "…… split in half or at a line start"},
        {"中文——", "中|文——", "a dash at the end of a paragraph"},
    };
    for (const Row& row : rows) {
        check(row);
    }
}

TEST_CASE("line breaks: numbers keep their separators and units") {
    const Row rows[] = {
        {"在2026年举行", "在|2026年|举|行", "2026 separated from 年"},
        {"达到94.4%以上", "达|到|94.4%|以|上", "94.4% split"},
        {"上午9:30开始", "上|午|9:30|开|始", "9:30 split at the colon"},
        {"上午9：00开始", "上|午|9：00|开|始",
         "9：00 split after the full-width colon (libunibreak)"},
        {"电话0571-86971234联系", "电|话|0571-86971234|联|系", "phone number split at the hyphen"},
        {"共3,862户", "共|3,862户", "thousands separator or measure word split off"},
        {"约8.6万人次", "约|8.6万|人|次", "a number split from 万"},
        {"（1—24幢）", "（1—|24幢）", "a range split before its dash"},
        {"9:00—11:30，", "9:00—|11:30，", "a time range split before its dash or inside a time"},
        {"￥56.2万元", "￥56.2万|元", "currency sign separated from its amount"},
        {"2026/11/25", "2026/11/25", "a date split at a solidus"},
        {"占28.6％；", "占|28.6％；", "full-width percent sign at a line start"},
    };
    for (const Row& row : rows) {
        check(row);
    }
}

TEST_CASE("line breaks: Latin words and URLs") {
    const Row rows[] = {
        {"使用hello world的", "使|用|hello |world|的", "a Latin word split inside"},
        {"注册App后", "注|册|App|后", "Latin word next to Han"},
        {"App（应用）", "App|（应|用）",
         "no break before a full-width bracket after Latin (old LB30)"},
        {"电话0571-86971234（社区）", "电|话|0571-86971234|（社|区）",
         "a number glued to the bracket after it"},
        {"速度km/h内", "速|度|km/h|内", "km/h split at the solidus (libunibreak allows it)"},
        {"见https://a.cn/b/c页", "见|https://|a.cn/|b/|c|页", "URLs still wrap after a solidus"},
    };
    for (const Row& row : rows) {
        check(row);
    }
}

TEST_CASE("line breaks: emoji sequences stay whole") {
    const Row rows[] = {
        {"家庭👨‍👩‍👧成员", "家|庭|👨‍👩‍👧|成|员",
         "ZWJ sequence split (libunibreak splits it)"},
        {"好👍🏽的", "好|👍🏽|的", "skin-tone modifier split from its emoji"},
        {"中❤️中", "中|❤️|中", "variation selector split from its emoji"},
        {"国旗🇨🇳🇺🇸中", "国|旗|🇨🇳|🇺🇸|中", "flags: libunibreak 1.1 aborts on regional indicators"},
        {"é中", "é|中", "combining mark split from its letter"},
    };
    for (const Row& row : rows) {
        check(row);
    }
}

TEST_CASE("line breaks: hard breaks and odd input") {
    CHECK(display::line_breaks(U"").empty());
    const auto hard = display::line_breaks(U"中\n文");
    REQUIRE(hard.size() == 3);
    CHECK(hard[1] == display::BreakAfter::Mandatory);  // a hard line break is kept
    CHECK(hard[2] == display::BreakAfter::Mandatory);  // the end of the text
    // U+FFFF is libunibreak's end marker and aborted the process; it must not.
    CHECK(display::line_breaks(U"中\uFFFF文").size() == 3);
}
