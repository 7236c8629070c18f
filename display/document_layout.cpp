// Block layout: headings, paragraphs, list items, quotes, images and rules as slices; tables
// are in table_layout.cpp.
#include "display/document_layout.h"

#include <algorithm>
#include <string>

#include "display/image_layout.h"
#include "display/line_drawing.h"
#include "display/paragraph_layout.h"
#include "display/table_layout.h"
#include "display/text_line.h"

namespace display {
namespace {

// Where and how a block's lines are set.
struct TextShape {
    TextLook look;
    float x = 0;      // left edge of the text inside the column
    float width = 0;  // measure of the text
    ParagraphOptions options;
    Keep keep = Keep::None;
};

class DocumentBuilder {
public:
    DocumentBuilder(const FontMetrics& metrics, const LayoutStyle& style, float width)
        : m_metrics(metrics), m_style(style), m_width(width) {
        m_doc.width = width;
    }

    void add(const Block& block, size_t index, float space_before);
    LaidOutDocument take() { return std::move(m_doc); }

private:
    // Lays out runs as line slices; returns the index of the first slice (or the slice count
    // when the text was empty).
    size_t add_lines(const Runs& runs, size_t block, const TextShape& shape, float space_before);
    void add_list_item(const Block& block, size_t index, float space_before);
    void add_quote(const Block& block, size_t index, float space_before);
    void add_rule(size_t index, float space_before);
    TextShape body_shape() const;

    const FontMetrics& m_metrics;
    const LayoutStyle& m_style;
    float m_width;
    LaidOutDocument m_doc;
};

TextShape DocumentBuilder::body_shape() const {
    TextShape shape;
    shape.look = {m_style.body_size, m_style.text, m_style.emphasis};
    shape.width = m_width;
    shape.options = m_style.body_options();
    return shape;
}

size_t DocumentBuilder::add_lines(const Runs& runs, size_t block, const TextShape& shape,
                                  float space_before) {
    const size_t first = m_doc.slices.size();
    const float width = std::max(shape.width, shape.look.size);
    const std::vector<Line> lines =
        layout_paragraph(runs, m_metrics, shape.look.size, width, shape.options);
    const float pitch = m_style.pitch(shape.look.size);
    const float baseline = baseline_in_box(m_metrics, shape.look.size, pitch);
    for (size_t k = 0; k < lines.size(); ++k) {
        Slice slice;
        slice.height = pitch;
        slice.space_before = k == 0 ? space_before : 0;
        slice.keep = shape.keep;
        slice.block = block;
        draw_line(lines[k], runs, shape.look, shape.x, baseline, slice.commands);
        m_doc.slices.push_back(std::move(slice));
    }
    return first;
}

// The marker hangs in the indent: "1." or "•" at the left, the text aligned after it.
void DocumentBuilder::add_list_item(const Block& block, size_t index, float space_before) {
    const float size = m_style.body_size;
    const float step = m_style.list_indent_em * size;
    TextShape shape = body_shape();
    shape.options.first_line_indent = 0;
    shape.x = step * static_cast<float>(block.depth + 1);
    shape.width = m_width - shape.x;
    const size_t first = add_lines(block.content, index, shape, space_before);
    if (first == m_doc.slices.size()) {
        return;
    }
    const std::string marker = block.list == ListKind::Numbered ? std::to_string(block.number) + "."
                                                                : (block.depth == 0 ? "•" : "◦");
    const float pitch = m_style.pitch(size);
    const Rect box{shape.x - step, 0, step - size * 0.25f, pitch};
    const Align align = block.list == ListKind::Numbered ? Align::End : Align::Center;
    TextCommand text = place_line(marker, m_metrics, size, Weight::Regular, m_style.text, box,
                                  align, Overflow::Clip);
    // place_line centres the font box; use the body baseline so the marker sits on the line.
    for (PlacedGlyph& g : text.glyphs) {
        g.y = baseline_in_box(m_metrics, size, pitch);
    }
    auto& commands = m_doc.slices[first].commands;
    commands.insert(commands.begin(), std::move(text));
}

// A quotation: indented, with a bar down its left side on every line.
void DocumentBuilder::add_quote(const Block& block, size_t index, float space_before) {
    TextShape shape = body_shape();
    shape.options.first_line_indent = 0;
    shape.x = m_style.quote_indent_em * m_style.body_size;
    shape.width = m_width - shape.x;
    const size_t first = add_lines(block.content, index, shape, space_before);
    const float bar = std::max(2.0f, m_style.body_size / 8);
    for (size_t k = first; k < m_doc.slices.size(); ++k) {
        Slice& slice = m_doc.slices[k];
        slice.commands.insert(slice.commands.begin(),
                              FillCommand{{0, 0, bar, slice.height}, m_style.quote_bar, 0});
    }
}

void DocumentBuilder::add_rule(size_t index, float space_before) {
    Slice slice;
    slice.height = m_style.pitch(m_style.body_size) / 2;
    slice.space_before = space_before;
    slice.block = index;
    const float thickness = std::max(1.0f, m_style.body_size / 20);
    slice.commands.push_back(
        FillCommand{{0, (slice.height - thickness) / 2, m_width, thickness}, m_style.rule, 0});
    m_doc.slices.push_back(std::move(slice));
}

void DocumentBuilder::add(const Block& block, size_t index, float space_before) {
    switch (block.kind) {
        case BlockKind::Heading: {
            TextShape shape = body_shape();
            shape.look = {m_style.heading_size(block.level), m_style.heading, m_style.emphasis};
            shape.options = {0, Alignment::Start};
            shape.keep = Keep::WithNext;
            Runs runs = block.content;
            for (Run& run : runs) {
                run.weight = Weight::Bold;
            }
            add_lines(runs, index, shape, space_before);
            break;
        }
        case BlockKind::Paragraph:
            add_lines(block.content, index, body_shape(), space_before);
            break;
        case BlockKind::ListItem:
            add_list_item(block, index, space_before);
            break;
        case BlockKind::Quote:
            add_quote(block, index, space_before);
            break;
        case BlockKind::Table:
            layout_table(block, index, m_metrics, m_style, m_width, space_before, m_doc.slices);
            break;
        case BlockKind::Image:
            layout_image(block, index, m_metrics, m_style, m_width, space_before, m_doc.slices);
            break;
        case BlockKind::Rule:
            add_rule(index, space_before);
            break;
    }
}

// Blank space above a block. Paragraph spacing is measured baseline to baseline, so the
// blank added on top of the line box is (paragraph_spacing - 1) pitches. Headings get a full
// body line more, to separate sections.
float space_before(const Block& block, const LayoutStyle& style, bool first) {
    if (first) {
        return 0;
    }
    const float pitch = style.pitch(style.body_size);
    const float gap = std::max(0.3f, style.paragraph_spacing - 1.0f) * pitch;
    return block.kind == BlockKind::Heading ? gap + pitch : gap;
}

}  // namespace

LaidOutDocument layout_document(const std::vector<Block>& blocks, const FontMetrics& metrics,
                                const LayoutStyle& style, float width) {
    DocumentBuilder builder(metrics, style, std::max(width, style.body_size));
    bool first = true;
    for (size_t i = 0; i < blocks.size(); ++i) {
        builder.add(blocks[i], i, space_before(blocks[i], style, first));
        first = false;
    }
    return builder.take();
}

}  // namespace display
