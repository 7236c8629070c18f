// Written text to the words a Mandarin speaker says: numbers, money, dates, phones, units, markers.
//
// Pure: no engine, no files. Examples (the tests hold the full table):
//   "￥217,477.62元"          -> "二十一万七千四百七十七点六二元"
//   "2026年11月24日上午9:30"  -> "二零二六年十一月二十四日上午九点三十分"
//   "7—9月", "1—24幢"          -> "七至九月", "一至二十四幢"
//   "电话0571-86971234"        -> "电话零五七幺，八六九七幺二三四"
//   "12.5%", "3‰"              -> "百分之十二点五", "千分之三"
//   "（一）", "1." at a line start -> "一，"
//   "PM2.5", "APP"             -> "PM二点五", "APP" (letters are spelled by the reader)
//   "120㎡", "25℃", "元/月"    -> "一百二十平方米", "二十五摄氏度", "元每月"
#pragma once

#include <string>
#include <string_view>

namespace kiosk::speech {

// Normalises one paragraph (or one line) of UTF-8 text. Punctuation that marks a pause
// (，。！？；：、) is kept; brackets, quotes and decoration are dropped; URLs become "网址", e-mail
// addresses "邮箱地址". Latin letters are kept (the reader spells abbreviations letter by letter).
std::string normalize_for_speech(std::string_view text);

}  // namespace kiosk::speech
