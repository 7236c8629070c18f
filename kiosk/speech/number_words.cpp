// Numbers as Mandarin words (see number_words.h).
#include "kiosk/speech/number_words.h"

#include <array>

namespace kiosk::speech {

namespace {

constexpr std::array<const char*, 10> k_digits = {"零", "一", "二", "三", "四",
                                                  "五", "六", "七", "八", "九"};

// A group of up to four digits (0..9999) in words, without a leading 零. `leading` says whether
// this group starts the whole number, where 1x is read 十x rather than 一十x and 2 before 千 is 两.
std::string group_words(int value, bool leading) {
    static constexpr std::array<const char*, 4> units = {"千", "百", "十", ""};
    static constexpr std::array<int, 4> scale = {1000, 100, 10, 1};
    std::string out;
    bool zero_pending = false;
    bool started = false;
    for (size_t i = 0; i < 4; ++i) {
        const int d = (value / scale[i]) % 10;
        if (d == 0) {
            zero_pending = started;
            continue;
        }
        if (zero_pending) {
            out += "零";
            zero_pending = false;
        }
        if (i == 2 && d == 1 && leading && !started) {
            out += "十";  // 10..19 at the start of a number: 十五, not 一十五
        } else if (i == 0 && d == 2 && leading && !started) {
            out += "两";
            out += units[i];
        } else {
            out += k_digits[static_cast<size_t>(d)];
            out += units[i];
        }
        started = true;
    }
    return out;
}

}  // namespace

std::string integer_words(std::string_view digits) {
    size_t start = 0;
    while (start + 1 < digits.size() && digits[start] == '0') {
        ++start;
    }
    digits.remove_prefix(start);
    if (digits.empty()) {
        return {};
    }
    if (digits.size() > 16) {
        return digit_words(digits, DigitOne::Yi);
    }
    if (digits == "0") {
        return "零";
    }
    // Groups of four from the right: 亿 and 万 between them.
    static constexpr std::array<const char*, 4> group_units = {"", "万", "亿", "万亿"};
    std::string out;
    const size_t groups = (digits.size() + 3) / 4;
    bool need_zero = false;
    bool started = false;
    for (size_t g = 0; g < groups; ++g) {
        const size_t from_right = groups - 1 - g;
        const size_t end = digits.size() - from_right * 4;
        const size_t begin = end >= 4 ? end - 4 : 0;
        int value = 0;
        for (size_t i = begin; i < end; ++i) {
            value = value * 10 + (digits[i] - '0');
        }
        if (value == 0) {
            need_zero = started;
            continue;
        }
        if (started && (need_zero || value < 1000)) {
            out += "零";
        }
        if (!started && value == 2 && from_right > 0) {
            out += "两";  // 两万, 两亿 (but 二十万)
        } else {
            out += group_words(value, !started);
        }
        out += group_units[from_right];
        need_zero = false;
        started = true;
    }
    return out;
}

std::string decimal_words(std::string_view number) {
    std::string whole;
    std::string fraction;
    bool in_fraction = false;
    for (char c : number) {
        if (c == '.') {
            in_fraction = true;
        } else if (c >= '0' && c <= '9') {
            (in_fraction ? fraction : whole) += c;
        }
    }
    std::string out = whole.empty() ? "零" : integer_words(whole);
    if (!fraction.empty()) {
        out += "点";
        out += digit_words(fraction, DigitOne::Yi);
    }
    return out;
}

std::string digit_words(std::string_view digits, DigitOne one) {
    std::string out;
    for (char c : digits) {
        if (c < '0' || c > '9') {
            continue;
        }
        out += (c == '1' && one == DigitOne::Yao) ? "幺" : k_digits[static_cast<size_t>(c - '0')];
    }
    return out;
}

}  // namespace kiosk::speech
