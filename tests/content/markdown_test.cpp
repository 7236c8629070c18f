// Markdown bodies become blocks: headings, paragraphs, lists, tables, images; raw HTML never shows.
#include <doctest/doctest.h>

#include "content/document.h"

using namespace content;

TEST_CASE("blocks of every kind come out in order") {
    const Document doc = parse_markdown(
        "## 办理流程\n\n第一段**加粗**文字。\n\n1. 准备材料\n2. 提交申请\n\n- 身份证\n- 户口簿\n\n"
        "| 项目 | 金额（元） |\n|---|---|\n| 绿化 | 1,200.00 "
        "|\n\n![平面图](images/plan.png)\n\n---\n");
    REQUIRE(doc.blocks.size() == 9);
    CHECK(doc.blocks[0].kind == BlockKind::Heading);
    CHECK(doc.blocks[0].level == 2);
    CHECK(inline_text(doc.blocks[0].content) == "办理流程");
    CHECK(doc.blocks[1].kind == BlockKind::Paragraph);
    REQUIRE(doc.blocks[1].content.size() == 3);
    CHECK(doc.blocks[1].content[1] == Span{"加粗", SpanStyle::Strong});
    CHECK(doc.blocks[2].kind == BlockKind::ListItem);
    CHECK(doc.blocks[2].ordered);
    CHECK(doc.blocks[3].number == 2);
    CHECK_FALSE(doc.blocks[4].ordered);
    CHECK(doc.blocks[6].kind == BlockKind::Table);
    CHECK(doc.blocks[6].rows.size() == 2);
    CHECK(inline_text(doc.blocks[6].rows[1].cells[1].content) == "1,200.00");
    CHECK(doc.blocks[7].kind == BlockKind::Image);
    CHECK(doc.blocks[7].image_src == "images/plan.png");
    CHECK(doc.blocks[7].image_alt == "平面图");
    CHECK(doc.blocks[8].kind == BlockKind::Rule);
}

TEST_CASE("soft line breaks join Chinese without a space and Latin with one") {
    const Document doc = parse_markdown("桂花里社区\n居委会提醒：请使用WiFi\nAccess。");
    REQUIRE(doc.blocks.size() == 1);
    CHECK(inline_text(doc.blocks[0].content) == "桂花里社区居委会提醒：请使用WiFi Access。");
}

TEST_CASE("raw HTML is dropped, never shown") {
    const Document doc = parse_markdown("<script>alert(1)</script>\n\n正文<b>粗</b>。");
    CHECK(document_text(doc) == "正文粗。\n");
}
