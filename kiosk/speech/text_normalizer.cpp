// Written text to spoken words (see text_normalizer.h for the rules and examples).
#include "kiosk/speech/text_normalizer.h"

#include <array>
#include <optional>
#include <vector>

#include "content/utf8.h"
#include "kiosk/speech/number_words.h"

namespace kiosk::speech {

namespace {

using U32 = std::u32string;
using U32View = std::u32string_view;

bool is_digit(char32_t c) {
    return c >= U'0' && c <= U'9';
}
bool is_latin(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x3134F) || (c >= 0xF900 && c <= 0xFAFF);
}
bool is_range_dash(char32_t c) {
    return c == U'—' || c == U'–' || c == U'-' || c == U'~' || c == U'～' || c == U'〜' ||
           c == U'－';
}

// Full-width ASCII forms to ASCII (１２：３０ -> 12:30, ＰＭ -> PM), so one set of rules applies.
U32 fold_width(std::string_view text) {
    U32 out;
    size_t pos = 0;
    while (pos < text.size()) {
        bool valid = true;
        char32_t c = content::decode_utf8_at(text, pos, valid);
        if (!valid) {
            continue;
        }
        if (c >= 0xFF10 && c <= 0xFF19) {
            c = c - 0xFF10 + U'0';
        } else if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {
            c = c - 0xFF21 + U'A';
        } else if (c == U'：' && !out.empty() && is_digit(out.back())) {
            c = U':';  // 9：30; a ： after words stays a pause
        } else if (c == U'％') {
            c = U'%';
        } else if (c == U'．' && !out.empty() && is_digit(out.back())) {
            c = U'.';
        } else if (c == U'，' && !out.empty() && is_digit(out.back()) && pos < text.size() &&
                   text[pos] >= '0' && text[pos] <= '9') {
            c = U',';
        }
        out += c;
    }
    return out;
}

bool starts_with(U32View text, size_t at, U32View prefix) {
    return text.substr(at, prefix.size()) == prefix;
}

// Measure words and units after which a long digit run is a quantity, not a code to spell.
bool is_measure(char32_t c) {
    static constexpr U32View measures =
        U"元万亿千百人户次个件份名位辆台套间米克吨天日月年周时分秒岁条项场本张家所栋幢层楼号床";
    return measures.find(c) != U32View::npos;
}

struct NumberToken {
    size_t end = 0;
    std::string digits;      // digits and at most one '.', separators removed
    bool grouped = false;    // had thousands separators
    bool has_point = false;  // had a decimal point
    size_t int_digits = 0;
};

// Digits with optional thousands separators (1,234,567) and a decimal part (.65).
NumberToken read_number(U32View in, size_t i) {
    NumberToken t;
    size_t j = i;
    while (j < in.size()) {
        const char32_t c = in[j];
        if (is_digit(c)) {
            t.digits += static_cast<char>(c);
            if (!t.has_point) {
                ++t.int_digits;
            }
            ++j;
        } else if (c == U',' && !t.has_point && t.int_digits > 0 && j + 3 < in.size() &&
                   is_digit(in[j + 1]) && is_digit(in[j + 2]) && is_digit(in[j + 3]) &&
                   (j + 4 >= in.size() || !is_digit(in[j + 4]))) {
            t.grouped = true;
            ++j;
        } else if (c == U'.' && !t.has_point && j + 1 < in.size() && is_digit(in[j + 1])) {
            t.has_point = true;
            t.digits += '.';
            ++j;
        } else {
            break;
        }
    }
    t.end = j;
    return t;
}

// Units written after a number, longest first.
struct Unit {
    U32View written;
    const char* spoken;
};
constexpr std::array<Unit, 22> k_units = {{
    {U"kW·h", "千瓦时"}, {U"kWh", "千瓦时"}, {U"km²", "平方公里"}, {U"m²", "平方米"},
    {U"m³", "立方米"},   {U"m2", "平方米"},  {U"m3", "立方米"},    {U"km", "公里"},
    {U"kg", "千克"},     {U"cm", "厘米"},    {U"mm", "毫米"},      {U"ml", "毫升"},
    {U"mL", "毫升"},     {U"mg", "毫克"},    {U"kW", "千瓦"},      {U"min", "分钟"},
    {U"°C", "摄氏度"},   {U"m", "米"},       {U"g", "克"},         {U"h", "小时"},
    {U"L", "升"},        {U"t", "吨"},
}};

constexpr std::array<std::pair<char32_t, const char*>, 8> k_symbol_units = {{
    {U'㎡', "平方米"},
    {U'㎥', "立方米"},
    {U'℃', "摄氏度"},
    {U'㎞', "公里"},
    {U'㎏', "千克"},
    {U'㎝', "厘米"},
    {U'㎜', "毫米"},
    {U'°', "度"},
}};

class Normalizer {
public:
    explicit Normalizer(U32 in) : m_in(std::move(in)) {}

