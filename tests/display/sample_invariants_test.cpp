// Invariants of paragraph layout with the real fonts over every piece of text in the sample
// notices, at many widths: no forbidden line start or end, nothing lost, nothing too wide,
// every line as full as the rules allow, no lonely last character.
#include <doctest/doctest.h>

#include <string>

#include "display/char_class.h"
#include "display/line_break.h"
#include "display/paragraph_layout.h"
#include "display/paragraph_setting.h"
#include "display/utf8.h"
#include "tests/display/real_fonts.h"
#include "tests/display/sample_notices.h"

namespace {

using display::Line;

constexpr float k_tolerance = 0.01f;

struct Failures {
    int count = 0;
    void add(const std::string& what, const std::u32string& text, float width) {
        if (++count <= 12) {  // enough to diagnose, not a flood
            MESSAGE(what, " at width ", width, ": ", display::encode_utf8(text));
        }
    }
};

// The first position after `from` where a line may end (exclusive end index).
size_t next_end(const std::vector<display::BreakAfter>& breaks, size_t from) {
    size_t e = from;
    while (e < breaks.size() && breaks[e] == display::BreakAfter::Never) {
        ++e;
    }
    return e + 1;
}

void check_paragraph(const std::u32string& text, float size, float width, float indent,
                     Failures& f) {
    const auto& metrics = test_display::real_metrics();
    const auto lines = display::layout_paragraph(std::u32string_view(text), metrics, size,
                                                 display::Weight::Regular, width,
                                                 {indent, display::Alignment::Justify});
    const auto setting =
        display::make_setting(display::plain(display::encode_utf8(text)), metrics, size);
    const auto breaks = display::line_breaks(text);
    size_t expected_begin = 0;
    for (size_t k = 0; k < lines.size(); ++k) {
        const Line& line = lines[k];
        const std::u32string shown = display::line_text(line);
        // Nothing lost: the lines tile the text, each showing its range minus break spaces.
        if (line.begin != expected_begin ||
            shown != text.substr(line.begin, setting.trim(line.begin, line.end) - line.begin)) {
            f.add("text lost or reordered", text, width);
        }
        expected_begin = line.end;
        if (shown.empty()) {
            continue;
        }
        if (k > 0 && display::is_never_start(shown.front())) {
            f.add("forbidden line start " + display::encode_utf8(shown), text, width);
        }
        if (k + 1 < lines.size() && display::is_never_end(shown.back())) {
            f.add("forbidden line end " + display::encode_utf8(shown), text, width);
        }
        const auto& last = line.glyphs.back();
        if (line.width > width + k_tolerance || last.x + last.advance > width + k_tolerance) {
            f.add("line too wide " + display::encode_utf8(shown), text, width);
        }
        if (line.justified && std::abs(last.x + last.advance - width) > 0.05f) {
            f.add("justified line not flush right " + display::encode_utf8(shown), text, width);
        }
        // Filled: the next unit would not have fitted. The line before the last may have given
        // one character to the last line (no lonely character).
        if (k + 2 < lines.size()) {
            const float first = k == 0 ? indent : 0;
            const size_t longer = next_end(breaks, line.end);
            if (first + setting.width(line.begin, longer) <= width + k_tolerance) {
                f.add("line needlessly short " + display::encode_utf8(shown), text, width);
            }
        }
    }
    if (expected_begin != text.size()) {
        f.add("text lost at the end", text, width);
    }
    // At 4 em a number with its unit can fill a whole line ("￥8.9万" 3.7 em) so that the
    // character after it ("元。") has nowhere to go but a line of its own; from 5 em on, the
    // rule must always hold in the sample.
    const bool roomy = width >= 5 * size;
    if (roomy && lines.size() >= 2 &&
        display::letter_count(display::line_text(lines.back())) == 1) {
        f.add("single character alone on the last line: " +
                  display::encode_utf8(display::line_text(lines[lines.size() - 2])) + "|" +
                  display::encode_utf8(display::line_text(lines.back())) + " indent " +
                  std::to_string(indent),
              text, width);
    }
}

}  // namespace

TEST_CASE("sample invariants: every sample paragraph at many widths and sizes") {
    const auto texts = test_display::sample_texts();
    REQUIRE(texts.size() > 100);
    Failures failures;
    int paragraphs = 0;
    for (const float size : {24.0f, 40.0f}) {
        for (const float width_em : {4.0f, 5.5f, 7.3f, 9.0f, 12.5f, 16.0f, 21.7f, 27.0f, 33.0f}) {
            const float width = width_em * size;
            for (const std::string& utf8 : texts) {
                const std::u32string text = display::decode_utf8(utf8);
                check_paragraph(text, size, width, 0, failures);
                check_paragraph(text, size, width, 2 * size, failures);
                paragraphs += 2;
            }
        }
    }
    MESSAGE(paragraphs, " paragraphs laid out");
    CHECK(failures.count == 0);
}
