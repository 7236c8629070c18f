// Character class tables for Chinese line breaking, squeezing and justification.
#include "display/char_class.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace display {
namespace {

bool in(char32_t cp, char32_t lo, char32_t hi) {
    return cp >= lo && cp <= hi;
}

template <size_t N>
bool one_of(char32_t cp, const char32_t (&set)[N]) {
    return std::find(std::begin(set), std::end(set), cp) != std::end(set);
}

// Full-width marks whose ink sits in the left half of the em box in SC fonts.
constexpr char32_t k_closing[] = {
    U'、', U'。', U'，', U'．', U'：', U'；', U'！', U'？', U'）', U'］', U'｝', U'〕',
    U'〉', U'》', U'」', U'』', U'】', U'〗', U'〙', U'〛', U'”',  U'’',  U'｠',
};

// Full-width marks whose ink sits in the right half.
constexpr char32_t k_opening[] = {
    U'（', U'［', U'｛', U'〔', U'〈', U'《', U'「', U'『',
    U'【', U'〖', U'〘', U'〚', U'“',  U'‘',  U'｟',
};

constexpr char32_t k_middle[] = {U'·', U'・', U'‧'};

// Never at the start of a line, besides the closing marks above. Latin closing punctuation
// is here too so that "中文)" or "word." never lead a line either.
constexpr char32_t k_never_start_extra[] = {
    U')',  U']',  U'}',  U'.',  U',',  U';',  U':',  U'!',  U'?',  U'%',  U'‰',  U'℃',  U'℉',
    U'°',  U'′',  U'″',  U'％', U'～', U'〜', U'~',  U'–',  U'—',  U'‐',  U'…',  U'‥',  U'/',
    U'／', U'‼',  U'⁇',  U'⁈',  U'⁉',  U'々', U'〻', U'ゝ', U'ゞ', U'ヽ', U'ヾ', U'ー', U'ぁ',
    U'ぃ', U'ぅ', U'ぇ', U'ぉ', U'っ', U'ゃ', U'ゅ', U'ょ', U'ゎ', U'ァ', U'ィ', U'ゥ', U'ェ',
    U'ォ', U'ッ', U'ャ', U'ュ', U'ョ', U'ヮ', U'ヵ', U'ヶ', U'»',  U'›',  U'⸺',
};

constexpr char32_t k_never_end_extra[] = {U'(', U'[', U'{', U'«', U'‹'};

constexpr char32_t k_number_separators[] = {
    U'.', U',', U':', U'：', U'-', U'‐', U'/', U'／', U'．',
};

constexpr char32_t k_range_connectors[] = {U'—', U'–', U'~', U'～', U'〜'};

constexpr char32_t k_number_suffixes[] = {U'%', U'％', U'‰', U'℃', U'℉', U'°', U'′', U'″'};

// Units and measure words that follow numbers in notices: 2026年 3,862户 12门 8.6万 1.2公里.
// (Multi-character units keep their first character: 1.2公|里 may still break.)
constexpr std::u32string_view k_number_units =
    U"年月日号时点分秒周天岁元角万亿千百十个人户名位次台件处条项场辆米里斤克吨度层幢栋楼单室"
    U"间期届批门本张份家所套片班倍成折页篇款类种组支队只头座株棵平公升毫厘季轮遍起例床册部章节"
    U"级路多余";

}  // namespace

PunctuationShape punctuation_shape(char32_t cp) {
    if (one_of(cp, k_closing)) {
        return PunctuationShape::Closing;
    }
    if (one_of(cp, k_opening)) {
        return PunctuationShape::Opening;
    }
    if (one_of(cp, k_middle)) {
        return PunctuationShape::Middle;
    }
    return PunctuationShape::None;
}

bool is_han(char32_t cp) {
    return in(cp, 0x4E00, 0x9FFF) || in(cp, 0x3400, 0x4DBF) || in(cp, 0x20000, 0x3FFFF) ||
           in(cp, 0xF900, 0xFAFF) || cp == U'〇' || cp == U'々' || cp == U'〆';
}

