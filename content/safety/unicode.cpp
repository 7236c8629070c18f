// Unicode facts the safety checker needs, as range tables over code points (no ICU: the folding
// itself comes from the generated data file content/safety/rules/unicode/fold.txt).
#include "content/safety/unicode.h"

#include <algorithm>
#include <array>

namespace content::safety {
namespace {

struct Range {
    char32_t first;
    char32_t last;
    CharKind kind;
};

// Non-ASCII ranges whose kind is not Word, sorted by first code point. Anything not listed is a
// word character, which is right for the letters of every script, Han characters and kana; the
// folding has already turned full-width forms, circled digits and compatibility characters into
// their plain forms, so they need no entries here.
constexpr std::array k_ranges{
    Range{0x0080, 0x00BF, CharKind::Soft},  // Latin-1 punctuation and symbols (· included)
    Range{0x00D7, 0x00D7, CharKind::Soft},  // ×
    Range{0x00F7, 0x00F7, CharKind::Soft},  // ÷
    Range{0x02B0, 0x02FF, CharKind::Soft},  // spacing modifier letters: ˊ ˇ ˙
    Range{0x0300, 0x036F, CharKind::Mark},  // combining diacritics (a̲p̲p̲)
    Range{0x0374, 0x0375, CharKind::Soft},
    Range{0x037E, 0x037E, CharKind::SentenceEnd},  // Greek question mark, looks like ;
    Range{0x0384, 0x0385, CharKind::Soft},
    Range{0x0387, 0x0387, CharKind::Soft},
    Range{0x0482, 0x0482, CharKind::Soft},
    Range{0x0483, 0x0489, CharKind::Mark},
    Range{0x0591, 0x05C7, CharKind::Mark},
    Range{0x0610, 0x061A, CharKind::Mark},
    Range{0x064B, 0x065F, CharKind::Mark},
    Range{0x1AB0, 0x1AFF, CharKind::Mark},
    Range{0x1DC0, 0x1DFF, CharKind::Mark},
    Range{0x2000, 0x200A, CharKind::Space},
    Range{0x2010, 0x2013, CharKind::Soft},  // hyphens and en dash
    Range{0x2014, 0x2015, CharKind::Hard},  // —— Chinese dash
    Range{0x2016, 0x2017, CharKind::Soft},
    Range{0x2018, 0x201F, CharKind::Hard},  // ‘’“” quotes
    Range{0x2020, 0x2025, CharKind::Soft},  // † • ‥
    Range{0x2026, 0x2026, CharKind::Hard},  // … Chinese ellipsis
    Range{0x2027, 0x2027, CharKind::Soft},  // ‧
    Range{0x202F, 0x202F, CharKind::Space},
    Range{0x2030, 0x205E, CharKind::Soft},  // ‰ ′ ※ ‼ (folded) ⁂
    Range{0x205F, 0x205F, CharKind::Space},
    Range{0x20A0, 0x20CF, CharKind::Soft},  // currency signs
    Range{0x20D0, 0x20FF, CharKind::Mark},  // combining marks for symbols (keycap ⃣)
    Range{0x2100, 0x214F, CharKind::Soft},  // letterlike symbols left after folding: ℃ №
    Range{0x2150, 0x218F, CharKind::Soft},
    Range{0x2190, 0x245F, CharKind::Soft},  // arrows, maths, technical symbols
    Range{0x2460, 0x24FF, CharKind::Soft},  // enclosed alphanumerics left after folding
    Range{0x2500, 0x2BFF, CharKind::Soft},  // box drawing, shapes, ★ ☆ ✔ dingbats, arrows
    Range{0x2CE5, 0x2CEA, CharKind::Soft},
    Range{0x2CEF, 0x2CF1, CharKind::Mark},
    Range{0x2CF9, 0x2CFF, CharKind::Soft},
    Range{0x2DE0, 0x2DFF, CharKind::Mark},
    Range{0x2E00, 0x2E7F, CharKind::Soft},  // supplemental punctuation
    Range{0x2FF0, 0x2FFF, CharKind::Soft},  // ideographic description characters
    Range{0x3000, 0x3000, CharKind::Space},
    Range{0x3001, 0x3001, CharKind::Hard},         // 、
    Range{0x3002, 0x3002, CharKind::SentenceEnd},  // 。
    Range{0x3003, 0x3004, CharKind::Soft},
    Range{0x3008, 0x3011, CharKind::Hard},  // 〈〉《》「」『』【】
    Range{0x3012, 0x3013, CharKind::Soft},
    Range{0x3014, 0x301B, CharKind::Hard},  // 〔〕〖〗
    Range{0x301C, 0x301C, CharKind::Soft},  // 〜
    Range{0x301D, 0x301F, CharKind::Hard},
    Range{0x3020, 0x3020, CharKind::Soft},
    Range{0x302A, 0x302F, CharKind::Mark},
    Range{0x3030, 0x3030, CharKind::Soft},
    Range{0x3036, 0x3037, CharKind::Soft},
    Range{0x303D, 0x303F, CharKind::Soft},
    Range{0x3099, 0x309A, CharKind::Mark},
    Range{0x309B, 0x309C, CharKind::Soft},
    Range{0x30A0, 0x30A0, CharKind::Soft},
    Range{0x30FB, 0x30FB, CharKind::Soft},  // ・ katakana middle dot
    Range{0x31C0, 0x31EF, CharKind::Soft},  // CJK strokes
    Range{0x3200, 0x33FF, CharKind::Soft},  // enclosed CJK and squared forms left after folding
    Range{0x4DC0, 0x4DFF, CharKind::Soft},  // hexagrams
    Range{0xA700, 0xA721, CharKind::Soft},  // tone letters
    Range{0xFE00, 0xFE0F, CharKind::Mark},  // variation selectors (emoji presentation)
    Range{0xFE10, 0xFE1F, CharKind::Soft},
    Range{0xFE20, 0xFE2F, CharKind::Mark},
    Range{0xFE30, 0xFE6F, CharKind::Soft},
    Range{0xFF00, 0xFFEF, CharKind::Soft},    // half-width forms left after folding
    Range{0xFFF0, 0xFFFF, CharKind::Soft},    // ￼ � specials
    Range{0x1D100, 0x1D1FF, CharKind::Soft},  // musical symbols
    Range{0x1D200, 0x1D24F, CharKind::Soft},
    Range{0x1D300, 0x1D35F, CharKind::Soft},
    Range{0x1EC70, 0x1ECBF, CharKind::Soft},
    Range{0x1F000, 0x1FBFF, CharKind::Soft},  // emoji, playing cards, enclosed supplements
    Range{0xE0100, 0xE01EF, CharKind::Mark},  // ideographic variation selectors
};

CharKind ascii_kind(char32_t c) {
    if (is_ascii_alnum(c)) {
        return CharKind::Word;
    }
    switch (c) {
        case '\n':
            return CharKind::Newline;
        case ' ':
        case '\t':
        case '\r':
        case '\f':
        case '\v':
            return CharKind::Space;
        case ';':
        case '!':
        case '?':
            return CharKind::SentenceEnd;
        case ',':
        case ':':
        case '(':
        case ')':
        case '[':
        case ']':
        case '{':
        case '}':
        case '|':
        case '/':
            return CharKind::Hard;
        default:
            return CharKind::Soft;
    }
}

}  // namespace

char32_t decode_utf8(std::string_view text, size_t& pos, bool& valid) {
    return decode_utf8_at(text, pos, valid);
}

bool is_invisible(char32_t c) {
    if (c < 0x20) {
        return c != '\n' && c != '\t';
    }
    if (c < 0xA0) {
        return c >= 0x7F;  // DEL and C1 controls
    }
    if (c < 0x2000) {
        return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 ||
               c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F);
    }
    if (c < 0x2070) {
        return (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
               (c >= 0x2060 && c <= 0x206F);
    }
    if (c >= 0xE000 && c <= 0xF8FF) {
        return true;  // private use
    }
    if (c == 0x3164 || c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF9 && c <= 0xFFFB)) {
        return true;
    }
    if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) {
        return true;  // noncharacters
    }
    if (c >= 0x1D173 && c <= 0x1D17A) {
        return true;  // musical formatting controls
    }
    if (c >= 0xE0000 && c <= 0xE007F) {
        return true;  // tag characters (hidden ASCII)
    }
    return c >= 0xF0000;  // supplementary private use
}

