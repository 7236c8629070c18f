// Term rules (terms/gambling.txt, porn, fraud, app-download and any file staff add): every piece
// of a term in order, within the gap policy, not inside an allowed phrase, and, unless the term
// is marked '!', not in a sentence that condemns it.
#include <optional>

#include "content/safety/context.h"

namespace content::safety {
namespace {

// A '*' in a term stands for at most this many characters: "注册*送" finds 注册送, 注册就送 and
// 注册即可获赠 but not a 送 two sentences later.
constexpr uint32_t k_max_wildcard = 4;

bool piece_at(const std::vector<SkeletonChar>& s, uint32_t at, const std::u32string& piece) {
    if (at + piece.size() > s.size()) {
        return false;
    }
    for (size_t i = 0; i < piece.size(); ++i) {
        if (s[at + i].cp != piece[i]) {
            return false;
        }
    }
    return true;
}

// Matches the pieces after the first, which ended at `end`; returns the end of the whole term.
std::optional<uint32_t> match_rest(const MatchContext& context, const SafetyTerm& term,
                                   uint32_t end) {
    const auto& s = context.text().skeleton;
    for (size_t p = 1; p < term.pieces.size(); ++p) {
        bool found = false;
        for (uint32_t skip = 0; skip <= k_max_wildcard && end + skip < s.size(); ++skip) {
            if (s[end + skip].gap & (k_gap_hard | k_gap_block)) {
                break;  // a wildcard never crosses punctuation
            }
            if (piece_at(s, end + skip, term.pieces[p])) {
                end += skip + static_cast<uint32_t>(term.pieces[p].size());
                found = true;
                break;
            }
        }
        if (!found) {
            return std::nullopt;
        }
    }
    return end;
}

}  // namespace

void detect_terms(const MatchContext& context, std::vector<SafetyFinding>& out) {
    const SafetyRules& rules = context.rules();
    for (const PhraseHit& hit : context.hits()) {
        for (const PhraseRef& use : rules.uses[hit.phrase]) {
            if (use.use != PhraseUse::TermPiece) {
                continue;
            }
            const SafetyTerm& term = rules.terms[use.index];
            const std::optional<uint32_t> end = match_rest(context, term, hit.end);
            if (!end || !context.gaps_ok(hit.start, *end) || !context.edges_ok(hit.start, *end) ||
                context.allowed(hit.start, *end)) {
                continue;
            }
            if (term.context == TermContext::Condemnable &&
                context.condemned(context.sentence_of(hit.start), term.rule)) {
                continue;
            }
            out.push_back(context.finding(term.rule, hit.start, *end, term.written));
        }
    }
}

}  // namespace content::safety
