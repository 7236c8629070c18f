// Pagination invariants, with the fake font and with the sample notices in the real fonts:
// every glyph on exactly one page in order, no page over-full, no heading at a page end, no
// table row split unless taller than a page.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "display/document_layout.h"
#include "display/pagination.h"
#include "display/utf8.h"
#include "tests/display/fake_font.h"
#include "tests/display/real_fonts.h"
#include "tests/display/sample_notices.h"

namespace {

using display::Block;
using display::plain;

std::u32string glyphs_of(const std::vector<display::DrawCommand>& commands) {
    std::u32string out;
    for (const auto& c : commands) {
        if (const auto* t = std::get_if<display::TextCommand>(&c)) {
            for (const auto& g : t->glyphs) {
                out.push_back(g.cp);
            }
        }
    }
    return out;
}

std::u32string document_glyphs(const display::LaidOutDocument& doc) {
    std::u32string out;
    for (const auto& s : doc.slices) {
        out += glyphs_of(s.commands);
    }
    return out;
}

// Checks every invariant of `pages` against `doc`; `heading_size` identifies heading text.
void check_pages(const display::LaidOutDocument& doc, const std::vector<display::Page>& pages,
                 float page_height, float heading_size) {
    std::u32string paged;
    for (size_t p = 0; p < pages.size(); ++p) {
        CAPTURE(p);
        const auto& page = pages[p];
        paged += glyphs_of(page.commands);
        CHECK(page.height <= page_height + 0.01f);
        CHECK_FALSE(page.commands.empty());
        // Every glyph's baseline lies on the page.
        for (const auto& c : page.commands) {
            if (const auto* t = std::get_if<display::TextCommand>(&c)) {
                for (const auto& g : t->glyphs) {
                    CHECK(g.y > 0);
                    CHECK(g.y < page_height);
                }
            }
        }
        // No heading at the bottom of a page (but the last).
        const display::TextCommand* last_text = nullptr;
        for (const auto& c : page.commands) {
            if (const auto* t = std::get_if<display::TextCommand>(&c)) {
                last_text = t;
            }
        }
        if (p + 1 < pages.size() && last_text) {
            CHECK(last_text->size != doctest::Approx(heading_size));
        }
    }
    CHECK(paged == document_glyphs(doc));  // every glyph exactly once, in order
}

std::vector<Block> mixed_document() {
    std::vector<display::TableRow> rows(4);
    rows[0].kind = display::RowKind::Header;
    rows[0].cells = {{plain("项目")}, {plain("金额")}};
    rows[1].cells = {{plain("甲")}, {plain("壹贰叁")}};
    rows[2].cells = {{plain("乙")},
                     {plain("长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长")}};
    rows[3].cells = {{plain("丙")}, {plain("肆伍陆")}};
    return {
        Block::heading(2, plain("一、标题")),
        Block::paragraph(plain("第一段第一段第一段第一段第一段第一段第一段第一段。")),
        Block::heading(2, plain("二、标题")),
        Block::paragraph(plain("第二段第二段第二段第二段。")),
        Block::table(rows),
        Block::list_item(display::ListKind::Bulleted, 0, 0, plain("列表项列表项列表项")),
        Block::image("x", "图", 100, 60, display::ImagePresence::Absent),
        Block::rule(),
        Block::heading(3, plain("三、标题")),
        Block::quote(plain("引文引文引文引文引文引文。")),
    };
}

}  // namespace

TEST_CASE("pagination: invariants with the fake font at many page heights") {
    const test_display::FakeFont font;
    const auto style = display::notice_style(10);
    const auto doc = display::layout_document(mixed_document(), font, style, 80);
    for (const float height : {70.0f, 83.0f, 100.0f, 137.0f, 200.0f, 333.0f, 1000.0f}) {
        CAPTURE(height);
        const auto pages = display::paginate(doc, height);
        check_pages(doc, pages, height, style.heading_size(2));
    }
}

TEST_CASE("pagination: a heading moves to the next page with its first line") {
    const test_display::FakeFont font;
    const auto style = display::notice_style(10);
    // Paragraph of 3 lines (48 px), heading (20.8 px + 24 px space), paragraph.
    const auto doc = display::layout_document(
        {Block::paragraph(plain("中文中文中文中文中文中文")), Block::heading(2, plain("标题")),
         Block::paragraph(plain("正文正文"))},
        font, style, 50);
    const auto pages = display::paginate(doc, 100);
    REQUIRE(pages.size() == 2);
    CHECK(glyphs_of(pages[1].commands).substr(0, 2) == U"标题");
    CHECK(pages[1].first_block == 1);
}

TEST_CASE("pagination: table rows stay whole and a row taller than a page is cut between lines") {
    const test_display::FakeFont font;
    const auto style = display::notice_style(10);
    const auto doc = display::layout_document(mixed_document(), font, style, 80);
    // Row 乙 wraps to many lines: taller than a 70 px page, so it is cut; 甲 and 丙 are not.
    const auto pages = display::paginate(doc, 70);
    std::map<char32_t, std::set<size_t>> pages_of;
    for (size_t p = 0; p < pages.size(); ++p) {
        for (char32_t cp : glyphs_of(pages[p].commands)) {
            pages_of[cp].insert(p);
        }
    }
    CHECK(pages_of[U'贰'].size() == 1);  // 甲's amount: its row is whole
    CHECK(pages_of[U'伍'].size() == 1);
    CHECK(pages_of[U'长'].size() > 1);  // the tall row, cut
    check_pages(doc, pages, 70, style.heading_size(2));
}

TEST_CASE("pagination: empty document and tiny pages do not loop or crash") {
    const test_display::FakeFont font;
    const auto style = display::notice_style(10);
    const auto empty = display::paginate(display::layout_document({}, font, style, 100), 100);
    CHECK(empty.size() == 1);
    const auto doc = display::layout_document(mixed_document(), font, style, 80);
    const auto tiny = display::paginate(doc, 5);  // smaller than a line: one line per page
    CHECK(tiny.size() > 10);
    std::u32string paged;
    for (const auto& p : tiny) {
        paged += glyphs_of(p.commands);
    }
    CHECK(paged == document_glyphs(doc));
}

TEST_CASE("pagination: every sample notice at 1080p sizes in the real fonts") {
    const auto notices = test_display::sample_notices();
    REQUIRE(notices.size() >= 40);
    const auto style = display::notice_style(40);
    for (const auto& notice : notices) {
        CAPTURE(notice.id);
        const auto doc =
            display::layout_document(notice.blocks, test_display::real_metrics(), style, 1000);
        for (const float height : {700.0f, 900.0f}) {
            const auto pages = display::paginate(doc, height);
            check_pages(doc, pages, height, style.heading_size(2));
        }
    }
}
