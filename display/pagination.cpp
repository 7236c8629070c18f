// Pagination: greedy filling of pages with slices, headings kept with what follows, over-tall
// table rows cut at line boundaries.
#include "display/pagination.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <type_traits>

namespace display {
namespace {

constexpr float k_infinity = std::numeric_limits<float>::infinity();

void move_rect(Rect& r, float dx, float dy) {
    r.x += dx;
    r.y += dy;
}

// A copy of `command` moved by (dx, dy), keeping only what lies in [top, bottom) of its
// slice: glyphs by their baseline, rectangles clipped, images by their top edge. Returns
// false when nothing is left.
bool clip_and_move(const DrawCommand& command, float top, float bottom, float dx, float dy,
                   DrawCommand& out) {
    if (const auto* t = std::get_if<TextCommand>(&command)) {
        TextCommand text{t->size, t->weight, t->color, {}};
        for (const PlacedGlyph& g : t->glyphs) {
            if (g.y >= top && g.y < bottom) {
                text.glyphs.push_back({g.cp, g.x + dx, g.y + dy});
            }
        }
        out = std::move(text);
        return !std::get<TextCommand>(out).glyphs.empty();
    }
    auto clip = [&](Rect r) -> std::optional<Rect> {
        const float y0 = std::max(r.y, top), y1 = std::min(r.bottom(), bottom);
        if (y1 <= y0) {
            return std::nullopt;
        }
        return Rect{r.x + dx, y0 + dy, r.w, y1 - y0};
    };
    if (const auto* f = std::get_if<FillCommand>(&command)) {
        const auto r = clip(f->rect);
        out = FillCommand{r.value_or(Rect{}), f->color, f->radius};
        return r.has_value();
    }
    if (const auto* f = std::get_if<FrameCommand>(&command)) {
        const auto r = clip(f->rect);
        out = FrameCommand{r.value_or(Rect{}), f->color, f->thickness};
        return r.has_value();
    }
    const auto& image = std::get<ImageCommand>(command);
    ImageCommand moved = image;
    move_rect(moved.rect, dx, dy);
    out = std::move(moved);
    return image.rect.y >= top && image.rect.y < bottom;
}

class Paginator {
public:
    Paginator(const LaidOutDocument& document, float page_height)
        : m_doc(document), m_height(std::max(page_height, 1.0f)) {
        m_pages.emplace_back();
    }

    void run();
    std::vector<Page> take() { return std::move(m_pages); }

private:
    float group_height(size_t first) const;
    void new_page();
    void place(const Slice& slice, float from, float to, float at);
    void place_tall(const Slice& slice);

    const LaidOutDocument& m_doc;
    float m_height;
    std::vector<Page> m_pages;
    float m_y = 0;        // used height of the current page
    bool m_empty = true;  // nothing placed on the current page yet
};

// A heading and everything that keeps with it, up to and including the first slice that
// does not (the first line of the next paragraph).
float Paginator::group_height(size_t first) const {
    float h = 0;
    for (size_t k = first; k < m_doc.slices.size(); ++k) {
        const Slice& s = m_doc.slices[k];
        h += (k == first ? 0 : s.space_before) + s.height;
        if (s.keep == Keep::None) {
            break;
        }
    }
    return h;
}

void Paginator::new_page() {
    if (m_empty) {
        return;
    }
    m_pages.emplace_back();
    m_y = 0;
    m_empty = true;
}

void Paginator::place(const Slice& slice, float from, float to, float at) {
    Page& page = m_pages.back();
    const float top = from <= 0 ? -k_infinity : from;
    const float bottom = to >= slice.height ? k_infinity : to;
    for (const DrawCommand& command : slice.commands) {
        DrawCommand moved;
        if (clip_and_move(command, top, bottom, 0, at - from, moved)) {
            page.commands.push_back(std::move(moved));
        }
    }
    if (m_empty) {
        page.first_block = slice.block;
    }
    page.last_block = slice.block;
    m_empty = false;
    m_y = at + (to - from);
    page.height = m_y;
}

// A slice taller than a page (a table row with many lines): cut at the last line boundary
// that fits each page; a piece with no boundary inside a page overflows it rather than loop.
void Paginator::place_tall(const Slice& slice) {
    float from = 0;
    while (from < slice.height) {
        const float room = m_height - m_y;
        if (slice.height - from <= room) {
            place(slice, from, slice.height, m_y);
            return;
        }
        float cut = 0;
        for (float c : slice.cuts) {
            if (c > from && c - from <= room) {
                cut = c;
            }
        }
        if (cut <= from && !m_empty) {
            new_page();
            continue;
        }
        if (cut <= from) {
            const auto next = std::find_if(slice.cuts.begin(), slice.cuts.end(),
                                           [&](float c) { return c > from; });
            cut = next == slice.cuts.end() ? slice.height : *next;
        }
        place(slice, from, cut, m_y);
        from = cut;
        if (from < slice.height) {
            new_page();
        }
    }
}

void Paginator::run() {
    for (size_t i = 0; i < m_doc.slices.size(); ++i) {
        const Slice& s = m_doc.slices[i];
        float gap = m_empty ? 0 : s.space_before;
        if (s.keep == Keep::WithNext && !m_empty) {
            const float need = group_height(i);
            if (need <= m_height && m_y + gap + need > m_height) {
                new_page();
                gap = 0;
            }
        }
        if (!m_empty && m_y + gap + s.height > m_height) {
            new_page();
            gap = 0;
        }
        if (s.height > m_height) {
            place_tall(s);
        } else {
            place(s, 0, s.height, m_y + gap);
        }
    }
}

}  // namespace

std::vector<Page> paginate(const LaidOutDocument& document, float page_height) {
    Paginator paginator(document, page_height);
    paginator.run();
    return paginator.take();
}

void draw_page(const Page& page, float x, float y, DrawList& out) {
    out.commands.reserve(out.commands.size() + page.commands.size());
    for (const DrawCommand& command : page.commands) {
        DrawCommand moved = command;
        std::visit(
            [&](auto& c) {
                if constexpr (std::is_same_v<std::decay_t<decltype(c)>, TextCommand>) {
                    for (PlacedGlyph& g : c.glyphs) {
                        g.x += x;
                        g.y += y;
                    }
                } else {
                    move_rect(c.rect, x, y);
                }
            },
            moved);
        out.commands.push_back(std::move(moved));
    }
}

}  // namespace display