bool is_pictograph(char32_t c) {
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
           (c >= 0x2B00 && c <= 0x2BFF) || c == 0x2640 || c == 0x2642 || c == 0xFE0F;
}

CharKind char_kind(char32_t c) {
    if (c < 0x80) {
        return ascii_kind(c);
    }
    if (c >= 0x3400 && c <= 0x9FFF) {
        return CharKind::Word;  // the common case: Han characters
    }
    const auto it = std::upper_bound(k_ranges.begin(), k_ranges.end(), c,
                                     [](char32_t v, const Range& r) { return v < r.first; });
    if (it == k_ranges.begin()) {
        return CharKind::Word;
    }
    const Range& r = *(it - 1);
    return c <= r.last ? r.kind : CharKind::Word;
}

bool is_latin_letter(char32_t c) {
    return is_ascii_letter(c) || (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) ||
           (c >= 0x0250 && c <= 0x02AF) || (c >= 0x1E00 && c <= 0x1EFF);
}

bool is_greek_or_cyrillic(char32_t c) {
    return (c >= 0x0370 && c <= 0x03FF && char_kind(c) == CharKind::Word) ||
           (c >= 0x0400 && c <= 0x0481) || (c >= 0x048A && c <= 0x052F) ||
           (c >= 0x1F00 && c <= 0x1FFF);
}

}  // namespace content::safety
