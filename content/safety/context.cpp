// One matcher pass over the skeleton, and the policies every detector applies to a match.
#include "content/safety/context.h"

#include <algorithm>

namespace content::safety {

MatchContext::MatchContext(const NormalizedText& text, const SafetyRules& rules)
    : m_text(text), m_rules(rules) {
    uint32_t state = 0;
    const auto& skeleton = text.skeleton;
    for (size_t i = 0; i < skeleton.size(); ++i) {
        state = rules.matcher.step(state, skeleton[i].cp, i + 1, [&](uint32_t phrase, size_t end) {
            const auto start = static_cast<uint32_t>(end - rules.matcher.phrase_length(phrase));
            m_hits.push_back({phrase, start, static_cast<uint32_t>(end)});
        });
    }
    for (const PhraseHit& hit : m_hits) {
        if (!gaps_ok(hit.start, hit.end)) {
            continue;
        }
        for (const PhraseRef& use : rules.uses[hit.phrase]) {
            if (use.use == PhraseUse::AllowedPhrase) {
                m_allowed.emplace_back(hit.start, hit.end);
            } else if (use.use == PhraseUse::Cue) {
                m_cues.emplace_back(sentence_of(hit.start), use.index);
            }
        }
    }
    std::sort(m_cues.begin(), m_cues.end());
}

bool MatchContext::gaps_ok(uint32_t start, uint32_t end) const {
    int hard = 0, separated = 0;
    for (uint32_t k = start + 1; k < end; ++k) {
        const uint8_t gap = m_text.skeleton[k].gap;
        if (gap & k_gap_block) {
            return false;
        }
        hard += (gap & k_gap_hard) ? 1 : 0;
        separated += (gap & k_gap_any) ? 1 : 0;
    }
    const auto length = static_cast<int>(end - start);
    return hard == 0 || (length >= 3 && separated == length - 1);
}

bool MatchContext::edges_ok(uint32_t start, uint32_t end) const {
    const auto& s = m_text.skeleton;
    auto same_class = [](char32_t a, char32_t b) {
        return (is_ascii_letter(a) && is_ascii_letter(b)) ||
               (is_ascii_digit(a) && is_ascii_digit(b));
    };
    if (start > 0 && s[start].gap == 0 && same_class(s[start - 1].cp, s[start].cp)) {
        return false;
    }
    if (end < s.size() && s[end].gap == 0 && same_class(s[end - 1].cp, s[end].cp)) {
        return false;
    }
    return true;
}

bool MatchContext::allowed(uint32_t start, uint32_t end) const {
    return std::any_of(m_allowed.begin(), m_allowed.end(),
                       [&](const auto& span) { return span.first <= start && end <= span.second; });
}

bool MatchContext::condemned(uint32_t sentence, std::string_view rule, CueScope scope) const {
    auto has_cue = [&](uint32_t s) {
        auto it = std::lower_bound(m_cues.begin(), m_cues.end(), std::make_pair(s, 0u));
        for (; it != m_cues.end() && it->first == s; ++it) {
            const std::string& cue_rule = m_rules.cues[it->second].rule;
            if ((cue_rule == "*" && scope == CueScope::AnyRule) || cue_rule == rule) {
                return true;
            }
        }
        return false;
    };
    const uint32_t intro = m_text.sentence_intro[sentence];
    return has_cue(sentence) || (intro != k_no_sentence && has_cue(intro));
}

SafetyFinding MatchContext::finding(std::string rule, uint32_t start, uint32_t end,
                                    std::string term) const {
    const auto& s = m_text.skeleton;
    SafetyFinding f =
        unit_finding(std::move(rule), s[start].unit, s[end - 1].unit, std::move(term));
    f.normalized.clear();
    for (uint32_t k = start; k < end; ++k) {
        append_utf8(f.normalized, s[k].cp);
    }
    return f;
}

SafetyFinding MatchContext::unit_finding(std::string rule, size_t first, size_t last,
                                         std::string term) const {
    SafetyFinding f;
    f.rule = std::move(rule);
    f.start = m_text.units[first].begin;
    f.end = m_text.units[last].end;
    f.term = std::move(term);
    for (size_t k = first; k <= last; ++k) {
        if (m_text.units[k].kind == CharKind::Word || m_text.units[k].cp == '.') {
            append_utf8(f.normalized, m_text.units[k].cp);
        }
    }
    return f;
}

bool MatchContext::cue_near(std::string_view rule, uint32_t from, uint32_t to) const {
    return phrase_in(PhraseUse::Cue, from, to, rule);
}

bool MatchContext::phrase_in(PhraseUse use_kind, uint32_t from, uint32_t to,
                             std::string_view cue_rule) const {
    for (const PhraseHit& hit : m_hits) {
        if (hit.end <= from || hit.start >= to) {
            continue;
        }
        for (const PhraseRef& use : m_rules.uses[hit.phrase]) {
            if (use.use == use_kind &&
                (use_kind != PhraseUse::Cue || m_rules.cues[use.index].rule == cue_rule)) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace content::safety