    std::string run() {
        while (m_i < m_in.size()) {
            if (at_line_start() && list_marker()) {
                continue;
            }
            step();
        }
        return m_out;
    }

private:
    U32 m_in;
    size_t m_i = 0;
    std::string m_out;

    char32_t at(size_t k) const { return k < m_in.size() ? m_in[k] : 0; }
    void put(const char* s) { m_out += s; }
    void put(char32_t c) { content::append_utf8(m_out, c); }

    bool at_line_start() const {
        size_t k = m_i;
        while (k > 0 && (m_in[k - 1] == U' ' || m_in[k - 1] == U'\t' || m_in[k - 1] == U'　')) {
            --k;
        }
        return k == 0 || m_in[k - 1] == U'\n';
    }

    // 一、 （一） (1) 1. 1、 ① at a line start read as the number and a pause.
    bool list_marker() {
        static constexpr U32View numerals = U"一二三四五六七八九十";
        size_t k = m_i;
        const bool bracket = at(k) == U'（' || at(k) == U'(';
        if (bracket) {
            ++k;
        }
        const size_t start = k;
        if (numerals.find(at(k)) != U32View::npos) {
            while (numerals.find(at(k)) != U32View::npos) {
                ++k;
            }
            const bool closed = bracket ? (at(k) == U'）' || at(k) == U')') : at(k) == U'、';
            if (!closed) {
                return false;
            }
            for (size_t q = start; q < k; ++q) {
                put(m_in[q]);
            }
            put("，");
            m_i = k + 1;
            return true;
        }
        if (at(k) >= U'①' && at(k) <= U'⑳' && !bracket) {
            put(integer_words(std::to_string(at(k) - U'①' + 1)).c_str());
            put("，");
            m_i = k + 1;
            return true;
        }
        if (!is_digit(at(k))) {
            return false;
        }
        std::string digits;
        while (is_digit(at(k)) && digits.size() < 3) {
            digits += static_cast<char>(at(k++));
        }
        const char32_t close = at(k);
        const bool ok = bracket ? (close == U'）' || close == U')')
                                : ((close == U'.' && !is_digit(at(k + 1))) || close == U'、' ||
                                   close == U'）' || close == U')');
        if (!ok) {
            return false;
        }
        put(integer_words(digits).c_str());
        put("，");
        m_i = k + 1;
        return true;
    }

    void step() {
        const char32_t c = at(m_i);
        if ((c == U'￥' || c == U'¥') && is_digit(at(m_i + 1))) {
            money();
        } else if (is_digit(c)) {
            number();
        } else if (is_latin(c)) {
            latin();
        } else if (c >= U'①' && c <= U'⑳') {
            put(integer_words(std::to_string(c - U'①' + 1)).c_str());
            ++m_i;
        } else {
            symbol();
        }
    }

    void money() {
        ++m_i;
        const NumberToken t = read_number(m_in, m_i);
        put(decimal_words(t.digits).c_str());
        m_i = t.end;
        const char32_t next = at(m_i);
        if (next != U'元' && next != U'万' && next != U'亿' && next != U'千' && next != U'百') {
            put("元");
        }
        range_after();
    }

    // The text just before m_i asks for a phone number (拨打 12345, 电话：0571-…).
    bool phone_context() const {
        static constexpr std::array<U32View, 12> cues = {U"电话", U"热线", U"拨打",     U"致电",
                                                         U"手机", U"号码", U"联系方式", U"咨询",
                                                         U"传真", U"联系", U"Tel",      U"服务号"};
        const size_t from = m_i >= 8 ? m_i - 8 : 0;
        const U32View before = U32View(m_in).substr(from, m_i - from);
        for (U32View cue : cues) {
            if (before.find(cue) != U32View::npos) {
                return true;
            }
        }
        return false;
    }

    // Groups of digits joined by '-' or spaces that form a phone number: 0571-86971234,
    // 400-800-1234, 138 1234 5678, 13812345678. Returns the end, or nothing.
    std::optional<size_t> phone_end() const {
        size_t k = m_i;
        std::vector<size_t> groups;
        while (true) {
            size_t len = 0;
            while (is_digit(at(k))) {
                ++k;
                ++len;
            }
            groups.push_back(len);
            if ((at(k) == U'-' || at(k) == U'—' || at(k) == U' ') && is_digit(at(k + 1)) &&
                groups.size() < 4) {
                ++k;
                continue;
            }
            break;
        }
        if (at(k) == U'.' && is_digit(at(k + 1))) {
            return std::nullopt;
        }
        size_t total = 0;
        for (size_t g : groups) {
            total += g;
        }
        const char32_t first = at(m_i);
        const char32_t second = at(m_i + 1);
        if (groups.size() == 1) {
            if (total == 11 && first == U'1' && second >= U'3' && second <= U'9') {
                return k;  // mobile
            }
            return std::nullopt;
        }
        if (first == U'0' && groups[0] >= 3 && groups[0] <= 4 && total >= 10 && total <= 12) {
            return k;  // landline with area code
        }
        if (total == 11 && first == U'1' && groups[0] == 3) {
            return k;  // 138-1234-5678
        }
        if (groups[0] == 3 && (first == U'4' || first == U'8') && total == 10) {
            return k;  // 400-800-1234
        }
        return std::nullopt;
    }

