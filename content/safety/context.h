// What every safety detector shares for one text: the matcher's hits over the skeleton, the
// allowed phrases and context cues found in it, and the gap policy for a match.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/safety/finding.h"
#include "content/safety/rules.h"
#include "content/safety/text.h"

namespace content::safety {

struct PhraseHit {
    uint32_t phrase;  // matcher phrase id
    uint32_t start;   // skeleton indices [start, end)
    uint32_t end;
};

class MatchContext {
public:
    MatchContext(const NormalizedText& text, const SafetyRules& rules);

    const NormalizedText& text() const { return m_text; }
    const SafetyRules& rules() const { return m_rules; }
    const std::vector<PhraseHit>& hits() const { return m_hits; }

    // Whether the characters of a match may be that far apart. Anything spam inserts inside a
    // word (spaces, dots, emoji, zero-width characters) may separate them; ordinary punctuation
    // may not, since "打击赌博、彩票诈骗" is not the term 博彩 — unless every pair of characters
    // is separated and the term has at least three ("澳，门，新，葡，京"). Block boundaries
    // (paragraphs, list items, table cells) always separate.
    bool gaps_ok(uint32_t start, uint32_t end) const;
    // A match starting or ending with a Latin letter or digit must not continue a longer Latin
    // word or number: "vx" is not found in "tvx", nor "qq" in "qqq".
    bool edges_ok(uint32_t start, uint32_t end) const;
    // Inside an occurrence of an allowed phrase ("福利彩票", "微信公众号").
    bool allowed(uint32_t start, uint32_t end) const;
    // The sentence, or the sentence that introduces its list ("常见手法如下：" before a list of
    // scams), holds a cue for `rule` or, with CueScope::AnyRule, for every rule ("严厉打击").
    enum class CueScope { AnyRule, ThisRuleOnly };
    bool condemned(uint32_t sentence, std::string_view rule,
                   CueScope scope = CueScope::AnyRule) const;

    // Whether a cue of exactly `rule` ("contact-role") lies in skeleton characters [from, to).
    bool cue_near(std::string_view rule, uint32_t from, uint32_t to) const;
    // Whether a phrase used as `use` (of cue rule `cue_rule` for cues) overlaps [from, to).
    bool phrase_in(PhraseUse use, uint32_t from, uint32_t to, std::string_view cue_rule = {}) const;

    uint32_t sentence_of(uint32_t skeleton_index) const {
        return m_text.skeleton[skeleton_index].sentence;
    }
    // A finding over skeleton characters [start, end), mapped back to the original bytes, with
    // the skeleton as its normalised text.
    SafetyFinding finding(std::string rule, uint32_t start, uint32_t end, std::string term) const;
    // A finding over units [first, last].
    SafetyFinding unit_finding(std::string rule, size_t first, size_t last, std::string term) const;

private:
    const NormalizedText& m_text;
    const SafetyRules& m_rules;
    std::vector<PhraseHit> m_hits;
    std::vector<std::pair<uint32_t, uint32_t>> m_allowed;  // skeleton spans
    std::vector<std::pair<uint32_t, uint32_t>> m_cues;     // (sentence, cue index), sorted
};

// The detectors; each appends its findings (excerpts are filled in later).
void detect_terms(const MatchContext& context, std::vector<SafetyFinding>& out);
void detect_messengers(const MatchContext& context, std::vector<SafetyFinding>& out);
void detect_mobile_numbers(const MatchContext& context, std::vector<SafetyFinding>& out);
void detect_urls(const MatchContext& context, std::vector<SafetyFinding>& out);
void detect_mixed_script(const MatchContext& context, std::vector<SafetyFinding>& out);
void detect_brand_shapes(const MatchContext& context, std::vector<SafetyFinding>& out);
void detect_suspected(const MatchContext& context, std::vector<SafetyFinding>& out);

}  // namespace content::safety