bool is_wide(char32_t cp) {
    return is_han(cp) || in(cp, 0x3000, 0x30FF) ||  // CJK punctuation, kana
           in(cp, 0x3100, 0x31FF) ||                // bopomofo, strokes, kana extensions
           in(cp, 0xAC00, 0xD7AF) ||                // hangul syllables
           in(cp, 0xFF01, 0xFF60) || in(cp, 0xFFE0, 0xFFE6) ||  // full-width forms
           in(cp, 0x1F300, 0x1FAFF) ||                          // emoji
           cp == U'“' || cp == U'”' || cp == U'‘' || cp == U'’' || cp == U'·' || cp == U'—' ||
           cp == U'…' || cp == U'⸺';
}

bool is_never_start(char32_t cp) {
    return one_of(cp, k_closing) || one_of(cp, k_middle) || one_of(cp, k_never_start_extra);
}

bool is_never_end(char32_t cp) {
    return one_of(cp, k_opening) || one_of(cp, k_never_end_extra);
}

bool is_digit(char32_t cp) {
    return in(cp, U'0', U'9') || in(cp, U'０', U'９');
}

bool is_number_separator(char32_t cp) {
    return one_of(cp, k_number_separators);
}

bool is_range_connector(char32_t cp) {
    return one_of(cp, k_range_connectors);
}

bool is_number_suffix(char32_t cp) {
    return one_of(cp, k_number_suffixes) || k_number_units.find(cp) != std::u32string_view::npos;
}

bool is_space(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == U'\u3000' || cp == U'\n' || cp == U'\r' ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x200B;
}

bool is_punctuation_or_space(char32_t cp) {
    if (is_space(cp) || punctuation_shape(cp) != PunctuationShape::None) {
        return true;
    }
    if (is_never_start(cp) || is_never_end(cp)) {
        return true;
    }
    // ASCII punctuation and symbols, general punctuation, CJK symbols, full-width ASCII marks.
    return in(cp, 0x21, 0x2F) || in(cp, 0x3A, 0x40) || in(cp, 0x5B, 0x60) || in(cp, 0x7B, 0x7E) ||
           in(cp, 0x2010, 0x205E) || in(cp, 0x3001, 0x3004) || in(cp, 0x3008, 0x3020) ||
           in(cp, 0xFF01, 0xFF0F) || in(cp, 0xFF1A, 0xFF20) || in(cp, 0xFF3B, 0xFF40) ||
           in(cp, 0xFF5B, 0xFF65);
}

bool is_zwj(char32_t cp) {
    return cp == 0x200D;
}

bool is_invisible(char32_t cp) {
    return (cp < 0x20 && cp != U'\t' && cp != U'\n') || cp == 0x7F || cp == 0xAD ||
           in(cp, 0x200B, 0x200F) || in(cp, 0x2060, 0x2064) || cp == 0xFEFF ||
           in(cp, 0xFE00, 0xFE0F) || in(cp, 0xE0000, 0xE007F) || in(cp, 0xE0100, 0xE01EF) ||
           in(cp, 0x1F3FB, 0x1F3FF);
}

bool is_regional_indicator(char32_t cp) {
    return in(cp, 0x1F1E6, 0x1F1FF);
}

bool is_grapheme_extend(char32_t cp) {
    return in(cp, 0x0300, 0x036F) ||    // combining diacritics
           in(cp, 0x1AB0, 0x1AFF) ||    // combining diacritics extended
           in(cp, 0x1DC0, 0x1DFF) ||    // combining diacritics supplement
           in(cp, 0x20D0, 0x20FF) ||    // combining marks for symbols, keycap U+20E3
           in(cp, 0xFE00, 0xFE0F) ||    // variation selectors (emoji presentation)
           in(cp, 0xFE20, 0xFE2F) ||    // combining half marks
           in(cp, 0x3099, 0x309A) ||    // kana voicing marks
           in(cp, 0x1F3FB, 0x1F3FF) ||  // emoji skin-tone modifiers
           in(cp, 0xE0020, 0xE007F) ||  // tags (subdivision flags)
           in(cp, 0xE0100, 0xE01EF) ||  // variation selectors supplement (ideographic variants)
           is_zwj(cp);
}

}  // namespace display
