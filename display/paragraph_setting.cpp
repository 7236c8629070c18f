// Advances, punctuation compression and candidate line widths for one paragraph.
#include "display/paragraph_setting.h"

#include <algorithm>

#include "display/char_class.h"
#include "display/utf8.h"

namespace display {
namespace {

// Full-width in the font: Noto Sans CJK SC sets “ ” ， 。 at 1 em; a Latin ")" is not squeezed.
bool full_width(float advance, float em) {
    return advance >= 0.9f * em;
}

}  // namespace

ParagraphSetting::ParagraphSetting(std::u32string text, std::vector<uint16_t> runs,
                                   const std::vector<Weight>& weights, const FontMetrics& metrics,
                                   float size_px)
    : m_text(std::move(text)), m_runs(std::move(runs)), m_em(size_px) {
    const size_t n = m_text.size();
    m_breaks = line_breaks(m_text);
    m_advance.resize(n);
    m_shift.assign(n, 0.0f);
    for (size_t i = 0; i < n; ++i) {
        char32_t cp = m_text[i];
        if (is_invisible(cp) || cp == U'\n' || cp == U'\r') {
            m_advance[i] = 0;
            continue;
        }
        if (cp == U'\t') {
            cp = U' ';
        }
        const Weight weight = m_runs[i] < weights.size() ? weights[m_runs[i]] : Weight::Regular;
        m_advance[i] = metrics.advance(cp, size_px, weight);
    }
    compress_punctuation();
    m_prefix.resize(n + 1);
    m_prefix[0] = 0;
    for (size_t i = 0; i < n; ++i) {
        m_prefix[i + 1] = m_prefix[i] + m_advance[i];
    }
}

// Adjacent full-width marks share their blank half (clreq 3.1.6, 标点挤压):
//   "。”"  closing + closing: the first takes ½ em  → 。 and ” touch as in print
//   "），" closing + opening-or-closing: likewise
//   "（“"  opening + opening: the second moves left ½ em and takes ½ em
void ParagraphSetting::compress_punctuation() {
    const size_t n = m_text.size();
    for (size_t i = 0; i + 1 < n; ++i) {
        const PunctuationShape here = punctuation_shape(m_text[i]);
        const PunctuationShape next = punctuation_shape(m_text[i + 1]);
        if (!full_width(m_advance[i], m_em) || !full_width(m_advance[i + 1], m_em)) {
            continue;
        }
        if (here == PunctuationShape::Closing &&
            (next == PunctuationShape::Closing || next == PunctuationShape::Opening)) {
            m_advance[i] = m_em / 2;
        } else if (here == PunctuationShape::Opening && next == PunctuationShape::Opening) {
            m_advance[i + 1] = m_em / 2;
            m_shift[i + 1] = -m_em / 2;
        }
    }
}

float ParagraphSetting::end_squeeze(size_t i) const {
    if (punctuation_shape(m_text[i]) != PunctuationShape::Closing) {
        return 0;
    }
    return m_advance[i] > m_em / 2 ? m_advance[i] - m_em / 2 : 0;
}

size_t ParagraphSetting::trim(size_t begin, size_t end) const {
    while (end > begin && is_space(m_text[end - 1])) {
        --end;
    }
    return end;
}

float ParagraphSetting::width(size_t begin, size_t end) const {
    const size_t last = trim(begin, end);
    if (last == begin) {
        return 0;
    }
    return span(begin, last) - end_squeeze(last - 1);
}

ParagraphSetting make_setting(const Runs& runs, const FontMetrics& metrics, float size_px) {
    std::u32string text;
    std::vector<uint16_t> run_of;
    std::vector<Weight> weights;
    for (size_t r = 0; r < runs.size(); ++r) {
        const std::u32string decoded = decode_utf8(runs[r].text);
        text += decoded;
        run_of.insert(run_of.end(), decoded.size(),
                      static_cast<uint16_t>(std::min<size_t>(r, 0xFFFF)));
        weights.push_back(runs[r].weight);
    }
    return ParagraphSetting(std::move(text), std::move(run_of), weights, metrics, size_px);
}

float widest_unit(const ParagraphSetting& setting) {
    float widest = 0;
    size_t begin = 0;
    for (size_t i = 0; i < setting.size(); ++i) {
        if (setting.break_after(i) != BreakAfter::Never) {
            widest = std::max(widest, setting.width(begin, i + 1));
            begin = i + 1;
        }
    }
    return widest;
}

float natural_width(const ParagraphSetting& setting) {
    float widest = 0;
    size_t begin = 0;
    for (size_t i = 0; i < setting.size(); ++i) {
        if (setting.break_after(i) == BreakAfter::Mandatory) {
            widest = std::max(widest, setting.width(begin, i + 1));
            begin = i + 1;
        }
    }
    return widest;
}

}  // namespace display
