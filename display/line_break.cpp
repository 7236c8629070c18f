// Break opportunities: libunibreak first, then the tailoring table below.
//
// What libunibreak 1.1 does with language "zh" (probed on Debian 12; the probe's cases are
// rows of tests/display/line_break_test.cpp), and what the tailoring changes:
//
//   input            libunibreak          tailored            rule
//   中文～中文        中|文|～|中|文        中|文～|中|文        ～ never starts a line
//   中文·中文        中|文|·|中|文        中|文·|中|文         interpunct never starts
//   中文／中文        中|文|／|中|文        中|文／|中|文        solidus never starts
//   中——中           中|——|中             中——|中              —— never starts (our choice)
//   km/h             km/|h                km/h                Latin word not split at "/"
//   9：00开始         9：|00|开|始         9：00|开|始          digits joined by a separator
//   App（应用）       App（应|用）          App|（应|用）         break before a full-width （
//   1—24幢           1|—|24|幢            1—|24幢             a range's dash never starts a line
//   2026年           2026|年              2026年              a number keeps its unit
//   👨‍👩‍👧             👨‍|👩‍|👧              👨‍👩‍👧               ZWJ sequence
//   is one grapheme 👍🏽              👍|🏽                 👍🏽 skin-tone modifier
//   stays 🇨🇳              (aborts the process)  🇨🇳                 flags: see sanitise() below
//
// libunibreak already gets right: closing marks and quotes (。，、；：！？）》”) never start,
// opening ones never end, …… is kept together, 94.4% 0571-86971234 3,862 ￥56.2 URLs.
#include "display/line_break.h"

#include <linebreak.h>

#include <mutex>
#include <string>

#include "display/char_class.h"

namespace display {
namespace {

void init_once() {
    static std::once_flag flag;
    std::call_once(flag, [] { init_linebreak(); });
}

// libunibreak 1.1 has no pair-table row for regional indicators and uses U+FFFF as its end
// marker: either one trips an assert() and aborts the process (a flag emoji in a notice
// would crash the kiosk). Replace them with characters of a harmless class before asking it;
// the grapheme rule below then keeps each flag's two halves together.
std::u32string sanitise(std::u32string_view text) {
    std::u32string safe(text);
    for (char32_t& cp : safe) {
        if (is_regional_indicator(cp)) {
            cp = 0x1F600;  // an emoji: breaks like an ideograph
        } else if (cp == 0xFFFF || cp == 0xFFFE) {
            cp = 0xFFFD;
        }
    }
    return safe;
}

std::vector<BreakAfter> unibreak(std::u32string_view text) {
    init_once();
    const std::u32string safe = sanitise(text);
    std::vector<char> raw(safe.size());
    static_assert(sizeof(utf32_t) == sizeof(char32_t));
    set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(safe.data()), safe.size(), "zh",
                         raw.data());
    std::vector<BreakAfter> out(raw.size(), BreakAfter::Never);
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == LINEBREAK_MUSTBREAK) {
            out[i] = BreakAfter::Mandatory;
        } else if (raw[i] == LINEBREAK_ALLOWBREAK) {
            out[i] = BreakAfter::Allowed;
        }
    }
    return out;
}

// Tailoring never removes a mandatory break (a hard line break in the source).
void forbid(std::vector<BreakAfter>& breaks, size_t i) {
    if (breaks[i] == BreakAfter::Allowed) {
        breaks[i] = BreakAfter::Never;
    }
}

bool is_ascii_alnum(char32_t cp) {
    return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
}

// Does the run of non-space, non-CJK characters around `i` contain "://" (a URL)?
bool inside_url(std::u32string_view text, size_t i) {
    size_t begin = i, end = i;
    while (begin > 0 && !is_space(text[begin - 1]) && !is_wide(text[begin - 1])) {
        --begin;
    }
    while (end < text.size() && !is_space(text[end]) && !is_wide(text[end])) {
        ++end;
    }
    return text.substr(begin, end - begin).find(U"://") != std::u32string_view::npos;
}

