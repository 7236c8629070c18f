// Block layout with the fake font (em 10 px): spacing rules, indents, lists, tables, images.
#include <doctest/doctest.h>

#include <string>

#include "display/document_layout.h"
#include "display/table_layout.h"
#include "display/utf8.h"
#include "tests/display/fake_font.h"

namespace {

using display::Block;
using display::plain;

display::LayoutStyle style10() {
    display::LayoutStyle style = display::notice_style(10);
    return style;
}

// Baselines (document y) of every text command, in order.
std::vector<float> baselines(const display::LaidOutDocument& doc) {
    std::vector<float> out;
    float top = 0;
    for (const auto& slice : doc.slices) {
        top += slice.space_before;
        for (const auto& c : slice.commands) {
            if (const auto* t = std::get_if<display::TextCommand>(&c)) {
                if (!t->glyphs.empty() && (out.empty() || out.back() != top + t->glyphs[0].y)) {
                    out.push_back(top + t->glyphs[0].y);
                }
            }
        }
        top += slice.height;
    }
    return out;
}

std::string text_of(const display::Slice& slice) {
    std::string out;
    for (const auto& c : slice.commands) {
        if (const auto* t = std::get_if<display::TextCommand>(&c)) {
            for (const auto& g : t->glyphs) {
                display::append_utf8(out, g.cp);
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("document: line and paragraph spacing meet the 适老化 minimums") {
    const test_display::FakeFont font;
    const auto style = style10();
    CHECK(style.line_spacing >= 1.5f);
    CHECK(style.paragraph_spacing >= 1.3f);
    // Two paragraphs of two lines each in a 4-em measure without indent.
    auto s = style;
    s.indent = display::FirstLineIndent::None;
    const auto doc = display::layout_document(
        {Block::paragraph(plain("中文中文中文")), Block::paragraph(plain("中文中文中文"))}, font, s,
        40);
    const auto y = baselines(doc);
    REQUIRE(y.size() == 4);
    const float pitch = y[1] - y[0];
    CHECK(pitch == doctest::Approx(10 * s.line_spacing));
    CHECK(y[2] - y[1] >= 1.3f * pitch);  // paragraph spacing, baseline to baseline
    CHECK(y[2] - y[1] == doctest::Approx(s.paragraph_spacing * pitch));
}

TEST_CASE("document: body paragraphs get a two-em indent unless the style turns it off") {
    const test_display::FakeFont font;
    auto style = style10();
    const auto indented =
        display::layout_document({Block::paragraph(plain("中文"))}, font, style, 100);
    const auto& first = std::get<display::TextCommand>(indented.slices[0].commands[0]);
    CHECK(first.glyphs[0].x == doctest::Approx(20));
    style.indent = display::FirstLineIndent::None;
    const auto flush =
        display::layout_document({Block::paragraph(plain("中文"))}, font, style, 100);
    CHECK(std::get<display::TextCommand>(flush.slices[0].commands[0]).glyphs[0].x ==
          doctest::Approx(0));
}

TEST_CASE("document: headings are bold, larger, unindented and keep with the next line") {
    const test_display::FakeFont font;
    const auto doc = display::layout_document(
        {Block::heading(2, plain("标题")), Block::paragraph(plain("正文"))}, font, style10(), 100);
    REQUIRE(doc.slices.size() == 2);
    CHECK(doc.slices[0].keep == display::Keep::WithNext);
    CHECK(doc.slices[1].keep == display::Keep::None);
    const auto& heading = std::get<display::TextCommand>(doc.slices[0].commands[0]);
    CHECK(heading.weight == display::Weight::Bold);
    CHECK(heading.size == doctest::Approx(13));
    CHECK(heading.glyphs[0].x == doctest::Approx(0));
}

TEST_CASE("document: list markers hang in the indent and emphasis changes the colour") {
    const test_display::FakeFont font;
    const auto style = style10();
    display::Runs runs{{"注意", display::Weight::Bold, display::Emphasis::None},
                       {"安全", display::Weight::Regular, display::Emphasis::Emphasis}};
    const auto doc = display::layout_document(
        {Block::list_item(display::ListKind::Numbered, 12, 0, runs)}, font, style, 200);
    REQUIRE(doc.slices.size() == 1);
    CHECK(text_of(doc.slices[0]) == "12.注意安全");
    const auto& commands = doc.slices[0].commands;
    REQUIRE(commands.size() == 3);  // marker, bold run, emphasised run
    const auto& marker = std::get<display::TextCommand>(commands[0]);
    const auto& bold = std::get<display::TextCommand>(commands[1]);
    const auto& emphasis = std::get<display::TextCommand>(commands[2]);
    CHECK(marker.glyphs.back().x + 5 <= bold.glyphs[0].x);  // "." ends before the text
    CHECK(bold.glyphs[0].x == doctest::Approx(20));         // text at the list indent
    CHECK(bold.weight == display::Weight::Bold);
    CHECK(emphasis.color == style.emphasis);
    CHECK(marker.glyphs[0].y == doctest::Approx(bold.glyphs[0].y));
}

TEST_CASE("document: an absent image is a placeholder box with its caption below") {
    const test_display::FakeFont font;
    const auto doc = display::layout_document(
        {Block::image("abc", "平面图", 400, 240, display::ImagePresence::Absent)}, font, style10(),
        300);
    REQUIRE(doc.slices.size() == 2);
    CHECK(doc.slices[0].height == doctest::Approx(180));  // 300 wide at 400:240
    CHECK(std::holds_alternative<display::FillCommand>(doc.slices[0].commands[0]));
    CHECK(text_of(doc.slices[0]) == "图片暂不可用");
    CHECK(text_of(doc.slices[1]) == "平面图");
    const auto present = display::layout_document(
        {Block::image("abc", "", 100, 50, display::ImagePresence::Present)}, font, style10(), 300);
    REQUIRE(present.slices.size() == 1);
    const auto& image = std::get<display::ImageCommand>(present.slices[0].commands[0]);
    CHECK(image.rect.w == doctest::Approx(200));  // small images grow at most twice
    CHECK(image.asset == "abc");
}

TEST_CASE("table: columns are sized from their content") {
    // Everything fits on one line: maxima, stretched to the width.
    auto w = display::column_widths({20, 20}, {40, 60}, 200);
    CHECK(w[0] == doctest::Approx(80));
    CHECK(w[1] == doctest::Approx(120));
    // Between: minima plus shares of the rest in proportion to how much more each wants.
    w = display::column_widths({20, 20}, {120, 20}, 100);
    CHECK(w[0] == doctest::Approx(80));
    CHECK(w[1] == doctest::Approx(20));
    // Too narrow for the minima: scaled down.
    w = display::column_widths({100, 100}, {200, 200}, 100);
    CHECK(w[0] == doctest::Approx(50));
}

TEST_CASE("table: header row bold over a strong rule, CJK wraps inside cells") {
    const test_display::FakeFont font;
    std::vector<display::TableRow> rows(2);
    rows[0].kind = display::RowKind::Header;
    rows[0].cells = {{plain("项目")}, {plain("说明")}};
    rows[1].cells = {{plain("维修")}, {plain("更换七幢一单元电梯主机和控制柜")}};
    const auto doc = display::layout_document({Block::table(rows)}, font, style10(), 120);
    REQUIRE(doc.slices.size() == 2);
    CHECK(doc.slices[0].keep == display::Keep::WithNext);  // no header alone at a page end
    bool bold = false;
    for (const auto& c : doc.slices[0].commands) {
        if (const auto* t = std::get_if<display::TextCommand>(&c)) {
            bold = t->weight == display::Weight::Bold;
        }
    }
    CHECK(bold);
    // The long cell wraps onto several lines, and the row can be cut between them.
    CHECK(text_of(doc.slices[1]).find("维修") == 0);
    CHECK(doc.slices[1].cuts.size() >= 1);
    CHECK(doc.slices[1].height > doc.slices[0].height);
}
