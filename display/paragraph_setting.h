// Internal to paragraph layout: a paragraph's code points with their break opportunities and
// advances (after punctuation compression), and the width of any candidate line in O(1).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "display/block.h"
#include "display/font_metrics.h"
#include "display/line_break.h"

namespace display {

struct LineSpan {
    size_t begin = 0;
    size_t end = 0;  // exclusive; includes trailing break whitespace
};

class ParagraphSetting {
public:
    ParagraphSetting(std::u32string text, std::vector<uint16_t> runs,
                     const std::vector<Weight>& weights, const FontMetrics& metrics, float size_px);

    size_t size() const { return m_text.size(); }
    const std::u32string& text() const { return m_text; }
    char32_t at(size_t i) const { return m_text[i]; }
    BreakAfter break_after(size_t i) const { return m_breaks[i]; }
    uint16_t run(size_t i) const { return m_runs[i]; }
    float em() const { return m_em; }
    // Advance of i inside a line (compressed next to other punctuation).
    float advance(size_t i) const { return m_advance[i]; }
    // Horizontal offset of i's glyph from its pen position (negative: an opening mark
    // compressed after another opening mark is pulled left by ½ em).
    float shift(size_t i) const { return m_shift[i]; }
    // What i's advance loses when it ends a line (a full-width closing mark: ½ em).
    float end_squeeze(size_t i) const;
    // End of [begin, end) without its trailing break whitespace.
    size_t trim(size_t begin, size_t end) const;
    // Width of [begin, end) set as one line: advances, trailing whitespace dropped, the last
    // closing mark squeezed.
    float width(size_t begin, size_t end) const;
    // Sum of advances of [begin, end) as they are, without any squeeze or trimming.
    float span(size_t begin, size_t end) const { return m_prefix[end] - m_prefix[begin]; }

private:
    void compress_punctuation();

    std::u32string m_text;
    std::vector<uint16_t> m_runs;
    std::vector<BreakAfter> m_breaks;
    std::vector<float> m_advance;
    std::vector<float> m_shift;
    std::vector<float> m_prefix;  // m_prefix[i] = sum of m_advance[0..i)
    float m_em;
};

// The setting of styled runs (UTF-8, invalid bytes as U+FFFD) at `size_px`.
ParagraphSetting make_setting(const Runs& runs, const FontMetrics& metrics, float size_px);

// The widest piece that can never be broken (a Latin word, a number with its unit): the
// narrowest measure the text can be set in without an emergency split.
float widest_unit(const ParagraphSetting& setting);

// The width of the text set on one line (the widest line when it has hard breaks).
float natural_width(const ParagraphSetting& setting);

}  // namespace display