    void digits_with_pauses(size_t end) {
        std::string group;
        for (size_t k = m_i; k < end; ++k) {
            if (is_digit(m_in[k])) {
                group += static_cast<char>(m_in[k]);
            } else {
                put(digit_words(group, DigitOne::Yao).c_str());
                put("，");
                group.clear();
            }
        }
        put(digit_words(group, DigitOne::Yao).c_str());
        m_i = end;
    }

    void number() {
        if (auto end = phone_end()) {
            digits_with_pauses(*end);
            return;
        }
        if (time_of_day() || full_date()) {
            range_after();
            return;
        }
        const size_t start = m_i;
        const NumberToken t = read_number(m_in, m_i);
        const char32_t next = at(t.end);
        const bool ordinal = start > 0 && m_in[start - 1] == U'第';
        m_i = t.end;
        if (!t.has_point && !t.grouped && t.int_digits == 4 &&
            (next == U'年' || year_range_follows())) {
            put(digit_words(t.digits, DigitOne::Yi).c_str());
        } else if (next == U'%') {
            put("百分之");
            put(decimal_words(t.digits).c_str());
            ++m_i;
        } else if (next == U'‰') {
            put("千分之");
            put(decimal_words(t.digits).c_str());
            ++m_i;
        } else if (!t.has_point && !t.grouped && t.int_digits >= 3 &&
                   (next == U'室' || next == U'房')) {
            put(digit_words(t.digits, DigitOne::Yao).c_str());
        } else if (!t.has_point && !t.grouped &&
                   ((t.int_digits >= 5 && !is_measure(next) && !ordinal) ||
                    (t.int_digits >= 3 && phone_context() && !is_measure(next)))) {
            put(digit_words(t.digits, DigitOne::Yao).c_str());
        } else {
            put(decimal_words(t.digits).c_str());
            unit_after();
        }
        range_after();
    }

    // 2025—2026年: the first year of a range of years.
    bool year_range_follows() const {
        if (!is_range_dash(at(m_i))) {
            return false;
        }
        size_t k = m_i + 1;
        size_t n = 0;
        while (is_digit(at(k))) {
            ++k;
            ++n;
        }
        return n == 4 && at(k) == U'年';
    }

    // 9:30 -> 九点三十分, 9:00 -> 九点, 9:05 -> 九点零五分.
    bool time_of_day() {
        size_t k = m_i;
        std::string hour;
        while (is_digit(at(k)) && hour.size() < 3) {
            hour += static_cast<char>(at(k++));
        }
        if (hour.size() > 2 || at(k) != U':' || !is_digit(at(k + 1)) || !is_digit(at(k + 2)) ||
            is_digit(at(k + 3))) {
            return false;
        }
        const int h = std::stoi(hour);
        const int m = (at(k + 1) - U'0') * 10 + (at(k + 2) - U'0');
        if (h > 24 || m > 59) {
            return false;
        }
        put(integer_words(std::to_string(h)).c_str());
        put("点");
        if (m > 0) {
            if (m < 10) {
                put("零");
            }
            put(integer_words(std::to_string(m)).c_str());
            put("分");
        }
        m_i = k + 3;
        return true;
    }

    // 2026-11-24, 2026/11/24, 2026.11.24 -> 二零二六年十一月二十四日.
    bool full_date() {
        size_t k = m_i;
        std::array<std::string, 3> parts;
        for (size_t p = 0; p < 3; ++p) {
            while (is_digit(at(k)) && parts[p].size() < 4) {
                parts[p] += static_cast<char>(at(k++));
            }
            if (p < 2) {
                const char32_t sep = at(k);
                if (sep != U'-' && sep != U'/' && sep != U'.') {
                    return false;
                }
                ++k;
            }
        }
        if (parts[0].size() != 4 || parts[1].empty() || parts[1].size() > 2 || parts[2].empty() ||
            parts[2].size() > 2 || is_digit(at(k))) {
            return false;
        }
        const int month = std::stoi(parts[1]);
        const int day = std::stoi(parts[2]);
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        put(digit_words(parts[0], DigitOne::Yi).c_str());
        put("年");
        put(integer_words(std::to_string(month)).c_str());
        put("月");
        put(integer_words(std::to_string(day)).c_str());
        put("日");
        m_i = k;
        return true;
    }

