// Numbers as Mandarin words: the table residents would check by ear.
#include <doctest/doctest.h>

#include "kiosk/speech/number_words.h"

using namespace kiosk::speech;

TEST_CASE("integers read as quantities, the way an announcer says them") {
    struct Row {
        const char* digits;
        const char* words;
    };
    const Row rows[] = {
        {"0", "零"},
        {"7", "七"},
        {"10", "十"},
        {"15", "十五"},
        {"20", "二十"},
        {"110", "一百一十"},
        {"105", "一百零五"},
        {"1050", "一千零五十"},
        {"2000", "两千"},
        {"20000", "两万"},
        {"22000", "两万二千"},
        {"150000", "十五万"},
        {"308912", "三十万八千九百一十二"},
        {"100005", "十万零五"},
        {"100010000", "一亿零一万"},
        {"100000000", "一亿"},
        {"007", "七"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.digits);
        CHECK(integer_words(row.digits) == row.words);
    }
}

TEST_CASE("decimals read their fraction digit by digit") {
    CHECK(decimal_words("308,912.65") == "三十万八千九百一十二点六五");
    CHECK(decimal_words("2.5") == "二点五");
    CHECK(decimal_words("0.05") == "零点零五");
    CHECK(decimal_words("8.6") == "八点六");
}

TEST_CASE("digit strings: 一 in years, 幺 in phone numbers") {
    CHECK(digit_words("2026", DigitOne::Yi) == "二零二六");
    CHECK(digit_words("12345", DigitOne::Yao) == "幺二三四五");
    CHECK(digit_words("0571", DigitOne::Yao) == "零五七幺");
}
