// Normalising for matching: what a word reads as after folding width, case, compatibility forms,
// traditional characters and look-alike letters, and dropping what spam inserts between letters.
#include <doctest/doctest.h>

#include "content/safety/rules.h"
#include "tests/content/safety/fixture.h"

using content::safety::normalize_phrase;
using safety_test::shipped_rules;

TEST_CASE("normalise: width, case, compatibility forms and traditional characters fold") {
    struct Row {
        const char* guards;
        const char* text;
        const char32_t* reads;
    };
    static const Row rows[] = {
        {"full-width letters", "ＡＰＰ", U"app"},
        {"upper case", "VIP", U"vip"},
        {"circled digits", "①③⑧", U"138"},
        {"negative circled digits (not in NFKC)", "❶❸❽", U"138"},
        {"mathematical bold letters", "𝐕𝐗", U"vx"},
        {"a ligature", "ﬁ", U"fi"},
        {"accents", "Café", U"cafe"},
        {"Kangxi radicals", "⼤⼈", U"大人"},
        {"traditional characters", "澳門賭場", U"澳门赌场"},
        {"the traditional 點 of 點com", "點", U"点"},
        {"幺 stays 幺 (a digit in phone numbers)", "幺", U"幺"},
        {"Cyrillic look-alikes", "аррlе", U"apple"},
        {"separators and invisible characters drop", "博.彩 网\u200b站🎲！", U"博彩网站"},
        {"superscripts", "ᵛˣ", U"vx"},
        {"regional indicator letters", "🇻🇽", U"vx"},
    };
    for (const Row& row : rows) {
        const std::string guards = row.guards;
        CAPTURE(guards);
        CHECK(normalize_phrase(row.text, shipped_rules()) == std::u32string(row.reads));
    }
}

TEST_CASE("normalise: the generated tables are loaded in full") {
    // fold.txt has about 5,000 NFKC mappings and traditional.txt about 6,000 pairs; a truncated
    // file would quietly weaken matching.
    CHECK(shipped_rules().folding.size() > 10000);
    CHECK(shipped_rules().homoglyphs.size() > 30);
    CHECK(shipped_rules().terms.size() > 200);
}
