// Paragraph layout: decode runs, fit lines, place glyphs, justify.
#include "display/paragraph_layout.h"

#include <algorithm>

#include "display/char_class.h"
#include "display/line_fitting.h"
#include "display/paragraph_setting.h"
#include "display/utf8.h"

namespace display {
namespace {

bool is_currency(char32_t cp) {
    return cp == U'￥' || cp == U'¥' || cp == U'$' || cp == U'＄';
}

// May justification add space between text[i] and text[i + 1]? Only next to CJK characters
// and at Latin word spaces; never inside a Latin word ("App"), a number ("9：00", "1—24",
// "94.4％", "￥56"), a grapheme cluster or the two halves of —— and ……. Worked example, with
// "|" marking the gaps that stretch:  共|3,862户|、|常|住|人|口|9,741|人
bool stretchable(std::u32string_view text, size_t i) {
    const char32_t a = text[i], b = text[i + 1];
    if (!starts_grapheme(text, i + 1) || is_invisible(b) || is_space(b)) {
        return false;
    }
    if (is_space(a)) {
        return true;
    }
    if (a == b && (a == U'—' || a == U'…')) {
        return false;
    }
    const bool number_inside =
        (is_digit(a) &&
         (is_digit(b) || is_number_separator(b) || (is_number_suffix(b) && !is_han(b)))) ||
        (is_number_separator(a) && is_digit(b)) || (is_currency(a) && is_digit(b)) ||
        (is_digit(a) && is_range_connector(b)) || (is_range_connector(a) && is_digit(b));
    return !number_inside && (is_wide(a) || is_wide(b));
}

float first_unit_width(const ParagraphSetting& s) {
    size_t e = 0;
    while (e < s.size() && s.break_after(e) == BreakAfter::Never) {
        ++e;
    }
    return s.width(0, std::min(e + 1, s.size()));
}

void justify(const ParagraphSetting& s, Line& line, float width) {
    const float slack = width - line.width;
    if (slack <= 0 || line.glyphs.size() < 2) {
        return;
    }
    std::vector<bool> gap(line.glyphs.size() - 1);
    size_t count = 0;
    for (size_t k = 0; k + 1 < line.glyphs.size(); ++k) {
        gap[k] = stretchable(s.text(), line.begin + k);
        count += gap[k] ? 1 : 0;
    }
    // A line that would need more than an em per gap (a short line before a long word) looks
    // worse stretched than ragged.
    if (count == 0 || slack / static_cast<float>(count) > s.em()) {
        return;
    }
    const float extra = slack / static_cast<float>(count);
    float offset = 0;
    for (size_t k = 0; k < line.glyphs.size(); ++k) {
        line.glyphs[k].x += offset;
        if (k + 1 < line.glyphs.size() && gap[k]) {
            line.glyphs[k].advance += extra;
            offset += extra;
        }
    }
    line.justified = true;
}

void align(Line& line, float width, Alignment alignment) {
    float offset = 0;
    if (alignment == Alignment::Center) {
        offset = (width - line.width) / 2;
    } else if (alignment == Alignment::End) {
        offset = width - line.width;
    }
    if (offset > 0) {
        for (LineGlyph& g : line.glyphs) {
            g.x += offset;
        }
    }
}

Line place(const ParagraphSetting& s, LineSpan span, float indent, LineEnd ending) {
    Line line;
    line.begin = span.begin;
    line.end = span.end;
    line.ending = ending;
    const size_t last = s.trim(span.begin, span.end);
    line.glyphs.reserve(last - span.begin);
    float x = indent;
    for (size_t i = span.begin; i < last; ++i) {
        line.glyphs.push_back({s.at(i), x + s.shift(i), s.advance(i), s.run(i)});
        x += s.advance(i);
    }
    if (last > span.begin) {
        line.glyphs.back().advance -= s.end_squeeze(last - 1);
    }
    line.width = indent + s.width(span.begin, span.end);
    return line;
}

std::vector<Line> layout_setting(const ParagraphSetting& s, float width,
                                 const ParagraphOptions& options) {
    float indent = std::clamp(options.first_line_indent, 0.0f, width / 2);
    // In a very narrow measure the indent can leave the first line too short for its first
    // unit ("（一）" in 2 em): setting it flush left beats breaking a rule or an empty line.
    if (indent > 0 && first_unit_width(s) > width - indent) {
        indent = 0;
    }
    const std::vector<LineSpan> spans = fit_lines(s, width - indent, width);
    std::vector<Line> lines;
    lines.reserve(spans.size());
    for (size_t k = 0; k < spans.size(); ++k) {
        LineEnd ending = LineEnd::Wrapped;
        if (k + 1 == spans.size()) {
            ending = LineEnd::ParagraphEnd;
        } else if (s.break_after(spans[k].end - 1) == BreakAfter::Mandatory) {
            ending = LineEnd::HardBreak;
        }
        Line line = place(s, spans[k], k == 0 ? indent : 0, ending);
        if (options.alignment == Alignment::Justify) {
            if (ending == LineEnd::Wrapped) {
                justify(s, line, width);
            }
        } else {
            align(line, width, options.alignment);
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace

std::vector<Line> layout_paragraph(const Runs& runs, const FontMetrics& metrics, float size_px,
                                   float width, const ParagraphOptions& options) {
    const ParagraphSetting setting = make_setting(runs, metrics, size_px);
    if (setting.size() == 0) {
        return {};
    }
    return layout_setting(setting, width, options);
}

std::vector<Line> layout_paragraph(std::u32string_view text, const FontMetrics& metrics,
                                   float size_px, Weight weight, float width,
                                   const ParagraphOptions& options) {
    if (text.empty()) {
        return {};
    }
    const ParagraphSetting setting(std::u32string(text), std::vector<uint16_t>(text.size(), 0),
                                   {weight}, metrics, size_px);
    return layout_setting(setting, width, options);
}

std::vector<Line> layout_paragraph(std::string_view utf8, const FontMetrics& metrics, float size_px,
                                   Weight weight, float width, const ParagraphOptions& options) {
    return layout_paragraph(std::u32string_view(decode_utf8(utf8)), metrics, size_px, weight, width,
                            options);
}

std::u32string line_text(const Line& line) {
    std::u32string out;
    out.reserve(line.glyphs.size());
    for (const LineGlyph& g : line.glyphs) {
        out.push_back(g.cp);
    }
    return out;
}

}  // namespace display
