// Paragraph layout with the fake font (Han and full-width marks 1 em, Latin ½ em, em = 10 px),
// so every expected break can be worked out by hand. Each row says what bug it guards.
#include <doctest/doctest.h>

#include <string>

#include "display/paragraph_layout.h"
#include "display/utf8.h"
#include "tests/display/fake_font.h"

namespace {

using display::Alignment;
using display::Line;
using display::ParagraphOptions;
using display::Weight;

constexpr float k_em = 10;

// The lines of `text` joined with "|".
std::string lines_of(const std::string& text, float width_em, ParagraphOptions options = {}) {
    const test_display::FakeFont font;
    const auto lines =
        display::layout_paragraph(text, font, k_em, Weight::Regular, width_em * k_em, options);
    std::string out;
    for (size_t k = 0; k < lines.size(); ++k) {
        out += (k ? "|" : "") + display::encode_utf8(display::line_text(lines[k]));
    }
    return out;
}

struct Row {
    const char* text;
    float width_em;
    const char* expected;
    const char* guards;
};

void check_rows(std::initializer_list<Row> rows) {
    for (const Row& row : rows) {
        INFO("guards against: ", row.guards);
        INFO("text: ", row.text);
        CHECK(lines_of(row.text, row.width_em) == row.expected);
    }
}

}  // namespace

TEST_CASE("paragraph: line start and end rules") {
    check_rows({
        {"中文中文中文。", 6, "中文中文|中文。",
         "。 at a line start, and then 文。 alone on the last line"},
        {"中文中（中文）", 4, "中文中|（中文）", "（ left at the end of a line"},
        {"中文中——中文", 4, "中文|中——|中文", "—— split, or —— at a line start"},
        {"中文中……中文", 4, "中文|中……|中文", "…… split, or …… at a line start"},
        {"他说：“好。”中文", 4, "他说：|“好。”|中文", "a quotation split after its opening quote"},
    });
}

TEST_CASE("paragraph: end-of-line punctuation is squeezed before anything is pushed down") {
    check_rows({
        // 中文中文中， is 5 em + ½ em squeezed = 5.5 em: it fits.
        {"中文中文中，中文", 5.5f, "中文中文中，|中文",
         "先挤进: the comma pushed down with 中 although half of it fits"},
        // 5.4 em: even squeezed it does not fit, so 中， goes down together.
        {"中文中文中，中文", 5.4f, "中文中文|中，中文", "后推出: the comma overhanging the line"},
        // 中。” is 1 + ½ (compressed) + ½ (squeezed) = 2 em.
        {"中。”中文", 2, "中。”|中文", "two closing marks in a row taking 2 em each"},
    });
}

TEST_CASE("paragraph: numbers, Latin words and emoji are not split") {
    check_rows({
        {"共有3,862户居民", 4, "共有|3,862户|居民", "3,862户 split at the comma or before 户"},
        {"请下载App使用", 4, "请下载|App使用", "App split into Ap|p"},
        {"上午9：00开门啊", 4, "上午|9：00开|门啊", "9：00 split after the colon"},
        {"好👍🏽的人们", 3, "好👍🏽的|人们",
         "a skin-tone modifier separated from its emoji"},
    });
}

TEST_CASE("paragraph: units longer than a line break at a sensible point") {
    check_rows({
        {"abcdefghij中", 3, "abcdef|ghij中", "a word longer than the line overflowing it"},
        {"电话0571-86971234", 4, "电话|0571-|86971234",
         "a long number cut anywhere but at its hyphen"},
        {"中文中", 0.5f, "中|文|中", "a line narrower than one character: one per line, no loop"},
    });
}

TEST_CASE("paragraph: no single character alone on the last line") {
    check_rows({
        {"中文中文中文中", 3, "中文中|文中|文中", "中 alone on the last line"},
        {"中文中文。", 4, "中文|中文。", "文。 alone (the mark does not count as a character)"},
        {"中文中文中文中文", 5, "中文中文中|文中文",
         "pulling down when the last line is already fine"},
    });
}

TEST_CASE("paragraph: hard breaks, empty and invalid input") {
    check_rows({
        {"中文\n中文", 10, "中文|中文", "a hard line break ignored"},
        {"", 10, "", "an empty paragraph producing a line"},
        {"中\xff文", 10, "中\xEF\xBF\xBD文", "invalid UTF-8 dropped or crashing instead of U+FFFD"},
        {"中文   ", 10, "中文", "trailing spaces kept as glyphs at the line end"},
    });
}

