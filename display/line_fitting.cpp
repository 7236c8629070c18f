// Greedy line fitting with emergency splits and the lonely-last-character rule.
#include "display/line_fitting.h"

#include "display/char_class.h"
#include "display/line_break.h"

namespace display {
namespace {

// Layout works in float pixels; a line may be this much over without counting as too wide.
constexpr float k_epsilon = 0.01f;

// Characters after which an over-long unit is split first: "https://a.example/b|c",
// "0571-|86971234", "3,|862".
bool is_split_point(char32_t cp) {
    switch (cp) {
        case U'/':
        case U'-':
        case U'.':
        case U'_':
        case U'?':
        case U'&':
        case U'=':
        case U'#':
        case U',':
        case U':':
        case U'：':
        case U'，':
            return true;
        default:
            return false;
    }
}

// The first position at or after `from` where a line may end.
size_t next_opportunity(const ParagraphSetting& s, size_t from) {
    size_t e = from;
    while (e < s.size() && s.break_after(e) == BreakAfter::Never) {
        ++e;
    }
    return e + 1;
}

size_t next_grapheme(const ParagraphSetting& s, size_t begin) {
    const std::u32string_view text = s.text();
    size_t e = begin + 1;
    while (e < s.size() && !starts_grapheme(text, e)) {
        ++e;
    }
    return e;
}

// The end of the grapheme that starts at `begin`. When even that is wider than `room` and it is
// an emoji ZWJ sequence, which is drawn as its separate emoji anyway (no shaping), it may be
// split after a ZWJ rather than overflow the line.
size_t grapheme_end(const ParagraphSetting& s, size_t begin, float room) {
    const size_t end = next_grapheme(s, begin);
    size_t split = 0;
    for (size_t e = begin + 1; e < end; ++e) {
        if (is_zwj(s.at(e - 1)) && s.width(begin, e) <= room + k_epsilon) {
            split = e;
        }
    }
    return split && s.width(begin, end) > room + k_epsilon ? split : end;
}

// Splits an unbreakable unit [unit, limit) that is wider than a whole line, on the line that
// starts at `begin` with `room` on it. In order of preference:
//  1. the last split point inside the unit that fits and fills a third of the line
//     ("0571-|86971234", "example.gov.cn/|notice");
//  2. the break before the unit, if that fills half the line: the unit starts the next line
//     and is split there;
//  3. the last grapheme boundary that fits and starts the next line with neither a closing
//     mark nor a separator, nor ends this one with an opening mark;
//  4. the same, but letting —— or …… start the next line ("亮|……”" in 3 em: no closing
//     quote at a line start), or splitting an emoji ZWJ sequence after a ZWJ;
//  5. any grapheme boundary that fits; a single grapheme wider than the line stands alone.
size_t emergency_end(const ParagraphSetting& s, size_t begin, size_t unit, size_t limit,
                     float room) {
    const std::u32string_view text = s.text();
    size_t any = 0, lenient = 0, polite = 0, split = 0;
    for (size_t e = begin + 1; e < limit; ++e) {
        if (!starts_grapheme(text, e)) {
            // Inside an emoji ZWJ sequence, drawn as separate emoji anyway: a last resort.
            if (is_zwj(text[e - 1]) && s.width(begin, e) <= room + k_epsilon) {
                lenient = e;
            }
            continue;
        }
        if (s.width(begin, e) > room + k_epsilon) {
            break;
        }
        any = e;
        if (is_never_end(text[e - 1]) || is_split_point(text[e])) {
            continue;
        }
        const bool pair_start = (text[e] == U'—' || text[e] == U'…') && text[e - 1] != text[e];
        if (is_never_start(text[e])) {
            lenient = pair_start ? e : lenient;
            continue;
        }
        polite = e;
        if (e > unit && is_split_point(text[e - 1]) && s.width(begin, e) >= room / 3) {
            split = e;
        }
    }
    if (split) {
        return split;
    }
    if (unit > begin && s.width(begin, unit) >= room / 2) {
        return unit;
    }
    for (size_t candidate : {polite, lenient, any}) {
        if (candidate) {
            return candidate;
        }
    }
    return grapheme_end(s, begin, room);
}

// Where the line starting at `begin` ends, given `room` on it and `full` on a fresh line.
size_t fit_one(const ParagraphSetting& s, size_t begin, float room, float full) {
    size_t best = 0;
    size_t e = begin + 1;
    for (; e <= s.size(); ++e) {
        if (s.width(begin, e) > room + k_epsilon) {
            break;  // widths only grow with e, so nothing further fits either
        }
        const BreakAfter b = s.break_after(e - 1);
        if (b == BreakAfter::Mandatory) {
            return e;
        }
        if (b == BreakAfter::Allowed) {
            best = e;
        }
    }
    const size_t unit_begin = best ? best : begin;
    const size_t unit_end = next_opportunity(s, e - 1);
    if (best && s.width(unit_begin, unit_end) <= full + k_epsilon) {
        return best;  // the next unit goes whole onto the next line
    }
    // The unit is wider than a whole line: split it, starting on this line so it stays full.
    return emergency_end(s, begin, unit_begin, unit_end, room);
}

// Greedy lines from `begin` to the end of the text.
std::vector<LineSpan> fit_from(const ParagraphSetting& s, size_t begin, float first, float rest) {
    std::vector<LineSpan> lines;
    while (begin < s.size()) {
        const size_t end = fit_one(s, begin, lines.empty() ? first : rest, rest);
        lines.push_back({begin, end});
        begin = end;
    }
    return lines;
}

bool lonely(const ParagraphSetting& s, const std::vector<LineSpan>& lines) {
    return lines.size() >= 2 && letter_count(s, lines.back().begin, lines.back().end) <= 1;
}

// Positions inside `line` where it could end instead, latest first: its break opportunities,
// and, when the line ends inside an over-long unit (an emergency split, as in
// "0571-|8697123|0"), the polite grapheme boundaries of that unit ("869712|30").
std::vector<size_t> earlier_ends(const ParagraphSetting& s, LineSpan line) {
    const std::u32string_view text = s.text();
    std::vector<size_t> ends;
    bool inside_unit = s.break_after(line.end - 1) == BreakAfter::Never;
    for (size_t b = line.end - 1; b > line.begin; --b) {
        const bool allowed = s.break_after(b - 1) == BreakAfter::Allowed;
        const bool split = inside_unit && starts_grapheme(text, b) && !is_never_start(text[b]) &&
                           !is_never_end(text[b - 1]);
        inside_unit = inside_unit && !allowed;
        if (allowed || split) {
            ends.push_back(b);
        }
    }
    return ends;
}

// 段末孤字: "……按时参加|了。" becomes "……按时参|加了。". End one of the last few lines
// earlier, as late as possible, and set the rest again, until the last line holds at least two
// characters. Usually the line before the last gives one character; when that line is a
// single unbreakable unit ("￥8.9万|元。") the line before it gives way instead.
void avoid_lonely_last_character(const ParagraphSetting& s, std::vector<LineSpan>& lines,
                                 float rest) {
    constexpr size_t k_lines_back = 3;
    if (!lonely(s, lines)) {
        return;
    }
    const size_t stop = lines.size() > k_lines_back + 1 ? lines.size() - 1 - k_lines_back : 0;
    for (size_t k = lines.size() - 1; k-- > stop;) {
        if (s.break_after(lines[k].end - 1) == BreakAfter::Mandatory) {
            return;  // the lines after a hard break are a paragraph of their own here
        }
        for (const size_t b : earlier_ends(s, lines[k])) {
            if (letter_count(s, lines[k].begin, b) == 0) {
                break;
            }
            std::vector<LineSpan> tail = fit_from(s, b, rest, rest);
            if (letter_count(s, tail.back().begin, tail.back().end) >= 2) {
                lines.resize(k + 1);
                lines[k].end = b;
                lines.insert(lines.end(), tail.begin(), tail.end());
                return;
            }
        }
    }
}

}  // namespace

size_t letter_count(const ParagraphSetting& s, size_t begin, size_t end) {
    return letter_count(std::u32string_view(s.text()).substr(begin, end - begin));
}

std::vector<LineSpan> fit_lines(const ParagraphSetting& s, float first, float rest) {
    std::vector<LineSpan> lines = fit_from(s, 0, first, rest);
    avoid_lonely_last_character(s, lines, rest);
    return lines;
}

}  // namespace display
