// Parses the content safety rules files: Unicode tables first (every other line is normalised
// with them), then terms, allow-lists and cues; finally builds one matcher over every phrase.
#include "content/safety/rules.h"

#include <algorithm>
#include <functional>

#include "content/safety/pinyin_terms.h"
#include "content/safety/unicode.h"
#include "content/text_util.h"
#include "content/utf8.h"

namespace content::safety {
namespace {

using safety::char_kind;
using safety::CharKind;

// A rules line without its comment: '#' starts a comment at the start of a line or after a
// space, so "c#" could still be a term.
std::string_view strip_comment(std::string_view line) {
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
            return trim(line.substr(0, i));
        }
    }
    return trim(line);
}

class Parser {
public:
    explicit Parser(SafetyRules& rules) : m_rules(rules) {}

    void each_line(const RuleFile& file, const std::function<void(std::string_view, int)>& handle) {
        m_file = file.name;
        int number = 0;
        for (std::string_view line : split_lines(file.text)) {
            ++number;
            if (const std::string_view text = strip_comment(line); !text.empty()) {
                handle(text, number);
            }
        }
    }
    void error(int line, std::string message) {
        m_diagnostics.push_back({m_file, line, "", std::move(message)});
    }
    std::u32string phrase(std::string_view text, int line) {
        std::u32string out = normalize_phrase(text, m_rules);
        if (out.empty()) {
            error(line, "'" + std::string(text) +
                            "' has no letters, digits or characters left "
                            "after normalising; write the word itself");
        }
        return out;
    }
    std::vector<Diagnostic> take() { return std::move(m_diagnostics); }

private:
    SafetyRules& m_rules;
    std::string m_file;
    std::vector<Diagnostic> m_diagnostics;
};

std::optional<char32_t> parse_hex(std::string_view text) {
    if (text.empty() || text.size() > 6) {
        return std::nullopt;
    }
    char32_t value = 0;
    for (char c : text) {
        const int digit = (c >= '0' && c <= '9')   ? c - '0'
                          : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                          : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                                   : -1;
        if (digit < 0) {
            return std::nullopt;
        }
        value = value * 16 + static_cast<char32_t>(digit);
    }
    return value <= 0x10FFFF ? std::optional<char32_t>(value) : std::nullopt;
}

std::vector<std::string_view> split_spaces(std::string_view text) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < text.size()) {
        const size_t start = text.find_first_not_of(" \t", i);
        if (start == std::string_view::npos) {
            break;
        }
        const size_t end = std::min(text.find_first_of(" \t", start), text.size());
        out.push_back(text.substr(start, end - start));
        i = end;
    }
    return out;
}

// "FF21 0061": a code point and what it folds to, in hex.
void parse_fold(Parser& p, const RuleFile& file, SafetyRules& rules) {
    p.each_line(file, [&](std::string_view text, int line) {
        const auto parts = split_spaces(text);
        std::u32string to;
        for (size_t i = 1; i < parts.size(); ++i) {
            if (auto c = parse_hex(parts[i])) {
                to += *c;
            }
        }
        const auto from = parts.empty() ? std::nullopt : parse_hex(parts[0]);
        if (!from || to.size() + 1 != parts.size() || to.empty() ||
            to.size() > TextFolding::k_max_fold) {
            p.error(line, "expected a code point and what it folds to in hex, as in `FF21 0061`");
            return;
        }
        rules.folding.add_fold(*from, to);
    });
}

// "賭 赌": a traditional character and its simplified form.
void parse_traditional(Parser& p, const RuleFile& file, SafetyRules& rules) {
    p.each_line(file, [&](std::string_view text, int line) {
        const auto parts = split_spaces(text);
        const std::u32string from = parts.size() == 2 ? content::from_utf8(parts[0]) : U"";
        const std::u32string to = parts.size() == 2 ? content::from_utf8(parts[1]) : U"";
        if (from.size() != 1 || to.size() != 1) {
            p.error(line,
                    "expected a traditional character, a space and its simplified form, "
                    "as in `賭 赌`");
            return;
        }
        rules.folding.add_simplified(from[0], to[0]);
    });
}

