// Typesetting benchmarks (not pass/fail): laying out the sample's longest notice cold and warm,
// drawing a full 1080p page of body text with the software renderer from a cold and a warm
// glyph atlas, 100 page turns, and the atlas's memory. Prints a markdown table.
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "content/document.h"
#include "content/notice_source.h"
#include "content/source_tree.h"
#include "display/document_layout.h"
#include "display/pagination.h"
#include "display/sdl_painter.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int k_screen_w = 1920;
constexpr int k_screen_h = 1080;
constexpr float k_body = 40;       // body text at 1080p
constexpr float k_margin = 80;     // page margins
constexpr float k_measure = 1000;  // the notice screen's text column at 1080p

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Timing {
    double median = 0, p95 = 0, max = 0;
};

Timing repeat(int n, const std::function<void()>& run) {
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
        const auto t = Clock::now();
        run();
        ms.push_back(ms_since(t));
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back()};
}

display::Runs runs_of(const content::Inline& spans) {
    display::Runs runs;
    for (const content::Span& s : spans) {
        display::Run run{s.text, display::Weight::Regular, display::Emphasis::None};
        if (s.style == content::SpanStyle::Strong) {
            run.weight = display::Weight::Bold;
        } else if (s.style == content::SpanStyle::Emphasis) {
            run.emphasis = display::Emphasis::Emphasis;
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

// content::Document → display blocks, as the notice screen does.
std::vector<display::Block> blocks_of(const content::Document& doc) {
    std::vector<display::Block> out;
    for (const content::Block& b : doc.blocks) {
        switch (b.kind) {
            case content::BlockKind::Heading:
                out.push_back(display::Block::heading(b.level, runs_of(b.content)));
                break;
            case content::BlockKind::ListItem:
                out.push_back(display::Block::list_item(
                    b.ordered ? display::ListKind::Numbered : display::ListKind::Bulleted, b.number,
                    b.level, runs_of(b.content)));
                break;
            case content::BlockKind::Table: {
                std::vector<display::TableRow> rows;
                for (const auto& row : b.rows) {
                    display::TableRow r;
                    r.kind = row.header ? display::RowKind::Header : display::RowKind::Body;
                    for (const auto& cell : row.cells) {
                        r.cells.push_back({runs_of(cell.content)});
                    }
                    rows.push_back(std::move(r));
                }
                out.push_back(display::Block::table(std::move(rows)));
                break;
            }
            case content::BlockKind::Image:
                out.push_back(display::Block::image("", b.image_alt, 400, 240,
                                                    display::ImagePresence::Absent));
                break;
            case content::BlockKind::Rule:
                out.push_back(display::Block::rule());
                break;
            case content::BlockKind::Quote:
                out.push_back(display::Block::quote(runs_of(b.content)));
                break;
            case content::BlockKind::Paragraph:
                out.push_back(display::Block::paragraph(runs_of(b.content)));
                break;
        }
    }
    return out;
}

std::unique_ptr<fonts::FontSet> open_fonts() {
    std::string error;
    std::vector<std::string> warnings;
    auto fonts = fonts::FontSet::open(fonts::FontConfig{}, error, warnings);
    if (!fonts) {
        std::fprintf(stderr, "bench_typesetting: %s\n", error.c_str());
        std::exit(1);
    }
    return fonts;
}

void row(const char* what, const std::string& result, const char* target) {
    std::printf("| %s | %s | %s |\n", what, result.c_str(), target);
}

std::string ms(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f ms", v);
    return buf;
}

std::string timing(const Timing& t) {
    return ms(t.median) + " (p95 " + ms(t.p95) + ", max " + ms(t.max) + ")";
}

// What every measurement needs: the notice's blocks, fonts, and a 1080p software canvas.
struct Bench {
    std::vector<display::Block> blocks;
    display::LayoutStyle style = display::notice_style(k_body);
    std::unique_ptr<fonts::FontSet> fonts = open_fonts();
    display::FontSetMetrics metrics{*fonts};
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, k_screen_w, k_screen_h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    const float page_height = k_screen_h - 2 * k_margin;

    ~Bench() {
        SDL_DestroyRenderer(renderer);
        SDL_FreeSurface(surface);
    }
    void paint(display::SdlPainter& painter, const display::DrawList& list) const {
        painter.paint(list);
        SDL_RenderPresent(renderer);
    }
};

// Layout cold (fresh fonts: every advance comes from FreeType once) and warm; pagination.
std::vector<display::Page> bench_layout(const Bench& b) {
    auto t = Clock::now();
    display::LaidOutDocument doc =
        display::layout_document(b.blocks, b.metrics, b.style, k_measure);
    row("layout of the longest notice, cold", ms(ms_since(t)), "");
    const Timing warm = repeat(
        30, [&] { doc = display::layout_document(b.blocks, b.metrics, b.style, k_measure); });
    row("layout of the longest notice, warm", timing(warm), "< 10 ms");
    std::vector<display::Page> pages;
    const Timing pagination = repeat(30, [&] { pages = display::paginate(doc, b.page_height); });
    row("paginate it", timing(pagination) + ", " + std::to_string(pages.size()) + " pages", "");
    return pages;
}

size_t glyph_count(const display::DrawList& list) {
    size_t count = 0;
    for (const auto& c : list.commands) {
        if (const auto* text = std::get_if<display::TextCommand>(&c)) {
            count += text->glyphs.size();
        }
    }
    return count;
}

// A full 1080p page of body text: the notice set across the whole screen, its fullest page,
// drawn from a cold atlas and then again and again from a warm one.
void bench_full_page(const Bench& b) {
    const auto doc =
        display::layout_document(b.blocks, b.metrics, b.style, k_screen_w - 2 * k_margin);
    display::DrawList page;
    for (const display::Page& p : display::paginate(doc, b.page_height)) {
        display::DrawList list;
        display::draw_page(p, k_margin, k_margin, list);
        if (glyph_count(list) > glyph_count(page)) {
            page = std::move(list);
        }
    }
    display::SdlPainter painter(b.renderer, *b.fonts, nullptr);
    const auto t = Clock::now();
    b.paint(painter, page);
    row(("draw a full 1080p page (" + std::to_string(glyph_count(page)) + " glyphs), cold atlas")
            .c_str(),
        ms(ms_since(t)), "");
    row("draw the same page, warm atlas", timing(repeat(50, [&] { b.paint(painter, page); })),
        "< 3 ms");
    const display::DrawList blank;
    row("of which clearing the 1080p surface", timing(repeat(50, [&] { b.paint(painter, blank); })),
        "");
}

// 100 page turns through the notice in the notice column: draw_page + paint with the layout
// cached (what the kiosk does), and with layout and pagination redone every turn.
void bench_turns(const Bench& b, const std::vector<display::Page>& pages) {
    display::SdlPainter painter(b.renderer, *b.fonts, nullptr);
    size_t page = 0;
    const Timing cached = repeat(100, [&] {
        display::DrawList list;
        display::draw_page(pages[page++ % pages.size()], k_margin, k_margin, list);
        b.paint(painter, list);
    });
    row("100 page turns, layout cached (first pass over the pages cold)", timing(cached), "");
    page = 0;
    const Timing redone = repeat(100, [&] {
        const auto doc = display::layout_document(b.blocks, b.metrics, b.style, k_measure);
        const auto p = display::paginate(doc, b.page_height);
        display::DrawList list;
        display::draw_page(p[page++ % p.size()], k_margin, k_margin, list);
        b.paint(painter, list);
    });
    row("100 page turns, layout redone each turn", timing(redone), "< 8 ms");
    const display::AtlasStats atlas = painter.atlas().stats();
    char memory[96];
    std::snprintf(memory, sizeof memory, "%.1f MB in %d page(s), %d glyphs, %lld evictions",
                  static_cast<double>(atlas.texture_bytes) / 1e6, atlas.pages, atlas.glyphs,
                  static_cast<long long>(atlas.evictions));
    row("glyph atlas after the turns", memory, "");
}

}  // namespace

int main() {
    const content::SourceTree tree =
        content::load_source_tree(fs::path(KIOSK_SOURCE_DIR) / "content" / "sample");
    const content::Notice* longest = nullptr;
    for (const content::Notice& n : tree.notices) {
        if (!longest || n.body.size() > longest->body.size()) {
            longest = &n;
        }
    }
    if (!longest) {
        std::fprintf(stderr, "bench_typesetting: no sample notices\n");
        return 1;
    }
    Bench bench;
    bench.blocks = blocks_of(content::parse_markdown(longest->body));
    std::printf("Longest sample notice: %s (%zu bytes), body %.0f px in a %.0f px column.\n\n",
                longest->id.c_str(), longest->body.size(), k_body, k_measure);
    std::printf("| measurement | result | target |\n|---|---|---|\n");
    const std::vector<display::Page> pages = bench_layout(bench);
    bench_full_page(bench);
    bench_turns(bench, pages);
    return 0;
}
