// The pinyin layer: Latin spellings of every listed term, made when the rules load from the
// Unihan readings (content/search/readings.h), so that spam writing a brand in pinyin or in
// initials on a Latin run ("aomen xinpujing", "amxpj", "bjl") is found as the term itself.
#pragma once

#include "content/safety/rules.h"

namespace content::safety {

// For each term of terms/*.txt made of Han characters only, adds to `rules.spellings` a term of
// the same rule and
// context, whose one piece is its toneless pinyin (the most common reading of each character:
// 百家乐 → baijiale) and, for terms of four characters or more, and brand names ('!') of three,
// its initials (澳门新葡京 → amxpj). Shorter initials would be ordinary Latin words. A spelling
// that another term already has is not added twice.
void add_pinyin_terms(SafetyRules& rules);

}  // namespace content::safety