// "а a": a letter of another script and the Latin letter it passes for.
void parse_homoglyphs(Parser& p, const RuleFile& file, SafetyRules& rules) {
    p.each_line(file, [&](std::string_view text, int line) {
        const auto parts = split_spaces(text);
        const std::u32string from = parts.size() == 2 ? content::from_utf8(parts[0]) : U"";
        const std::u32string to = parts.size() == 2 ? content::from_utf8(parts[1]) : U"";
        if (from.size() != 1 || to.size() != 1 || !safety::is_ascii_letter(to[0])) {
            p.error(line,
                    "expected a look-alike letter, a space and the Latin letter it passes "
                    "for, as in `а a`");
            return;
        }
        char32_t folded[TextFolding::k_max_fold];
        const size_t n = rules.folding.fold(from[0], folded);
        rules.homoglyphs[n == 1 ? folded[0] : from[0]] = to[0] | 0x20;
    });
}

void parse_terms(Parser& p, const RuleFile& file, const std::string& rule, TermLayer layer,
                 SafetyRules& rules) {
    p.each_line(file, [&](std::string_view text, int line) {
        SafetyTerm term;
        term.rule = rule;
        term.layer = layer;
        if (text.front() == '!') {
            term.context = TermContext::Always;
            text = trim(text.substr(1));
        }
        term.written = std::string(text);
        size_t start = 0;
        while (start <= text.size()) {
            const size_t star = std::min(text.find('*', start), text.size());
            const std::u32string piece = p.phrase(text.substr(start, star - start), line);
            if (piece.empty()) {
                return;
            }
            term.pieces.push_back(piece);
            start = star + 1;
        }
        rules.terms.push_back(std::move(term));
    });
}

void parse_cues(Parser& p, const RuleFile& file, SafetyRules& rules) {
    p.each_line(file, [&](std::string_view text, int line) {
        ContextCue cue{"*", {}};
        if (const size_t colon = text.find(':'); colon != std::string_view::npos) {
            cue.rule = std::string(trim(text.substr(0, colon)));
            text = trim(text.substr(colon + 1));
        }
        cue.normalized = p.phrase(text, line);
        if (!cue.normalized.empty()) {
            rules.cues.push_back(std::move(cue));
        }
    });
}

// "suffix: 娱乐", "word: 官网入口", "institution: 中国": the parts of brand-shaped names.
void parse_trade(Parser& p, const RuleFile& file, SafetyRules& rules) {
    p.each_line(file, [&](std::string_view text, int line) {
        const size_t colon = text.find(':');
        const std::string_view kind =
            colon == std::string_view::npos ? "" : trim(text.substr(0, colon));
        std::vector<std::u32string>* list = kind == "suffix"        ? &rules.trade_suffixes
                                            : kind == "word"        ? &rules.trade_words
                                            : kind == "institution" ? &rules.institutions
                                                                    : nullptr;
        if (list == nullptr) {
            p.error(line, "expected `suffix: 娱乐`, `word: 官网入口` or `institution: 中国`");
            return;
        }
        if (std::u32string phrase = p.phrase(trim(text.substr(colon + 1)), line); !phrase.empty()) {
            list->push_back(std::move(phrase));
        }
    });
}

void parse_messengers(Parser& p, const RuleFile& file, SafetyRules& rules) {
    p.each_line(file, [&](std::string_view text, int line) {
        MessengerName name;
        if (text.front() == '!') {
            name.spelling = MessengerSpelling::Evasive;
            text = trim(text.substr(1));
        }
        name.written = std::string(text);
        name.normalized = p.phrase(text, line);
        if (!name.normalized.empty()) {
            rules.messengers.push_back(std::move(name));
        }
    });
}

// Contacts, ids and domains compare as folded ASCII letters and digits: "138-0013-8000" →
// "13800138000"; domains keep their dots.
std::string ascii_key(std::string_view text, const SafetyRules& rules, bool keep_dots) {
    std::string out;
    size_t pos = 0;
    bool valid = true;
    char32_t folded[TextFolding::k_max_fold];
    while (pos < text.size()) {
        const size_t n = rules.folding.fold(safety::decode_utf8(text, pos, valid), folded);
        for (size_t i = 0; i < n; ++i) {
            const char32_t c = folded[i];
            if (safety::is_ascii_alnum(c) || (keep_dots && (c == '.' || c == '-'))) {
                out += static_cast<char>(c | (safety::is_ascii_letter(c) ? 0x20 : 0));
            }
        }
    }
    return out;
}