// UAX #14 as of libunibreak 1.1 (LB30) keeps a Latin letter or digit with a following opening
// bracket: "App（应用）" and "0571-86971234（社区）" could not break before "（". Unicode 8
// exempted full-width brackets from LB30, as Chinese text needs; so does this.
void allow_before_wide_openings(std::u32string_view text, std::vector<BreakAfter>& breaks) {
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        if (is_ascii_alnum(text[i]) &&
            punctuation_shape(text[i + 1]) == PunctuationShape::Opening &&
            breaks[i] == BreakAfter::Never) {
            breaks[i] = BreakAfter::Allowed;
        }
    }
}

// Clreq line-start and line-end prohibitions, and the pairs that are never split.
void tailor_punctuation(std::u32string_view text, std::vector<BreakAfter>& breaks) {
    const size_t n = text.size();
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && is_never_start(text[i])) {
            forbid(breaks, i - 1);  // 中文|。 → 中文。
        }
        if (is_never_end(text[i])) {
            // “ and any spaces after it: "说“ 中" must not end a line with “.
            for (size_t j = i; j < n && (j == i || is_space(text[j])); ++j) {
                forbid(breaks, j);
            }
        }
        if (i + 1 < n && text[i] == text[i + 1] && (text[i] == U'—' || text[i] == U'…')) {
            forbid(breaks, i);  // —— and …… are two-em units
        }
        // "km/h": libunibreak allows a break after any "/"; inside a Latin word or number that
        // splits the word. URLs keep it, since that is where a long address should wrap.
        if (text[i] == U'/' && i > 0 && i + 1 < n && is_ascii_alnum(text[i - 1]) &&
            is_ascii_alnum(text[i + 1]) && !inside_url(text, i)) {
            forbid(breaks, i);
        }
    }
}

// Numbers: 9：00, 0571-86971234, 2026/11/25 are single units, and 2026年 94.4% keep their
// units. A range 9:00—17:00 may break after its dash (the dash itself never starts a line).
void tailor_numbers(std::u32string_view text, std::vector<BreakAfter>& breaks) {
    const size_t n = text.size();
    for (size_t i = 0; i + 1 < n; ++i) {
        if (!is_digit(text[i])) {
            continue;
        }
        if (is_number_suffix(text[i + 1])) {
            forbid(breaks, i);
        }
        if (i + 2 < n && is_number_separator(text[i + 1]) && is_digit(text[i + 2])) {
            forbid(breaks, i);
            forbid(breaks, i + 1);
        }
    }
}

void tailor_graphemes(std::u32string_view text, std::vector<BreakAfter>& breaks) {
    for (size_t i = 1; i < text.size(); ++i) {
        if (!starts_grapheme(text, i)) {
            forbid(breaks, i - 1);
        }
    }
}

}  // namespace

bool starts_grapheme(std::u32string_view text, size_t i) {
    if (i == 0 || i >= text.size()) {
        return true;
    }
    if (is_grapheme_extend(text[i]) || is_zwj(text[i - 1])) {
        return false;
    }
    if (is_regional_indicator(text[i]) && is_regional_indicator(text[i - 1])) {
        // Flags are pairs: the i-th indicator continues a flag when an odd number precede it.
        size_t run = 0;
        while (run < i && is_regional_indicator(text[i - 1 - run])) {
            ++run;
        }
        return run % 2 == 0;
    }
    return true;
}

size_t letter_count(std::u32string_view text) {
    size_t count = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char32_t cp = text[i];
        if (starts_grapheme(text, i) && !is_punctuation_or_space(cp) && !is_invisible(cp)) {
            ++count;
        }
    }
    return count;
}

std::vector<BreakAfter> line_breaks(std::u32string_view text) {
    if (text.empty()) {
        return {};
    }
    std::vector<BreakAfter> breaks = unibreak(text);
    allow_before_wide_openings(text, breaks);
    tailor_punctuation(text, breaks);
    tailor_numbers(text, breaks);
    tailor_graphemes(text, breaks);
    breaks.back() = BreakAfter::Mandatory;
    return breaks;
}

}  // namespace display
