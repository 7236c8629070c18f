// A text prepared for safety matching: folded characters that remember their original bytes, the
// skeleton of word characters that terms match against, and what was dropped between them.
//
// "博\u200B.彩 网" becomes the skeleton 博 彩 网: the zero-width space and the dot before 彩
// are recorded as a gap of two dropped characters (and the zero-width space as an "invisible"
// finding); the space before 网 as a gap of one. Each skeleton character points back to the
// bytes it came from, so a match over the skeleton maps back to a span of the original text.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "content/safety/finding.h"
#include "content/safety/rules.h"
#include "content/safety/unicode.h"

namespace content::safety {

struct Unit {
    char32_t cp;     // folded: lower case, half width, simplified
    uint32_t begin;  // the original bytes it came from (several units may share them: ⑴)
    uint32_t end;
    CharKind kind;  // of cp; Soft inside HTML tags (<span style=...>), which are not shown
};

// What was dropped between two skeleton characters.
enum GapFlag : uint8_t {
    k_gap_any = 1,       // at least one character was dropped
    k_gap_hard = 2,      // punctuation (，、“ ）: /) that separates words in ordinary text
    k_gap_sentence = 4,  // a sentence ended (。；！？ or a block boundary)
    k_gap_block = 8,     // a paragraph, list item, table cell or heading boundary
    k_gap_colon = 16,    // a colon (： or :), as between a messenger name and an id
};

struct SkeletonChar {
    char32_t cp;        // folded, with Cyrillic/Greek look-alikes mapped to Latin
    uint32_t unit;      // index into units
    uint8_t gap;        // GapFlag bits for what was dropped just before this character
    uint8_t gap_count;  // how many characters were dropped (at most 255)
    uint32_t sentence;  // sentence number, for context cues
};

inline constexpr uint32_t k_no_sentence = 0xFFFFFFFF;

struct NormalizedText {
    std::string_view source;  // the original text (units point into it)
    std::vector<Unit> units;  // every visible character but combining marks
    std::vector<SkeletonChar> skeleton;
    std::vector<SafetyFinding> invisible;  // rule "invisible", one per run of such characters
    // For each sentence, the sentence that introduced the list it is in, or k_no_sentence:
    // "常见手法如下：" introduces the list items after it, up to the next heading or plain
    // paragraph, so that a cue there ("诈骗手法") covers items that only name the scam.
    std::vector<uint32_t> sentence_intro;
};

// `out` is cleared first, so callers may reuse it across notices.
void normalize_text(std::string_view text, const SafetyRules& rules, NormalizedText& out);

}  // namespace content::safety
