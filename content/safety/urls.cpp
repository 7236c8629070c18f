// URL rules: web addresses and domain names that are not on the allow-list, however the dots
// are spelt (．, 。, 点, dot, (.), [.]), and QQ numbers written as e-mail addresses.
#include <cctype>
#include <optional>
#include <string>

#include "content/safety/context.h"

namespace content::safety {
namespace {

struct Domain {
    size_t first;  // units [first, end)
    size_t end;
    std::vector<std::string> labels;
};

bool is_label_char(char32_t c) {
    return is_ascii_alnum(c) || c == '-';
}

bool is_dot_char(char32_t c) {
    return c == '.' || c == 0x3002 || c == U'点' || c == 0xB7 || c == 0x30FB || c == U'丶';
}

bool is_open_bracket(char32_t c) {
    return c == '(' || c == '[' || c == '{' || c == 0x3010 || c == 0x3014;
}
bool is_close_bracket(char32_t c) {
    return c == ')' || c == ']' || c == '}' || c == 0x3011 || c == 0x3015;
}

// The dots spam writes in domain names: "." (full-width "．" is folded to it), "。", "点" (and
// 點, simplified already), "·", "・", "丶", the word "dot", each optionally in brackets and with
// up to two spaces around. Returns the unit after the dot, or nothing.
// The dots spam writes in domain names: "." (full-width "．" is folded to it), "。", "点" (and
// 點, simplified already), "·", "・", "丶", the word "dot", each optionally in brackets and with
// up to two spaces around. A plain "." with spaces before it but none after is not one: that is
// a file ending in running text ("GNU .mo 格式", ".NET 平台"). Returns the unit after the dot.
// An English sentence is not a domain: "the arrival. Online registration" has a full stop, a
// space and a capitalised word ("Online", not "ONLINE" or "online"), which no address has.
bool starts_sentence(const std::vector<Unit>& u, std::string_view source, size_t k) {
    if (source.empty() || k + 1 >= u.size() || u[k].end - u[k].begin != 1 ||
        u[k + 1].end - u[k + 1].begin != 1) {
        return false;
    }
    const char first = source[u[k].begin];
    const char second = source[u[k + 1].begin];
    return first >= 'A' && first <= 'Z' && second >= 'a' && second <= 'z';
}

std::optional<size_t> read_dot(const std::vector<Unit>& u, size_t k, std::string_view source = {}) {
    auto skip_spaces = [&](size_t i) {
        for (int n = 0; n < 2 && i < u.size() && u[i].kind == CharKind::Space; ++n) {
            ++i;
        }
        return i;
    };
    const size_t start = k;
    k = skip_spaces(k);
    const bool spaced_before = k > start;
    const bool bracket = k < u.size() && is_open_bracket(u[k].cp);
    k += bracket ? 1 : 0;
    if (k >= u.size()) {
        return std::nullopt;
    }
    const char32_t c = u[k].cp;
    const bool plain_dot = c == '.' && !bracket;
    if (is_dot_char(c)) {
        ++k;
    } else if (c == 'd' && k + 2 < u.size() && u[k + 1].cp == 'o' && u[k + 2].cp == 't' &&
               (spaced_before || bracket) && (k + 3 >= u.size() || !is_label_char(u[k + 3].cp))) {
        k += 3;
    } else {
        return std::nullopt;
    }
    if (bracket) {
        if (k >= u.size() || !is_close_bracket(u[k].cp)) {
            return std::nullopt;
        }
        ++k;
    }
    const size_t after = skip_spaces(k);
    if (plain_dot && spaced_before && after == k) {
        return std::nullopt;
    }
    if (plain_dot && after > k && starts_sentence(u, source, after)) {
        return std::nullopt;
    }
    return after;
}

// A label is letters, digits and inner hyphens; spam also spaces every character out
// ("x p j 8 8 8 . c o m"), which counts when every character stands alone between spaces.
size_t read_label(const std::vector<Unit>& u, size_t k, std::string& label) {
    label.clear();
    while (k < u.size() && is_label_char(u[k].cp) && !(label.empty() && u[k].cp == '-')) {
        label += static_cast<char>(u[k].cp);
        ++k;
    }
    auto spaced_next = [&](size_t i) {  // " x" followed by a space, a dot or the end
        return i + 1 < u.size() && u[i].kind == CharKind::Space && is_ascii_alnum(u[i + 1].cp) &&
               (i + 2 >= u.size() || u[i + 2].kind == CharKind::Space || is_dot_char(u[i + 2].cp) ||
                !is_label_char(u[i + 2].cp));
    };
    if (label.size() == 1 && spaced_next(k) && spaced_next(k + 2)) {
        while (spaced_next(k)) {
            label += static_cast<char>(u[k + 1].cp);
            k += 2;
        }
    }
    return k;
}

Domain read_domain(const std::vector<Unit>& u, size_t first, std::string_view source) {
    Domain d{first, first, {}};
    std::string label;
    size_t k = read_label(u, first, label);
    d.labels.push_back(label);
    d.end = k;
    while (const auto after_dot = read_dot(u, k, source)) {
        const size_t next = read_label(u, *after_dot, label);
        if (label.empty()) {
            break;
        }
        d.labels.push_back(label);
        d.end = k = next;
    }
    return d;
}

bool preceded_by(const std::vector<Unit>& u, size_t k, std::string_view text) {
    if (k < text.size()) {
        return false;
    }
    for (size_t i = 0; i < text.size(); ++i) {
        if (u[k - text.size() + i].cp != static_cast<unsigned char>(text[i])) {
            return false;
        }
    }
    return true;
}

std::string joined(const std::vector<std::string>& labels) {
    std::string out;
    for (const std::string& l : labels) {
        out += (out.empty() ? "" : ".") + l;
    }
    return out;
}

bool domain_allowed(const std::string& domain, const SafetyRules& rules) {
    for (const std::string& suffix : rules.allowed_domains) {
        if (domain == suffix || (domain.size() > suffix.size() && domain.ends_with(suffix) &&
                                 domain[domain.size() - suffix.size() - 1] == '.')) {
            return true;
        }
    }
    return false;
}

// An e-mail address is a contact only when it is a QQ number (12345678@qq.com); other
// addresses are left alone, since offices publish theirs.
void check_email(const MatchContext& context, const Domain& d, std::vector<SafetyFinding>& out) {
    const auto& u = context.text().units;
    size_t local = d.first - 1;
    while (local > 0 && is_ascii_digit(u[local - 1].cp)) {
        --local;
    }
    const size_t digits = d.first - 1 - local;
    const bool word_before = local > 0 && is_label_char(u[local - 1].cp);
    const std::string domain = joined(d.labels);
    if (!word_before && digits >= 5 && digits <= 12 &&
        (domain == "qq.com" || domain == "vip.qq.com" || domain == "foxmail.com")) {
        SafetyFinding f = context.unit_finding("contact", local, d.end - 1, "QQ e-mail");
        f.layer = "contact";
        f.reason = "a QQ number written as an e-mail address";
        out.push_back(std::move(f));
    }
}

void check_domain(const MatchContext& context, const Domain& d, std::vector<SafetyFinding>& out) {
    const auto& u = context.text().units;
    const SafetyRules& rules = context.rules();
    size_t first = d.first;
    const bool scheme = preceded_by(u, first, "://");
    if (scheme) {
        first -= 3;
        while (first > 0 && is_ascii_letter(u[first - 1].cp)) {
            --first;
        }
    }
    // Another scheme (ftp://, file://) is never a plain web link, whatever the host.
    std::string scheme_name;
    for (size_t i = first; scheme && i + 3 < d.first; ++i) {
        scheme_name += static_cast<char>(std::tolower(static_cast<int>(u[i].cp)));
    }
    if (scheme && scheme_name != "http" && scheme_name != "https") {
        out.push_back(context.unit_finding("url", first, d.end - 1, scheme_name + ": link"));
        return;
    }
    const bool www = d.labels.size() >= 2 && d.labels.front() == "www";
    const bool tld = d.labels.size() >= 2 && rules.url_tlds.contains(d.labels.back());
    if (!(scheme || www || tld)) {
        return;
    }
    const std::string domain = joined(d.labels);
    if (!domain_allowed(domain, rules)) {
        SafetyFinding f = context.unit_finding("url", first, d.end - 1, domain);
        f.layer = "url";
        f.normalized = domain;
        f.reason = "the address \"" + domain +
                   "\" is not under an allowed domain (allowed_domains.txt: gov.cn, edu.cn and "
                   "the national sites listed there, plus the deployment's own)";
        out.push_back(std::move(f));
    }
}

// "澳门新葡京点com", "。com": a dot and a common top-level domain with no name before it.
void check_bare_tld(const MatchContext& context, size_t k, std::vector<SafetyFinding>& out) {
    const auto& u = context.text().units;
    if (!is_dot_char(u[k].cp) && !is_open_bracket(u[k].cp)) {
        return;  // the common case, checked before anything else
    }
    // After Chinese text ("新葡京.com", "新葡京点com"), or spelt in Chinese anywhere; not after a
    // space (".NET", "GNU .mo"), where it is the ending of a name in running text.
    const bool after_text = k > 0 && u[k - 1].kind == CharKind::Word && u[k - 1].cp >= 0x80;
    if (!after_text && u[k].cp != U'点' && u[k].cp != 0x3002) {
        return;
    }
    const auto after_dot = read_dot(u, k);
    if (!after_dot) {
        return;
    }
    std::string label;
    const size_t end = read_label(u, *after_dot, label);
    if (context.rules().bare_tlds.contains(label)) {
        SafetyFinding f = context.unit_finding("url", k, end - 1, "." + label);
        f.layer = "url";
        f.reason = "a dot and the top-level domain \"" + label +
                   "\" written after text, an address with its name spelt apart";
        out.push_back(std::move(f));
    }
}

// Whether the '@' at `at` ends the user-name part of a URL: "://" earlier in the same run of
// non-space characters.
bool user_info_before(const std::vector<Unit>& u, size_t at) {
    for (size_t i = at; i >= 3; --i) {
        if (u[i - 1].kind == CharKind::Space) {
            return false;
        }
        if (u[i - 1].cp == '/' && u[i - 2].cp == '/' && u[i - 3].cp == ':') {
            return true;
        }
    }
    return false;
}

bool is_script_scheme(const std::string& label) {
    return label == "javascript" || label == "vbscript" || label == "data";
}

}  // namespace

void detect_urls(const MatchContext& context, std::vector<SafetyFinding>& out) {
    const auto& u = context.text().units;
    for (size_t k = 0; k < u.size();) {
        const bool after_label = k > 0 && is_label_char(u[k - 1].cp);
        if (!is_ascii_alnum(u[k].cp) || after_label) {
            if (!after_label) {
                check_bare_tld(context, k, out);
            }
            ++k;
            continue;
        }
        const Domain d = read_domain(u, k, context.text().source);
        if (k > 0 && u[k - 1].cp == '@' && user_info_before(u, k - 1)) {
            // "https://www.gov.cn@evil.example/": the host is the part after the '@'.
            out.push_back(context.unit_finding("url", k, d.end - 1,
                                               "user name in address: " + joined(d.labels)));
        } else if (d.labels.size() == 1 && d.end < u.size() && u[d.end].cp == ':' &&
                   is_script_scheme(d.labels.front())) {
            out.push_back(context.unit_finding("url", k, d.end, d.labels.front() + ": link"));
        } else if (k > 0 && u[k - 1].cp == '@') {
            check_email(context, d, out);
        } else if (d.labels.size() >= 2) {
            check_domain(context, d, out);
        }
        k = d.end;
    }
}

}  // namespace content::safety
