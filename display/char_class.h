// Character classes for Chinese typesetting: which characters are Han-like, which punctuation
// may not start or end a line, which marks can be set half-width, what glues to a digit.
#pragma once

namespace display {

// How a full-width punctuation mark sits in its em box in Simplified Chinese fonts, which
// decides how it is set half-width (the OpenType 'halt' values of Noto Sans CJK SC):
//   Closing  "，" "。" "）" "”": ink in the left half; half-width = the advance becomes ½ em.
//   Opening  "（" "“" "《":     ink in the right half; half-width = shifted left ½ em and the
//                                advance becomes ½ em.
//   Middle   "·" "・":          ink centred; not squeezed by this engine.
enum class PunctuationShape { None, Closing, Opening, Middle };

PunctuationShape punctuation_shape(char32_t cp);

// CJK ideographs (URO, Extensions A-F, compatibility), 〇 々 〆.
bool is_han(char32_t cp);

// Characters set on the CJK em grid: Han, kana, hangul, full-width punctuation and symbols,
// and the punctuation that Simplified Chinese fonts draw full-width (“ ” ‘ ’ · — …).
// Justification adds space next to these and never between two characters that are not.
bool is_wide(char32_t cp);

// Clreq / GB/T 15834-2011 §5.1: characters that never start a line. Closing brackets and
// quotes, pause and stop marks, connectors (～ 〜 – —), interpuncts (· ・), solidi (/ ／),
// the dash —— and the ellipsis ……, iteration marks and small kana.
bool is_never_start(char32_t cp);

// Opening brackets and quotes: never end a line.
bool is_never_end(char32_t cp);

bool is_digit(char32_t cp);  // ASCII and full-width digits

// Characters that join two digit runs into one number: 94.4  3,862  9:30  9：00  0571-86971234
// 2026/11/25.
bool is_number_separator(char32_t cp);

// Connectors of a range between two numbers: 1—24  9:00～11:30. A range is two numbers: it may
// break after the connector (which never starts a line), and is never stretched when justified.
bool is_range_connector(char32_t cp);

// Characters that stay with the digits before them: % ‰ ℃ ° and the common units and measure
// words (2026年, 3,862户, 12门): a number is never separated from its unit. Other Han
// characters after a number may still start the next line (9:30|开始).
bool is_number_suffix(char32_t cp);

// Punctuation, symbols and spaces: not counted as a "character" when deciding whether a
// paragraph's last line holds a single character alone.
bool is_punctuation_or_space(char32_t cp);

// Breakable white space: dropped at the end of a line, stretched when justifying Latin text.
bool is_space(char32_t cp);

// Code points that continue the grapheme before them (combining marks, variation selectors,
// emoji modifiers, ZWJ, tags, keycap): never separated from it by a break, a squeeze or
// justification space.
bool is_grapheme_extend(char32_t cp);
bool is_zwj(char32_t cp);

// Characters that take no room and are not drawn: ZWJ/ZWNJ, ZWSP, word joiner, soft hyphen,
// BOM, variation selectors, tags, emoji skin-tone modifiers and C0 controls. Without shaping,
// an emoji ZWJ sequence is drawn as its separate emoji and a toned emoji in its default tone.
bool is_invisible(char32_t cp);
bool is_regional_indicator(char32_t cp);

}  // namespace display
