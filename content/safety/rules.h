// Content safety rules: the terms, allow-lists and Unicode tables the checker matches against,
// parsed from the data files in content/safety/rules/ (the format is in
// content/safety/rules/README.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "content/diagnostic.h"
#include "content/safety/matcher.h"
#include "content/safety/scorer.h"

namespace content::safety {

// Whether a term is let through in a sentence that condemns it. "六合彩" is Condemnable: in
// "严禁组织六合彩、百家乐等赌博活动" the sentence holds the cue 严禁 and passes. A brand name such
// as "!澳门新葡京" (the '!' in the file) is Always: no notice needs to name it.
enum class TermContext { Condemnable, Always };

// Where a term comes from: a line of terms/<rule>.txt, the Latin reading of such a line made
// when the rules load ("百家乐" → "baijiale", "澳门新葡京" → "amxpj"), or a phrasing of the trade
// in templates/<rule>.txt ("最新官方版下载"), whose finding also covers the name before it.
enum class TermLayer { List, Pinyin, Template };

struct SafetyTerm {
    std::string rule;                    // the file's stem: terms/gambling.txt → "gambling"
    std::string written;                 // as written in the file, without '!': "注册*送"
    std::vector<std::u32string> pieces;  // normalised literal pieces between '*' wildcards
    TermContext context = TermContext::Condemnable;
    TermLayer layer = TermLayer::List;
};

// Plain names (微信, QQ) are flagged only with an account id after them; evasive spellings that
// only spam uses (V信, 薇信, 扣扣; '!' in the file) are flagged alone too, unless condemned.
enum class MessengerSpelling { Plain, Evasive };

struct MessengerName {
    std::string written;
    std::u32string normalized;
    MessengerSpelling spelling = MessengerSpelling::Plain;
};

// A word that marks a sentence as condemning or explaining, not advertising ("打击", "谨防"), or,
// for one rule only, a name that makes a match legitimate ("app-download: 国家反诈中心").
struct ContextCue {
    std::string rule;  // "*" for every rule
    std::u32string normalized;
};

// One rules file as read by the loader; `name` is relative to the rules folder.
struct RuleFile {
    std::string name;
    std::string text;
};

// Folding for matching: NFKC compatibility forms, case, diacritics, traditional → simplified.
class TextFolding {
public:
    // Writes what `c` folds to into `out` (at most k_max_fold code points) and returns how many.
    size_t fold(char32_t c, char32_t* out) const {
        if (c < 0x10000) {
            const uint32_t e = m_bmp[c];
            if (e == 0) {
                out[0] = c;
                return 1;
            }
            if ((e & k_multi) == 0) {
                out[0] = e;
                return 1;
            }
            return copy_pool(e, out);
        }
        const auto it = m_other.find(c);
        if (it == m_other.end()) {
            out[0] = c;
            return 1;
        }
        return copy_pool(it->second, out);
    }
    static constexpr size_t k_max_fold = 18;

    // Building: compatibility folds, then traditional → simplified pairs, then finish().
    void add_fold(char32_t from, std::u32string to) { m_pending[from] = std::move(to); }
    void add_simplified(char32_t from, char32_t to) { m_simplified[from] = to; }
    void finish();
    size_t size() const { return m_size; }

private:
    static constexpr uint32_t k_multi = 0x80000000;
    size_t copy_pool(uint32_t e, char32_t* out) const {
        const uint32_t offset = (e & ~k_multi) >> 5;
        const uint32_t length = e & 31;
        for (uint32_t i = 0; i < length; ++i) {
            out[i] = m_pool[offset + i];
        }
        return length;
    }
    uint32_t encode(const std::u32string& to);
    uint32_t encode_pool(const std::u32string& to);

    std::vector<uint32_t> m_bmp = std::vector<uint32_t>(0x10000, 0);
    std::unordered_map<char32_t, uint32_t> m_other;
    std::u32string m_pool;
    std::unordered_map<char32_t, std::u32string> m_pending;
    std::unordered_map<char32_t, char32_t> m_simplified;
    size_t m_size = 0;
};

// What a matcher phrase is used for.
enum class PhraseUse : uint8_t {
    TermPiece,
    AllowedPhrase,
    Cue,
    Messenger,
    TermSpelling,  // a pinyin or initials spelling of a term (SafetyRules::spellings)
    TradeSuffix,   // trade.txt "suffix:"
    TradeWord,     // trade.txt "word:"
    Institution,   // trade.txt "institution:"
};
struct PhraseRef {
    PhraseUse use;
    uint32_t index;  // into terms, spellings, allowed_phrases, cues, messengers or trade lists
};

struct SafetyRules {
    TextFolding folding;
    std::unordered_map<char32_t, char32_t> homoglyphs;  // folded Cyrillic/Greek → Latin: а → a
    std::vector<SafetyTerm> terms;
    std::vector<SafetyTerm> spellings;  // made from terms when the rules load (pinyin_terms.h)
    std::vector<std::u32string> allowed_phrases;
    std::vector<ContextCue> cues;
    std::vector<MessengerName> messengers;
    std::unordered_set<std::u32string> id_stop_words;  // not account ids: "wechat", "app"
    std::unordered_set<std::string> allowed_contacts;  // digits of numbers, lower-case ids
    std::vector<std::string> allowed_domains;          // suffixes: "gov.cn"
    std::unordered_set<std::string> url_tlds;          // "com", "cc", "top"
    std::unordered_set<std::string> bare_tlds;         // also flagged with no name: "点com"
    // trade.txt: suffixes of brand-shaped names (娱乐, 体育), the trade's words (注册, 官网入口)
    // and the words that make such a name an institution (中国, 全民健身).
    std::vector<std::u32string> trade_suffixes;
    std::vector<std::u32string> trade_words;
    std::vector<std::u32string> institutions;
    Scorer scorer;  // scorer/model.txt; empty (scores nothing) when the file is absent

    safety::PhraseMatcher matcher;             // every phrase above, normalised
    std::vector<std::vector<PhraseRef>> uses;  // by matcher phrase id
};

struct SafetyRulesResult {
    std::optional<SafetyRules> rules;  // set when there are no diagnostics
    std::vector<Diagnostic> diagnostics;
};

// Parses the rules files (pure: the loader reads them). Unknown file names are errors, so a
// misspelt file is not silently ignored; every bad line is a diagnostic naming file and line.
SafetyRulesResult parse_safety_rules(const std::vector<RuleFile>& files);

// A phrase as the matcher sees it: folded, simplified, look-alikes mapped, separators dropped.
// "澳門 新葡京" → "澳门新葡京", "ＶＸ" → "vx".
std::u32string normalize_phrase(std::string_view text, const SafetyRules& rules);

}  // namespace content::safety
