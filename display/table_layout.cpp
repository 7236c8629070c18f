// Table layout: content-sized columns, wrapped cells, a bold header row, rules between rows.
#include "display/table_layout.h"

#include <algorithm>
#include <numeric>

#include "display/line_drawing.h"
#include "display/paragraph_layout.h"
#include "display/paragraph_setting.h"

namespace display {
namespace {

struct TableGeometry {
    float size = 0;   // text size
    float pitch = 0;  // line pitch
    float pad_x = 0;  // blank left and right of a cell's text
    float pad_y = 0;  // blank above and below a row's text
    float rule = 0;   // thickness of a thin rule; the header rule is twice as thick
};

Runs cell_runs(const TableCell& cell, RowKind kind) {
    Runs runs = cell.content;
    if (kind == RowKind::Header) {
        for (Run& run : runs) {
            run.weight = Weight::Bold;
        }
    }
    return runs;
}

// Per column: the widest unbreakable unit (min) and the widest one-line cell (max).
void measure_columns(const Block& table, const FontMetrics& metrics, float size, size_t columns,
                     std::vector<float>& min, std::vector<float>& max) {
    min.assign(columns, 0);
    max.assign(columns, 0);
    for (const TableRow& row : table.rows) {
        for (size_t c = 0; c < row.cells.size() && c < columns; ++c) {
            const ParagraphSetting setting =
                make_setting(cell_runs(row.cells[c], row.kind), metrics, size);
            min[c] = std::max(min[c], widest_unit(setting));
            max[c] = std::max(max[c], natural_width(setting));
        }
    }
    for (size_t c = 0; c < columns; ++c) {
        // A column of short CJK words could shrink to one character per line; two em reads
        // better, unless nothing in the column needs that much.
        min[c] = std::min(std::max(min[c], 2 * size), std::max(max[c], size));
        max[c] = std::max(max[c], min[c]);
    }
}

Alignment cell_alignment(const Block& table, size_t column) {
    const ColumnAlign align =
        column < table.align.size() ? table.align[column] : ColumnAlign::Start;
    switch (align) {
        case ColumnAlign::Center:
            return Alignment::Center;
        case ColumnAlign::End:
            return Alignment::End;
        case ColumnAlign::Start:
            break;
    }
    // Ragged right: justifying a few characters across a narrow cell spreads them apart.
    return Alignment::Start;
}

Slice row_slice(const Block& table, const TableRow& row, const std::vector<float>& widths,
                const TableGeometry& g, const FontMetrics& metrics, const LayoutStyle& style) {
    std::vector<std::vector<Line>> cells(widths.size());
    std::vector<Runs> runs(widths.size());
    size_t lines = 1;
    for (size_t c = 0; c < widths.size() && c < row.cells.size(); ++c) {
        runs[c] = cell_runs(row.cells[c], row.kind);
        cells[c] =
            layout_paragraph(runs[c], metrics, g.size, widths[c], {0, cell_alignment(table, c)});
        lines = std::max(lines, cells[c].size());
    }
    Slice slice;
    slice.height = static_cast<float>(lines) * g.pitch + 2 * g.pad_y;
    const float table_width = std::accumulate(widths.begin(), widths.end(), 0.0f) +
                              2 * g.pad_x * static_cast<float>(widths.size());
    if (row.kind == RowKind::Header) {
        slice.keep = Keep::WithNext;
        slice.commands.push_back(
            FillCommand{{0, 0, table_width, slice.height}, style.table_header_fill, 0});
    }
    const float baseline = baseline_in_box(metrics, g.size, g.pitch);
    const TextLook look{g.size, style.text, style.emphasis};
    float x = 0;
    for (size_t c = 0; c < widths.size(); ++c) {
        for (size_t k = 0; k < cells[c].size(); ++k) {
            const float y = g.pad_y + static_cast<float>(k) * g.pitch + baseline;
            draw_line(cells[c][k], runs[c], look, x + g.pad_x, y, slice.commands);
        }
        x += widths[c] + 2 * g.pad_x;
    }
    // Rule under the row: strong under the header, thin elsewhere.
    const bool header = row.kind == RowKind::Header;
    const float thickness = header ? 2 * g.rule : g.rule;
    slice.commands.push_back(FillCommand{{0, slice.height - thickness, table_width, thickness},
                                         header ? style.text : style.rule,
                                         0});
    for (size_t k = 1; k < lines; ++k) {
        slice.cuts.push_back(g.pad_y + static_cast<float>(k) * g.pitch);
    }
    return slice;
}

}  // namespace

std::vector<float> column_widths(const std::vector<float>& min, const std::vector<float>& max,
                                 float room) {
    const size_t n = min.size();
    const float sum_min = std::accumulate(min.begin(), min.end(), 0.0f);
    const float sum_max = std::accumulate(max.begin(), max.end(), 0.0f);
    std::vector<float> widths(n);
    if (sum_max <= room || sum_min >= room) {
        // Everything fits on one line: the maxima stretched to the full width. Or even the
        // minima do not fit: the minima scaled down, and the units will be split.
        const auto& base = sum_max <= room ? max : min;
        const float sum = sum_max <= room ? sum_max : sum_min;
        for (size_t c = 0; c < n; ++c) {
            widths[c] = sum > 0 ? base[c] * room / sum : room / static_cast<float>(n);
        }
        return widths;
    }
    // In between: start from the minima and give whole columns what they want, those that
    // want least first, so that short columns (金额, 项目) stay on one line and the long text
    // column wraps; what is left goes to the unsatisfied columns in proportion to their wish.
    widths = min;
    float left = room - sum_min;
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return max[a] - min[a] < max[b] - min[b]; });
    size_t c = 0;
    for (; c < n && max[order[c]] - min[order[c]] <= left; ++c) {
        left -= max[order[c]] - min[order[c]];
        widths[order[c]] = max[order[c]];
    }
    float wish = 0;
    for (size_t k = c; k < n; ++k) {
        wish += max[order[k]] - min[order[k]];
    }
    for (size_t k = c; k < n && wish > 0; ++k) {
        widths[order[k]] += left * (max[order[k]] - min[order[k]]) / wish;
    }
    return widths;
}

void layout_table(const Block& table, size_t block, const FontMetrics& metrics,
                  const LayoutStyle& style, float width, float space_before,
                  std::vector<Slice>& out) {
    size_t columns = 0;
    for (const TableRow& row : table.rows) {
        columns = std::max(columns, row.cells.size());
    }
    if (columns == 0) {
        return;
    }
    TableGeometry g;
    g.size = style.body_size;
    g.pitch = style.pitch(g.size);
    g.pad_x = 0.4f * g.size;
    g.pad_y = 0.2f * g.pitch;
    g.rule = std::max(1.0f, g.size / 24);
    std::vector<float> min, max;
    measure_columns(table, metrics, g.size, columns, min, max);
    const float room = std::max(width - 2 * g.pad_x * static_cast<float>(columns), g.size);
    const std::vector<float> widths = column_widths(min, max, room);
    const float table_width = width;
    for (size_t r = 0; r < table.rows.size(); ++r) {
        Slice slice = row_slice(table, table.rows[r], widths, g, metrics, style);
        slice.block = block;
        if (r == 0) {
            slice.space_before = space_before;
            // The rule above the table.
            slice.commands.push_back(FillCommand{{0, 0, table_width, g.rule}, style.text, 0});
        }
        out.push_back(std::move(slice));
    }
}

}  // namespace display
