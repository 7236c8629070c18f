// Contact rules: mobile numbers however they are spelt, and messenger names with an account id
// after them (or evasive spellings of them), unless the number or id is on the allow-list.
#include <algorithm>
#include <array>
#include <string>

#include "content/safety/context.h"

namespace content::safety {
namespace {

// Characters that may stand between a messenger name and the id: 微信号码：abc123,
// QQ群号 12345678, 加我微信好友 abc123.
bool is_filler(char32_t c) {
    static constexpr std::u32string_view k_fillers =
        U"号码是为搜索加添好友联系私聊群我的咨询请备注直接同";
    return k_fillers.find(c) != std::u32string_view::npos;
}

// QQ numbers are 5 to 12 digits; WeChat ids are letters and digits, usually with a digit.
bool looks_like_id(const std::string& id) {
    bool digit = false, letter = false;
    for (char c : id) {
        (is_ascii_digit(static_cast<unsigned char>(c)) ? digit : letter) = true;
    }
    if (!letter) {
        return id.size() >= 5 && id.size() <= 12;
    }
    return id.size() <= 24 && (digit ? id.size() >= 5 : id.size() >= 6);
}

struct Id {
    uint32_t start;
    uint32_t end;
    std::string text;
};

// One- and two-letter Latin names (V, Q, TG) are ordinary letters in other text ("Q3 2026",
// "甘油三酯(TG) 2.35 mmol/L" in a health check), so they need a colon before the id:
// "V：abc123". QQ, VX and WX are written with the id right after them and mean nothing else.
bool needs_colon(const std::u32string& name) {
    return name.size() <= 2 && std::all_of(name.begin(), name.end(), is_ascii_letter) &&
           name != U"qq" && name != U"vx" && name != U"wx";
}

std::optional<Id> id_after(const MatchContext& context, uint32_t name_end,
                           const std::u32string& name) {
    const auto& s = context.text().skeleton;
    uint32_t k = name_end;
    for (int skipped = 0; k < s.size() && skipped < 4 && is_filler(s[k].cp) &&
                          !(s[k].gap & (k_gap_sentence | k_gap_block));
         ++skipped) {
        ++k;
    }
    if (k >= s.size() || !is_ascii_alnum(s[k].cp) || (s[k].gap & (k_gap_sentence | k_gap_block))) {
        return std::nullopt;
    }
    // A one-letter name (V, Q) needs punctuation before the id: "V：abc123", not "Q3 2026" or
    // "Q 3 2026".
    if (needs_colon(name) && (k != name_end || !(s[k].gap & k_gap_colon))) {
        return std::nullopt;
    }
    Id id{k, k, ""};
    while (id.end < s.size() && is_ascii_alnum(s[id.end].cp) &&
           (id.end == k ||
            (!(s[id.end].gap & (k_gap_hard | k_gap_block)) && s[id.end].gap_count <= 2))) {
        id.text += static_cast<char>(s[id.end].cp);
        ++id.end;
    }
    if (!looks_like_id(id.text)) {
        return std::nullopt;
    }
    return id;
}

// Digits, and the Chinese numerals spam spells phone numbers with (一三八…, 壹叁捌…, 幺八八…).
int digit_value(char32_t c) {
    static const std::array<int8_t, 0x10000> table = [] {
        std::array<int8_t, 0x10000> t;
        t.fill(-1);
        const std::u32string_view numerals[] = {U"0〇零", U"1一壹幺", U"2二贰", U"3三叁", U"4四肆",
                                                U"5五伍", U"6六陆",   U"7七柒", U"8八捌", U"9九玖"};
        for (int8_t d = 0; d < 10; ++d) {
            for (char32_t n : numerals[d]) {
                t[n] = d;
            }
        }
        return t;
    }();
    return c < table.size() ? table[c] : -1;
}

struct Group {
    uint32_t start;
    uint32_t end;
    std::string digits;
    bool usable;  // Chinese numerals count only in runs of three or more (not 第一 or 三楼)
};

std::vector<Group> digit_groups(const std::vector<SkeletonChar>& s) {
    std::vector<Group> groups;
    for (uint32_t i = 0; i < s.size();) {
        if (digit_value(s[i].cp) < 0) {
            ++i;
            continue;
        }
        Group g{i, i, "", false};
        bool ascii = false;
        while (g.end < s.size() && digit_value(s[g.end].cp) >= 0 &&
               (g.end == i || s[g.end].gap == 0)) {
            ascii = ascii || is_ascii_digit(s[g.end].cp);
            g.digits += static_cast<char>('0' + digit_value(s[g.end].cp));
            ++g.end;
        }
        g.usable = ascii || g.digits.size() >= 3;
        i = g.end;
        groups.push_back(std::move(g));
    }
    return groups;
}

bool is_mobile(std::string_view d) {
    if (d.size() == 13 && d.substr(0, 2) == "86") {
        d.remove_prefix(2);
    } else if (d.size() == 15 && d.substr(0, 4) == "0086") {
        d.remove_prefix(4);
    }
    return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

std::string digits_of(const std::vector<Group>& groups, size_t first, size_t last) {
    std::string d;
    for (size_t g = first; g <= last; ++g) {
        d += groups[g].digits;
    }
    return d;
}

// Whose contact a number or id is. A cue of context_cues.txt's "contact-role:" (网格员, 值班,
// 联系人…), or "contact-office:" (居委会, 家长学校…) in its clause, makes it the notice's
// own ("网格员郑秀兰 13912345678", a duty roster's header row above its rows; within 16
// characters in the number's own sentence otherwise); a "contact-spam:"
// cue (代理, 客服, 加微信, 日结…) in its sentence nearby makes it the spam's, whatever else.
constexpr uint32_t k_role_reach = 60;
constexpr uint32_t k_role_after = 10;
constexpr uint32_t k_spam_reach = 20;
constexpr uint32_t k_row_length = 20;
constexpr uint32_t k_role_in_sentence = 16;  // 网格员张丽负责，联系电话139…

enum class Side { Notice, Spam, Unknown };

Side contact_side(const MatchContext& context, uint32_t start, uint32_t end) {
    const auto& s = context.text().skeleton;
    const uint32_t sentence = context.sentence_of(start);
    uint32_t first = start, last = end;
    while (first > 0 && start - first < k_spam_reach &&
           context.sentence_of(first - 1) == sentence) {
        --first;
    }
    while (last < s.size() && last - end < k_spam_reach && context.sentence_of(last) == sentence) {
        ++last;
    }
    if (context.cue_near("contact-spam", first, last)) {
        return Side::Spam;
    }
    // The role may stand earlier only when the number's sentence is a short row of a table or
    // list ("| 第二网格 | 冯志强 | 139… |" under a header naming 网格员); otherwise it must be in
    // the number's own sentence, so that spam after a contact line does not borrow its role.
    uint32_t sentence_start = start, sentence_end = end;
    while (sentence_start > 0 && context.sentence_of(sentence_start - 1) == sentence) {
        --sentence_start;
    }
    while (sentence_end < s.size() && context.sentence_of(sentence_end) == sentence) {
        ++sentence_end;
    }
    // A number spelt evasively (𝟏𝟑𝟓…, 幺八八…, full-width) is nobody's published contact.
    const auto& units = context.text().units;
    for (uint32_t k = start; k < end; ++k) {
        const char32_t c = s[k].cp;
        const bool ascii_digit = is_ascii_digit(c);
        if ((ascii_digit && units[s[k].unit].end - units[s[k].unit].begin != 1) ||
            (!ascii_digit && digit_value(c) >= 0)) {
            return Side::Unknown;
        }
    }
    const bool row = sentence_end - sentence_start <= k_row_length;
    const uint32_t reach =
        row ? k_role_reach : std::min(k_role_in_sentence, start - sentence_start);
    const uint32_t from = start > reach ? start - reach : 0;
    const uint32_t to = std::min<uint32_t>(end + k_role_after, sentence_end);
    if (context.cue_near("contact-role", from, to)) {
        return Side::Notice;
    }
    // A department (居委会, 家长学校) counts in the number's own clause only: "到服务站登记，
    // 服务联系电话 138…" may be anyone's number, "家长学校QQ群：…" is the school's.
    uint32_t clause = start;
    while (!row && clause > from && !(s[clause].gap & (k_gap_hard | k_gap_block))) {
        --clause;
    }
    return context.cue_near("contact-office", row ? from : clause, to) ? Side::Notice
                                                                       : Side::Unknown;
}

}  // namespace

void detect_messengers(const MatchContext& context, std::vector<SafetyFinding>& out) {
    const SafetyRules& rules = context.rules();
    for (const PhraseHit& hit : context.hits()) {
        for (const PhraseRef& use : rules.uses[hit.phrase]) {
            if (use.use != PhraseUse::Messenger || !context.gaps_ok(hit.start, hit.end) ||
                !context.edges_ok(hit.start, hit.end) || context.allowed(hit.start, hit.end)) {
                continue;
            }
            const MessengerName& name = rules.messengers[use.index];
            const uint32_t sentence = context.sentence_of(hit.start);
            if (const auto id = id_after(context, hit.end, name.normalized)) {
                // "关注“云溪发布”微信号 yunxifabu": an organisation's account, unless spelt
                // evasively.
                const Side side = contact_side(context, hit.start, id->end);
                const bool official =
                    name.spelling == MessengerSpelling::Plain && side != Side::Spam &&
                    (context.condemned(sentence, "contact", MatchContext::CueScope::ThisRuleOnly) ||
                     side == Side::Notice);
                const std::u32string id32(id->text.begin(), id->text.end());
                // "Telegram、WhatsApp等": a list of messengers in a warning, not an account id.
                const bool messenger =
                    std::any_of(rules.messengers.begin(), rules.messengers.end(),
                                [&](const MessengerName& m) { return m.normalized == id32; });
                if (!official && !messenger && !rules.allowed_contacts.contains(id->text) &&
                    !rules.id_stop_words.contains(id32)) {
                    SafetyFinding f = context.finding("contact", hit.start, id->end, name.written);
                    f.layer = "contact";
                    f.reason = "the messenger name \"" + name.written +
                               "\" with the account id \"" + id->text + "\"" +
                               (side == Side::Spam
                                    ? ", next to a word of the trade (contact-spam cue)"
                                    : "; no role or department of the notice stands next to it "
                                      "and the sentence does not ask to follow an organisation");
                    out.push_back(std::move(f));
                }
            } else if (name.spelling == MessengerSpelling::Evasive &&
                       !context.condemned(sentence, "contact")) {
                SafetyFinding f = context.finding("contact", hit.start, hit.end, name.written);
                f.layer = "contact";
                f.reason = "\"" + name.written +
                           "\" is a spelling of a messenger name that only spam uses "
                           "(messengers.txt '!'), and no cue condemns it";
                out.push_back(std::move(f));
            }
        }
    }
}

// Mobile numbers: 11 digits 1[3-9]xxxxxxxxx, written together or in groups joined by spaces,
// dashes or dots ("138 0013 8000"), in full-width or circled digits (folded already) or Chinese
// numerals ("幺三八…"). Inside a longer run of groups (a bank account "6222 1380 0138 000")
// only the usual 3-4-4 grouping counts. Landlines (0571-86971234) and hotlines (12345) never
// have this form.
void detect_mobile_numbers(const MatchContext& context, std::vector<SafetyFinding>& out) {
    const auto& s = context.text().skeleton;
    const std::vector<Group> groups = digit_groups(s);
    auto joined = [&](size_t g) {  // group g continues the run of group g - 1
        const SkeletonChar& c = s[groups[g].start];
        return groups[g].start == groups[g - 1].end && groups[g].usable && groups[g - 1].usable &&
               !(c.gap & (k_gap_hard | k_gap_block | k_gap_sentence)) && c.gap_count <= 3;
    };
    auto report = [&](size_t first, size_t last) {
        const std::string d = digits_of(groups, first, last);
        if (context.rules().allowed_contacts.contains(d.size() > 11 ? d.substr(d.size() - 11)
                                                                    : d)) {
            return;
        }
        const Side side = contact_side(context, groups[first].start, groups[last].end);
        if (side == Side::Notice) {
            return;  // 网格员郑秀兰 139…: a contact of the notice
        }
        SafetyFinding f =
            context.finding("contact", groups[first].start, groups[last].end, "mobile number");
        f.layer = "contact";
        f.reason = side == Side::Spam ? "a mobile number next to a word of the trade (代理, 客服, "
                                        "加微信…: contact-spam cues)"
                                      : "a mobile number with no role or department of the notice "
                                        "next to it (网格员, 值班, 联系人…: contact-role cues) and "
                                        "not on allowed_contacts.txt";
        out.push_back(std::move(f));
    };
    for (size_t first = 0; first < groups.size();) {
        size_t last = first;
        while (last + 1 < groups.size() && joined(last + 1)) {
            ++last;
        }
        if (groups[first].usable && is_mobile(digits_of(groups, first, last))) {
            report(first, last);
        } else {
            for (size_t g = first; g <= last; ++g) {
                if (groups[g].usable && is_mobile(groups[g].digits)) {
                    report(g, g);
                } else if (g + 2 <= last && groups[g].digits.size() == 3 &&
                           groups[g + 1].digits.size() == 4 && groups[g + 2].digits.size() == 4 &&
                           is_mobile(digits_of(groups, g, g + 2))) {
                    report(g, g + 2);
                }
            }
        }
        first = last + 1;
    }
}

}  // namespace content::safety
