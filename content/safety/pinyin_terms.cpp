// Makes the pinyin and initials spellings of the listed terms (see pinyin_terms.h).
#include "content/safety/pinyin_terms.h"

#include <optional>
#include <unordered_set>

#include "content/safety/unicode.h"
#include "content/search/readings.h"

namespace content::safety {
namespace {

constexpr size_t k_min_pinyin_letters = 4;  // "dubo" (赌博); shorter readings are words
constexpr size_t k_min_initials = 4;        // "wsbc" (网上博彩)
constexpr size_t k_min_brand_initials = 3;  // "xpj" (新葡京), brand names only

struct Spelling {
    std::u32string full;
    std::u32string initials;
};

std::optional<Spelling> spell(const std::u32string& term) {
    Spelling s;
    for (char32_t c : term) {
        const search::pinyin::Readings r = search::pinyin::readings(c);
        if (r.empty()) {
            return std::nullopt;  // not a Han character: a Latin or mixed term ("bet365")
        }
        const std::string_view syllable = search::pinyin::syllable_text(r[0]);
        s.full.append(syllable.begin(), syllable.end());
        s.initials += static_cast<char32_t>(syllable.front());
    }
    return s;
}

}  // namespace

void add_pinyin_terms(SafetyRules& rules) {
    std::unordered_set<std::u32string> known;
    for (const SafetyTerm& t : rules.terms) {
        if (t.pieces.size() == 1) {
            known.insert(t.pieces.front());
        }
    }
    for (const SafetyTerm& term : rules.terms) {
        if (term.layer != TermLayer::List || term.pieces.size() != 1) {
            continue;
        }
        const std::optional<Spelling> s = spell(term.pieces.front());
        if (!s) {
            continue;
        }
        auto add = [&](const std::u32string& latin, const char* how) {
            if (!known.insert(latin).second) {
                return;
            }
            SafetyTerm t = term;
            t.layer = TermLayer::Pinyin;
            t.pieces = {latin};
            t.written = term.written + " (" + how + " " + to_utf8(latin) + ")";
            rules.spellings.push_back(std::move(t));
        };
        if (s->full.size() >= k_min_pinyin_letters) {
            add(s->full, "pinyin");
        }
        const size_t min_initials =
            term.context == TermContext::Always ? k_min_brand_initials : k_min_initials;
        if (s->initials.size() >= min_initials) {
            add(s->initials, "initials");
        }
    }
}

}  // namespace content::safety