void parse_ascii_set(Parser& p, const RuleFile& file, const SafetyRules& rules,
                     const std::function<void(std::string, bool)>& add, bool keep_dots) {
    p.each_line(file, [&](std::string_view text, int line) {
        const bool marked = text.front() == '!';
        const std::string key = ascii_key(marked ? text.substr(1) : text, rules, keep_dots);
        if (key.empty() || key.front() == '.' || key.back() == '.') {
            p.error(line, "expected ASCII letters and digits, as in `gov.cn` or `12345`");
            return;
        }
        add(key, marked);
    });
}

bool is_rule_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

void register_phrases(SafetyRules& rules) {
    auto add = [&](const std::u32string& phrase, PhraseUse use, size_t index) {
        const uint32_t id = rules.matcher.add(phrase);
        if (rules.uses.size() <= id) {
            rules.uses.resize(id + 1);
        }
        rules.uses[id].push_back({use, static_cast<uint32_t>(index)});
    };
    for (size_t i = 0; i < rules.terms.size(); ++i) {
        add(rules.terms[i].pieces.front(), PhraseUse::TermPiece, i);
    }
    for (size_t i = 0; i < rules.spellings.size(); ++i) {
        add(rules.spellings[i].pieces.front(), PhraseUse::TermSpelling, i);
    }
    for (size_t i = 0; i < rules.allowed_phrases.size(); ++i) {
        add(rules.allowed_phrases[i], PhraseUse::AllowedPhrase, i);
    }
    for (size_t i = 0; i < rules.cues.size(); ++i) {
        add(rules.cues[i].normalized, PhraseUse::Cue, i);
    }
    for (size_t i = 0; i < rules.messengers.size(); ++i) {
        add(rules.messengers[i].normalized, PhraseUse::Messenger, i);
    }
    for (size_t i = 0; i < rules.trade_suffixes.size(); ++i) {
        add(rules.trade_suffixes[i], PhraseUse::TradeSuffix, i);
    }
    for (size_t i = 0; i < rules.trade_words.size(); ++i) {
        add(rules.trade_words[i], PhraseUse::TradeWord, i);
    }
    for (size_t i = 0; i < rules.institutions.size(); ++i) {
        add(rules.institutions[i], PhraseUse::Institution, i);
    }
    rules.matcher.build();
}

bool parse_list_file(Parser& p, const RuleFile& file, SafetyRules& rules) {
    const std::string& name = file.name;
    if (name == "allowed_phrases.txt") {
        p.each_line(file, [&](std::string_view text, int line) {
            if (std::u32string phrase = p.phrase(text, line); !phrase.empty()) {
                rules.allowed_phrases.push_back(std::move(phrase));
            }
        });
    } else if (name == "context_cues.txt") {
        parse_cues(p, file, rules);
    } else if (name == "messengers.txt") {
        parse_messengers(p, file, rules);
    } else if (name == "not_account_ids.txt") {
        p.each_line(file, [&](std::string_view text, int line) {
            rules.id_stop_words.insert(p.phrase(text, line));
        });
    } else if (name == "allowed_contacts.txt") {
        parse_ascii_set(
            p, file, rules, [&](std::string key, bool) { rules.allowed_contacts.insert(key); },
            false);
    } else if (name == "allowed_domains.txt") {
        parse_ascii_set(
            p, file, rules, [&](std::string key, bool) { rules.allowed_domains.push_back(key); },
            true);
    } else if (name == "url_tlds.txt") {
        parse_ascii_set(
            p, file, rules,
            [&](std::string key, bool bare) {
                if (bare) {
                    rules.bare_tlds.insert(key);
                }
                rules.url_tlds.insert(std::move(key));
            },
            false);
    } else {
        return false;
    }
    return true;
}

}  // namespace

uint32_t TextFolding::encode(const std::u32string& to) {
    if (to.size() == 1 && to[0] < 0x10000 && to[0] != 0) {
        return to[0];
    }
    return encode_pool(to);
}

uint32_t TextFolding::encode_pool(const std::u32string& to) {
    const auto offset = static_cast<uint32_t>(m_pool.size());
    m_pool += to;
    return k_multi | (offset << 5) | static_cast<uint32_t>(to.size());
}

