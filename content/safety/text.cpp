// Builds the matching view of a text in one pass: decode, reject invisible characters, decode
// HTML character references, fold, and split into word characters and dropped separators.
#include "content/safety/text.h"

#include <array>
#include <cstdio>
#include <optional>

namespace content::safety {
namespace {

struct Entity {
    char32_t cp;
    size_t end;
};

// Character references that cmark turns into text when it renders a body: "&#28595;&#38376;"
// shows as 澳门 and "&#8203;" as a zero-width space, so they are read as what they show.
std::optional<Entity> parse_entity(std::string_view text, size_t amp) {
    static constexpr std::array<std::pair<std::string_view, char32_t>, 14> k_named{{
        {"amp", '&'},
        {"lt", '<'},
        {"gt", '>'},
        {"quot", '"'},
        {"apos", '\''},
        {"nbsp", 0xA0},
        {"shy", 0xAD},
        {"zwj", 0x200D},
        {"zwnj", 0x200C},
        {"lrm", 0x200E},
        {"rlm", 0x200F},
        {"ensp", 0x2002},
        {"emsp", 0x2003},
        {"middot", 0xB7},
    }};
    const size_t semi = text.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 10 || semi - amp < 3) {
        return std::nullopt;
    }
    const std::string_view body = text.substr(amp + 1, semi - amp - 1);
    if (body[0] != '#') {
        for (const auto& [name, cp] : k_named) {
            if (body == name) {
                return Entity{cp, semi + 1};
            }
        }
        return std::nullopt;
    }
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    char32_t value = 0;
    for (char c : digits) {
        int d = c >= '0' && c <= '9' ? c - '0' : -1;
        if (hex && d < 0) {
            d = c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }
        if (d < 0 || value > 0x10FFFF) {
            return std::nullopt;
        }
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
    }
    if (digits.empty() || value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return std::nullopt;
    }
    return Entity{value, semi + 1};
}

// An HTML tag (<span style="display:none">, </a>) is not shown, so its characters separate
// words instead of being part of them; its attributes are still scanned for addresses.
size_t markup_end(std::string_view text, size_t lt) {
    const size_t next = lt + 1;
    if (next >= text.size()) {
        return 0;
    }
    const char c = text[next];
    const bool tag_start = is_ascii_letter(static_cast<unsigned char>(c)) ||
                           (c == '/' && next + 1 < text.size() &&
                            is_ascii_letter(static_cast<unsigned char>(text[next + 1])));
    if (!tag_start) {
        return 0;
    }
    for (size_t i = next; i < text.size() && i < lt + 1024; ++i) {
        if (text[i] == '>') {
            return i + 1;
        }
        if (text[i] == '<' || (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n')) {
            return 0;
        }
    }
    return 0;
}

std::string code_point_name(char32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

constexpr size_t k_invisible_merge_bytes = 12;  // about four Han characters

class Builder {
public:
    Builder(std::string_view text, const SafetyRules& rules, NormalizedText& out)
        : m_text(text), m_rules(rules), m_out(out) {}

    void run() {
        size_t pos = 0;
        while (pos < m_text.size()) {
            const size_t begin = pos;
            bool valid = true;
            char32_t c = decode_utf8(m_text, pos, valid);
            if (!valid) {
                invisible(begin, pos, "invalid UTF-8");
                continue;
            }
            if (c == '&') {
                if (const auto entity = parse_entity(m_text, begin)) {
                    c = entity->cp;
                    pos = entity->end;
                }
            }
            if (c == '\r' && pos < m_text.size() && m_text[pos] == '\n') {
                continue;  // CRLF line ends are ordinary
            }
            if (is_invisible(c) && !(c == 0x200D && joins_emoji(pos))) {
                invisible(begin, pos, code_point_name(c));
                continue;
            }
            if (c == '<' && begin >= m_markup_end) {
                m_markup_end = markup_end(m_text, begin);
            }
            visible(c, begin, pos);
        }
        close_invisible();
    }

private:
    bool joins_emoji(size_t next) const {
        if (!is_pictograph(m_previous) || next >= m_text.size()) {
            return false;
        }
        bool valid = true;
        return is_pictograph(decode_utf8(m_text, next, valid));
    }

    void visible(char32_t c, size_t begin, size_t end) {
        m_previous = c;
        char32_t folded[TextFolding::k_max_fold];
        const size_t n = m_rules.folding.fold(c, folded);
        for (size_t i = 0; i < n; ++i) {
            CharKind kind = char_kind(folded[i]);
            if (kind == CharKind::Mark) {
                continue;
            }
            if (begin < m_markup_end && kind != CharKind::Newline) {
                kind = CharKind::Soft;
            }
            const auto unit = static_cast<uint32_t>(m_out.units.size());
            m_out.units.push_back(
                {folded[i], static_cast<uint32_t>(begin), static_cast<uint32_t>(end), kind});
            if (kind == CharKind::Word) {
                word(folded[i], unit);
            } else {
                separator(kind, folded[i]);
            }
        }
    }

    void word(char32_t c, uint32_t unit) {
        uint8_t gap = m_dropped > 0 ? k_gap_any : 0;
        // One line break inside a paragraph is joined when shown (社区\n居委会 reads 社区居委会);
        // a blank line, or a line break next to list or table marks, is a block boundary.
        const bool block = m_newlines >= 2 || (m_newlines == 1 && m_marked);
        if (block) {
            gap |= k_gap_block | k_gap_hard | k_gap_sentence;
        }
        gap |= (m_hard ? k_gap_hard : 0) | (m_sentence_end ? k_gap_sentence : 0) |
               (m_colon ? k_gap_colon : 0);
        if (m_out.skeleton.empty()) {
            m_out.sentence_intro.push_back(k_no_sentence);
        } else if (gap & k_gap_sentence) {
            start_sentence(block);
        } else if (m_pending_numbering && m_out.skeleton.size() == m_block_start + 1) {
            resolve_numbering(gap);
        }
        if (c >= 0x80 && c < 0x3400) {
            if (const auto it = m_rules.homoglyphs.find(c); it != m_rules.homoglyphs.end()) {
                c = it->second;
            }
        }
        m_out.skeleton.push_back({c, unit, gap, static_cast<uint8_t>(m_dropped), m_sentence});
        m_dropped = 0;
        m_newlines = 0;
        m_marked = m_hard = m_sentence_end = m_colon = m_heading = m_bullet = false;
    }

    // A new sentence; at a block boundary, decide whether it continues the list introduced by
    // a sentence ending with a colon ("常见诈骗手法如下：").
    void start_sentence(bool block) {
        const uint32_t previous = m_sentence++;
        m_pending_numbering = false;
        if (block) {
            if (m_colon) {
                m_intro = previous;
            } else if (m_heading) {
                m_intro = k_no_sentence;
            } else if (!m_bullet) {
                // "1. …" and "一、…" continue the list; anything else ends it. Known at the
                // block's second character.
                m_pending_numbering = m_intro != k_no_sentence;
                m_block_start = static_cast<uint32_t>(m_out.skeleton.size());
            }
        }
        m_out.sentence_intro.push_back(m_intro);
    }

    void resolve_numbering(uint8_t gap) {
        static constexpr std::u32string_view k_numerals = U"0123456789一二三四五六七八九十";
        const char32_t first = m_out.skeleton[m_block_start].cp;
        if (k_numerals.find(first) == std::u32string_view::npos || !(gap & k_gap_any)) {
            m_intro = k_no_sentence;
            m_out.sentence_intro[m_sentence] = k_no_sentence;
        }
        m_pending_numbering = false;
    }

    void separator(CharKind kind, char32_t c) {
        m_dropped = m_dropped < 255 ? m_dropped + 1 : 255;
        switch (kind) {
            case CharKind::Newline:
                ++m_newlines;
                break;
            case CharKind::Soft:
                m_marked = true;
                break;
            case CharKind::SentenceEnd:
                m_sentence_end = true;
                [[fallthrough]];
            case CharKind::Hard:
                m_hard = m_marked = true;
                break;
            default:
                break;
        }
        m_colon = m_colon || c == ':';
        if (m_newlines > 0 || m_out.skeleton.empty()) {
            m_heading = m_heading || c == '#';
            m_bullet = m_bullet || c == '-' || c == '*' || c == '+' || c == '|' || c == 0x2022;
        }
    }

    // Hidden characters a few characters apart on one line are one finding: 网⁠上⁠赌⁠场
    // with three word joiners reads as one hidden spelling, not three.
    void invisible(size_t begin, size_t end, const std::string& name) {
        separator(CharKind::Soft, 0);
        const bool near =
            m_run_open && begin <= m_run.end + k_invisible_merge_bytes &&
            m_text.substr(m_run.end, begin - m_run.end).find('\n') == std::string_view::npos;
        if (near) {
            m_run.end = end;
            if (m_run.term.find(name) == std::string::npos) {
                m_run.term += " " + name;
            }
            return;
        }
        close_invisible();
        m_run = SafetyFinding{};
        m_run.rule = "invisible";
        m_run.start = begin;
        m_run.end = end;
        m_run.term = name;
        m_run_open = true;
    }

    void close_invisible() {
        if (m_run_open) {
            m_out.invisible.push_back(std::move(m_run));
            m_run_open = false;
        }
    }

    std::string_view m_text;
    const SafetyRules& m_rules;
    NormalizedText& m_out;
    size_t m_markup_end = 0;
    char32_t m_previous = 0;
    // The gap being collected before the next word character.
    unsigned m_dropped = 0;
    int m_newlines = 0;
    bool m_marked = false;  // anything but spaces and newlines
    bool m_hard = false;
    bool m_sentence_end = false;
    bool m_colon = false;    // a colon: the sentence before introduces a list
    bool m_heading = false;  // '#' at the start of a line
    bool m_bullet = false;   // '-', '*', '+', '•' or '|' at the start of a line
    // Sentences and the list they are in.
    uint32_t m_sentence = 0;
    uint32_t m_intro = k_no_sentence;
    bool m_pending_numbering = false;
    uint32_t m_block_start = 0;
    SafetyFinding m_run;
    bool m_run_open = false;
};

}  // namespace

void normalize_text(std::string_view text, const SafetyRules& rules, NormalizedText& out) {
    out.source = text;
    out.units.clear();
    out.skeleton.clear();
    out.invisible.clear();
    out.sentence_intro.clear();
    Builder(text, rules, out).run();
}

}  // namespace content::safety
