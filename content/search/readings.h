// Pinyin readings of Han characters (from Unihan at build time): lookups for search.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace content::search::pinyin {

using SyllableId = uint16_t;

// The readings of one character as toneless syllable ids, most common first; empty for
// characters that are not Han. A view into static data.
class Readings {
public:
    Readings() = default;
    Readings(const uint32_t* first, const uint32_t* last) : m_first(first), m_last(last) {}
    size_t size() const { return static_cast<size_t>(m_last - m_first); }
    bool empty() const { return m_first == m_last; }
    SyllableId operator[](size_t i) const { return static_cast<SyllableId>(m_first[i] & 0x3FF); }

private:
    const uint32_t* m_first = nullptr;
    const uint32_t* m_last = nullptr;
};

Readings readings(char32_t c);

// Bit (letter - 'a') set for the first letter of each reading of `c`; 0 when it has none.
uint32_t initial_mask(char32_t c);

size_t syllable_count();
std::string_view syllable_text(SyllableId id);
std::optional<SyllableId> syllable_id(std::string_view text);
// Whether some syllable starts with `prefix` (non-empty).
bool is_syllable_prefix(std::string_view prefix);

}  // namespace content::search::pinyin