void TextFolding::finish() {
    // Compose: fold first, then simplify each folded character (⾨ → 門 → 门).
    std::unordered_map<char32_t, std::u32string> all;
    for (const auto& [from, to] : m_simplified) {
        all[from] = std::u32string(1, to);
    }
    for (auto [from, to] : m_pending) {
        for (char32_t& c : to) {
            if (const auto it = m_simplified.find(c); it != m_simplified.end()) {
                c = it->second;
            }
        }
        all[from] = to;
    }
    for (const auto& [from, to] : all) {
        if (from < 0x10000) {
            m_bmp[from] = encode(to);
        } else {
            m_other[from] = encode_pool(to);
        }
    }
    m_size = all.size();
    m_pending.clear();
    m_simplified.clear();
}

std::u32string normalize_phrase(std::string_view text, const SafetyRules& rules) {
    std::u32string out;
    size_t pos = 0;
    bool valid = true;
    char32_t folded[TextFolding::k_max_fold];
    while (pos < text.size()) {
        const char32_t c = safety::decode_utf8(text, pos, valid);
        if (safety::is_invisible(c)) {
            continue;
        }
        const size_t n = rules.folding.fold(c, folded);
        for (size_t i = 0; i < n; ++i) {
            if (char_kind(folded[i]) != CharKind::Word) {
                continue;
            }
            const auto it = rules.homoglyphs.find(folded[i]);
            out += it == rules.homoglyphs.end() ? folded[i] : it->second;
        }
    }
    return out;
}

SafetyRulesResult parse_safety_rules(const std::vector<RuleFile>& files) {
    SafetyRulesResult result;
    SafetyRules rules;
    Parser p(rules);
    bool have_fold = false, have_traditional = false;
    for (const RuleFile& file : files) {
        if (file.name == "unicode/fold.txt") {
            parse_fold(p, file, rules);
            have_fold = true;
        } else if (file.name == "unicode/traditional.txt") {
            parse_traditional(p, file, rules);
            have_traditional = true;
        } else if (file.name == "unicode/lookalike.txt") {
            parse_fold(p, file, rules);  // same format: radicals and emoji read as characters
        }
    }
    rules.folding.finish();
    for (const RuleFile& file : files) {
        if (file.name == "homoglyphs.txt") {
            parse_homoglyphs(p, file, rules);
        }
    }
    for (const RuleFile& file : files) {
        const std::string& name = file.name;
        if (name.starts_with("unicode/") || name == "homoglyphs.txt" ||
            parse_list_file(p, file, rules)) {
            continue;
        }
        if (name == "trade.txt") {
            parse_trade(p, file, rules);
            continue;
        }
        if (name == "scorer/model.txt") {
            std::vector<Diagnostic> problems;
            rules.scorer = Scorer::parse(name, file.text, problems);
            result.diagnostics.insert(result.diagnostics.end(), problems.begin(), problems.end());
            continue;
        }
        const bool is_template = name.starts_with("templates/");
        const size_t folder = is_template ? 10 : 6;
        const std::string stem = name.size() > folder + 4 &&
                                         (is_template || name.starts_with("terms/")) &&
                                         name.ends_with(".txt")
                                     ? name.substr(folder, name.size() - folder - 4)
                                     : "";
        if (is_rule_id(stem)) {
            parse_terms(p, file, stem, is_template ? TermLayer::Template : TermLayer::List, rules);
        } else {
            result.diagnostics.push_back(
                {name, 0, "",
                 "not a rules file; term files go in terms/<rule>.txt (templates in "
                 "templates/<rule>.txt) with a rule name of lowercase letters, digits and '-' "
                 "(see README.md)"});
        }
    }
    result.diagnostics = [&] {
        auto d = p.take();
        d.insert(d.end(), result.diagnostics.begin(), result.diagnostics.end());
        return d;
    }();
    for (const auto& [present, name] : {std::pair{have_fold, "unicode/fold.txt"},
                                        std::pair{have_traditional, "unicode/traditional.txt"}}) {
        if (!present) {
            result.diagnostics.push_back(
                {name, 0, "",
                 "missing; regenerate it with content/safety/rules/unicode/generate.py"});
        }
    }
    if (result.diagnostics.empty()) {
        add_pinyin_terms(rules);
        register_phrases(rules);
        result.rules = std::move(rules);
    }
    return result;
}

}  // namespace content::safety