    // 7—9月, 1—24幢, 9:00—17:00: the dash between two numbers is read 至.
    void range_after() {
        if (is_range_dash(at(m_i)) && (is_digit(at(m_i + 1)) || at(m_i + 1) == U'￥')) {
            put("至");
            ++m_i;
        } else if (is_range_dash(at(m_i)) && at(m_i) == at(m_i + 1) && is_digit(at(m_i + 2))) {
            put("至");  // 7——9月
            m_i += 2;
        }
    }

    void unit_after() {
        for (const Unit& u : k_units) {
            if (starts_with(m_in, m_i, u.written) && !is_latin(at(m_i + u.written.size()))) {
                put(u.spoken);
                m_i += u.written.size();
                return;
            }
        }
    }

    // A Latin run: a URL or an e-mail address is named, not spelled; a word or abbreviation
    // is kept for the reader, which spells letters (APP, QR, PM).
    void latin() {
        size_t k = m_i;
        bool has_at = false;
        bool has_dot_word = false;
        while (k < m_in.size() && (is_latin(m_in[k]) || is_digit(m_in[k]) ||
                                   U32View(U"._%+-@:/?=&#~").find(m_in[k]) != U32View::npos)) {
            has_at = has_at || m_in[k] == U'@';
            if (m_in[k] == U'.' && is_latin(at(k + 1)) && k > m_i && is_latin(m_in[k - 1])) {
                has_dot_word = true;
            }
            ++k;
        }
        while (k > m_i && U32View(U".:,").find(m_in[k - 1]) != U32View::npos) {
            --k;  // a sentence's full stop after an address is not part of it
        }
        const U32View run = U32View(m_in).substr(m_i, k - m_i);
        const bool url = run.starts_with(U"http") || run.starts_with(U"www.") ||
                         (has_dot_word && !has_at && dotted_domain(run));
        if (url) {
            put("网址");
            m_i = k;
            return;
        }
        if (has_at && has_dot_word) {
            put("邮箱地址");
            m_i = k;
            return;
        }
        while (m_i < m_in.size() && is_latin(m_in[m_i])) {
            put(m_in[m_i++]);
        }
        if (is_latin(at(m_i + 1)) && at(m_i) == U' ') {
            put(U' ');
            ++m_i;
        }
    }

    static bool dotted_domain(U32View run) {
        static constexpr std::array<U32View, 8> tlds = {U".cn",  U".com", U".net", U".org",
                                                        U".gov", U".edu", U".io",  U".top"};
        for (U32View tld : tlds) {
            const size_t p = run.find(tld);
            if (p != U32View::npos &&
                (p + tld.size() == run.size() || !is_latin(run[p + tld.size()]))) {
                return true;
            }
        }
        return false;
    }

    void symbol() {
        const char32_t c = at(m_i);
        for (const auto& [symbol, spoken] : k_symbol_units) {
            if (c == symbol) {
                put(spoken);
                ++m_i;
                return;
            }
        }
        ++m_i;
        switch (c) {
            case U'/':
            case U'／':
                // 元/月 -> 元每月; 党员/群众 -> 党员或群众.
                if (is_measure(at(m_i)) || at(m_i) == U'平' || at(m_i) == U'小') {
                    put("每");
                } else if (is_han(at(m_i)) && m_i >= 2 && is_han(at(m_i - 2))) {
                    put("或");
                }
                return;
            case U'&':
                put("和");
                return;
            case U'+':
                put("加");
                return;
            case U'=':
                put("等于");
                return;
            case U'×':
                put("乘");
                return;
            case U'#':
                put("号");
                return;
            case U',':
                put("，");
                return;
            case U'.':
                put("。");
                return;
            case U'!':
                put("！");
                return;
            case U'?':
                put("？");
                return;
            case U';':
                put("；");
                return;
            case U':':
                put("：");
                return;
            case U'—':
            case U'…':
                while (at(m_i) == c) {
                    ++m_i;
                }
                put("，");
                return;
            case U' ':
            case U'\n':
            case U'\r':
            case U'\t':
            case U'　':
                return;
            default:
                break;
        }
        static constexpr U32View dropped = U"（）()【】[]《》〈〉「」『』“”‘’\"'·・*_~～-–|｜<>{}";
        if (dropped.find(c) == U32View::npos) {
            put(c);
        }
    }
};

}  // namespace

std::string normalize_for_speech(std::string_view text) {
    return Normalizer(fold_width(text)).run();
}

}  // namespace kiosk::speech
