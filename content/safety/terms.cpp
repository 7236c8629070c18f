// Term rules (terms/gambling.txt, porn, fraud, app-download and any file staff add, their pinyin
// spellings and templates/*.txt): every piece of a term in order, within the gap policy, not
// inside an allowed phrase, and, unless the term is marked '!', not in a sentence that condemns it.
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

// A template ("最新官方版下载") names the product before it: the finding covers up to six
// characters of that name, back to the punctuation before it, so the reviewer sees the brand.
constexpr uint32_t k_max_name = 6;

uint32_t name_start(const std::vector<SkeletonChar>& s, uint32_t start) {
    for (uint32_t n = 0; n < k_max_name && start > 0 &&
                         !(s[start].gap & (k_gap_hard | k_gap_sentence | k_gap_block));
         ++n) {
        --start;
    }
    return start;
}

// A pinyin spelling stands alone: no letter or digit touches it ("xpj" is not found in xpj888).
bool whole_latin_word(const std::vector<SkeletonChar>& s, uint32_t start, uint32_t end) {
    const bool before = start > 0 && s[start].gap == 0 && is_ascii_alnum(s[start - 1].cp);
    const bool after = end < s.size() && s[end].gap == 0 && is_ascii_alnum(s[end].cp);
    return !before && !after;
}

void explain(const SafetyTerm& term, SafetyFinding& f) {
    const std::string file =
        (term.layer == TermLayer::Template ? "templates/" : "terms/") + term.rule + ".txt";
    const std::string where =
        term.context == TermContext::Always
            ? "; it is a brand name or explicit slang, flagged wherever it stands"
            : "; its sentence has no cue that condemns it";
    switch (term.layer) {
        case TermLayer::List:
            f.layer = "list";
            f.reason = "the text reads \"" + f.normalized + "\", the term \"" + term.written +
                       "\" of " + file + where;
            break;
        case TermLayer::Pinyin:
            f.layer = "pinyin";
            f.reason = "the Latin run \"" + f.normalized +
                       "\" spells a listed term in pinyin or initials: " + term.written + where;
            break;
        case TermLayer::Template:
            f.layer = "template";
            f.reason = "\"" + term.written + "\" is a phrasing of the trade (" + file +
                       "), whatever name stands before it; here \"" + f.normalized + "\"" + where;
            break;
    }
}

}  // namespace

void detect_terms(const MatchContext& context, std::vector<SafetyFinding>& out) {
    const SafetyRules& rules = context.rules();
    for (const PhraseHit& hit : context.hits()) {
        for (const PhraseRef& use : rules.uses[hit.phrase]) {
            if (use.use != PhraseUse::TermPiece && use.use != PhraseUse::TermSpelling) {
                continue;
            }
            const SafetyTerm& term = use.use == PhraseUse::TermPiece ? rules.terms[use.index]
                                                                     : rules.spellings[use.index];
            const std::optional<uint32_t> end = match_rest(context, term, hit.end);
            if (!end || !context.gaps_ok(hit.start, *end) || !context.edges_ok(hit.start, *end) ||
                context.allowed(hit.start, *end)) {
                continue;
            }
            if (term.context == TermContext::Condemnable &&
                context.condemned(context.sentence_of(hit.start), term.rule)) {
                continue;
            }
            const uint32_t start = term.layer == TermLayer::Template
                                       ? name_start(context.text().skeleton, hit.start)
                                       : hit.start;
            if (term.layer == TermLayer::Pinyin &&
                !whole_latin_word(context.text().skeleton, hit.start, *end)) {
                continue;  // xpj888.com is the url rule's; a spelling is a word of its own
            }
            if (term.layer == TermLayer::Template &&
                context.phrase_in(PhraseUse::Institution, start, hit.start)) {
                continue;  // 区政府官网入口: the name is an institution's
            }
            SafetyFinding f = context.finding(term.rule, start, *end, term.written);
            explain(term, f);
            out.push_back(std::move(f));
        }
    }
}

}  // namespace content::safety
