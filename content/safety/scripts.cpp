// Look-alike spellings: a word that mixes Latin letters with Cyrillic or Greek ones that pass for
// Latin ("аpp" with Cyrillic а), or a word made only of such letters ("АРР" in Cyrillic).
// Single Greek letters in ordinary text (α, β, μg) pass: they are not look-alikes of a word.
#include "content/safety/context.h"

namespace content::safety {

void detect_mixed_script(const MatchContext& context, std::vector<SafetyFinding>& out) {
    const auto& u = context.text().units;
    const auto& homoglyphs = context.rules().homoglyphs;
    auto is_letter = [&](char32_t c) {
        if (c < 0x80 || c >= 0x3400) {
            return is_ascii_letter(c);  // the common cases: ASCII and Han characters
        }
        return is_latin_letter(c) || is_greek_or_cyrillic(c) || homoglyphs.contains(c);
    };
    for (size_t k = 0; k < u.size();) {
        if (!is_letter(u[k].cp)) {
            ++k;
            continue;
        }
        size_t end = k;
        int latin = 0, lookalike = 0, foreign = 0;
        std::string reading;
        for (; end < u.size() && is_letter(u[end].cp); ++end) {
            const char32_t c = u[end].cp;
            if (const auto it = c < 0x80 ? homoglyphs.end() : homoglyphs.find(c);
                it != homoglyphs.end()) {
                ++lookalike;
                reading += static_cast<char>(it->second);
            } else if (is_latin_letter(c)) {
                ++latin;
                if (is_ascii_letter(c)) {
                    reading += static_cast<char>(c);
                }
            } else {
                ++foreign;
            }
        }
        if ((latin > 0 && lookalike > 0) || (latin == 0 && foreign == 0 && lookalike >= 2)) {
            out.push_back(context.unit_finding("mixed-script", k, end - 1, reading));
        }
        k = end;
    }
}

}  // namespace content::safety
