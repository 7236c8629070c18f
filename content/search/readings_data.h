// The pinyin reading table generated at build time from Unihan (see pinyin_table_gen.py).
#pragma once

#include <cstddef>
#include <cstdint>

namespace content::search::pinyin_data {

// Toneless syllables ("a" ... "zuo"), sorted; a syllable's id is its index here.
extern const char* const k_syllables[];
extern const size_t k_syllable_count;

// One entry per (character, reading): (code point << 10) | syllable id. Sorted by code point;
// a character's readings follow one another, its most common reading first.
extern const uint32_t k_entries[];
extern const size_t k_entry_count;

}  // namespace content::search::pinyin_data
