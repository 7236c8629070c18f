// Numbers as Mandarin words: quantities (三十万八千九百一十二点六五) and digit strings
// (幺二三四五).
#pragma once

#include <string>
#include <string_view>

namespace kiosk::speech {

// How the digit 1 is read in a digit-by-digit string: 一 in years (二零二六), 幺 in phone numbers,
// room numbers and hotlines (幺二三四五), as announcers and customer services say it.
enum class DigitOne { Yi, Yao };

// "308912" -> 三十万八千九百一十二; "10" -> 十; "0" -> 零; "2000" -> 两千. Leading zeros are
// ignored. Digits only (no separators); at most 16 digits (beyond that, digit by digit).
std::string integer_words(std::string_view digits);

// "308912.65" -> 三十万八千九百一十二点六五; separators (,) are ignored.
std::string decimal_words(std::string_view number);

// "0571" -> 零五七一; with DigitOne::Yao, "12345" -> 幺二三四五.
std::string digit_words(std::string_view digits, DigitOne one);

}  // namespace kiosk::speech