TEST_CASE("paragraph: first-line indent and justification positions") {
    const test_display::FakeFont font;
    const auto indented = display::layout_paragraph("中文中文中文中文", font, k_em, Weight::Regular,
                                                    5 * k_em, {2 * k_em, Alignment::Justify});
    REQUIRE(indented.size() == 2);
    CHECK(display::encode_utf8(display::line_text(indented[0])) == "中文中");
    CHECK(indented[0].glyphs[0].x == doctest::Approx(20));  // the two-em indent

    // 5 Han in 5.5 em: the ½ em slack is shared by the 4 gaps.
    const auto lines =
        display::layout_paragraph("中文中文中文中文", font, k_em, Weight::Regular, 5.5f * k_em);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].justified);
    CHECK(lines[0].width == doctest::Approx(50));  // the set width, before justification
    CHECK(lines[0].glyphs[1].x == doctest::Approx(11.25));
    CHECK(lines[0].glyphs[4].x + lines[0].glyphs[4].advance == doctest::Approx(55));
    CHECK_FALSE(lines[1].justified);  // the last line stays ragged
    CHECK(lines[1].glyphs[1].x == doctest::Approx(10));

    // "中abc中文中": the gaps inside "abc" never stretch; 中|a c|中 中|文 文|中 do.
    const auto mixed =
        display::layout_paragraph("中abc中文中文中", font, k_em, Weight::Regular, 6 * k_em);
    REQUIRE(mixed.size() == 2);
    const auto& g = mixed[0].glyphs;
    REQUIRE(g.size() == 7);
    CHECK(g[2].x - g[1].x == doctest::Approx(5));  // a→b: exactly half an em
    CHECK(g[3].x - g[2].x == doctest::Approx(5));  // b→c
    CHECK(g[1].x - g[0].x == doctest::Approx(11.25));
    CHECK(g[6].x + g[6].advance == doctest::Approx(60));
}

TEST_CASE("paragraph: squeezed marks keep their code point and move by position") {
    const test_display::FakeFont font;
    // "中，" at a line end: the comma's advance becomes ½ em; its glyph stays U+FF0C.
    const auto lines =
        display::layout_paragraph("中文中文中，中文", font, k_em, Weight::Regular, 5.5f * k_em);
    REQUIRE(lines.size() == 2);
    const auto& comma = lines[0].glyphs.back();
    CHECK(comma.cp == U'，');
    CHECK(comma.advance == doctest::Approx(5));
    // "（“" : the second opening mark moves left by ½ em.
    const auto open =
        display::layout_paragraph("中（“中”）", font, k_em, Weight::Regular, 20 * k_em);
    REQUIRE(open.size() == 1);
    CHECK(open[0].glyphs[2].cp == U'“');
    CHECK(open[0].glyphs[2].x == doctest::Approx(15));  // pen at 20, pulled left 5
}

TEST_CASE("paragraph: alignment and runs") {
    const test_display::FakeFont font;
    const auto centred = display::layout_paragraph("中文", font, k_em, Weight::Regular, 10 * k_em,
                                                   {0, Alignment::Center});
    REQUIRE(centred.size() == 1);
    CHECK(centred[0].glyphs[0].x == doctest::Approx(40));
    const display::Runs runs{{"普通", Weight::Regular, display::Emphasis::None},
                             {"加粗", Weight::Bold, display::Emphasis::None}};
    const auto lines = display::layout_paragraph(runs, font, k_em, 10 * k_em);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].glyphs[1].run == 0);
    CHECK(lines[0].glyphs[2].run == 1);
}

TEST_CASE("paragraph: random text from awkward characters never crashes and never loses text") {
    // Flags (which abort libunibreak 1.1), ZWJ, U+FFFF, combining marks, controls, marks that
    // must not start or end lines, digits, Latin, spaces and hard breaks, in random order.
    const std::u32string pool =
        U"中文字。，、：；！？）》”“（《—…·／/～0123456789.,:-%年abcXYZ \n\t"
        U"\U0001F1E8\U0001F1F3\u200D\U0001F468\U0001F3FD\uFE0F\u0301\uFFFF\uFFFD\u3000\u00AD\x01";
    const test_display::FakeFont font;
    uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) & 0x7FFF;
    };
    for (int round = 0; round < 2000; ++round) {
        std::u32string text;
        const size_t length = next() % 60;
        for (size_t i = 0; i < length; ++i) {
            text.push_back(pool[next() % pool.size()]);
        }
        const float width = static_cast<float>(next() % 120) + 1;
        const auto lines =
            display::layout_paragraph(std::u32string_view(text), font, k_em, Weight::Regular, width,
                                      {static_cast<float>(next() % 30), Alignment::Justify});
        size_t begin = 0;
        for (const Line& line : lines) {
            REQUIRE(line.begin == begin);
            REQUIRE(line.end > line.begin);
            begin = line.end;
        }
        CHECK(begin == text.size());
    }
}
