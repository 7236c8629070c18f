// Pinyin reading lookups over the generated table, with a dense index for the common Han range
// so that tokenising a body costs one array access per character.
#include "content/search/readings.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "content/search/readings_data.h"

namespace content::search::pinyin {
namespace {

using pinyin_data::k_entries;
using pinyin_data::k_entry_count;

// CJK Extension A and the URO: nearly every character of real notices.
constexpr char32_t k_dense_first = 0x3400;
constexpr char32_t k_dense_last = 0x9FFF;

struct Slot {
    uint32_t first = 0;  // index into k_entries
    uint16_t count = 0;
    uint32_t initials = 0;
};

char32_t entry_char(uint32_t entry) {
    return entry >> 10;
}

uint32_t initials_of(const uint32_t* first, const uint32_t* last) {
    uint32_t mask = 0;
    for (const uint32_t* e = first; e != last; ++e) {
        mask |= 1u << (pinyin_data::k_syllables[*e & 0x3FF][0] - 'a');
    }
    return mask;
}

const std::vector<Slot>& dense_index() {
    static const std::vector<Slot> index = [] {
        std::vector<Slot> slots(k_dense_last - k_dense_first + 1);
        size_t i = 0;
        while (i < k_entry_count) {
            const char32_t c = entry_char(k_entries[i]);
            size_t j = i;
            while (j < k_entry_count && entry_char(k_entries[j]) == c) {
                ++j;
            }
            if (c >= k_dense_first && c <= k_dense_last) {
                slots[c - k_dense_first] = {static_cast<uint32_t>(i), static_cast<uint16_t>(j - i),
                                            initials_of(k_entries + i, k_entries + j)};
            }
            i = j;
        }
        return slots;
    }();
    return index;
}

Readings sparse_readings(char32_t c) {
    const uint32_t* end = k_entries + k_entry_count;
    const uint32_t* first = std::lower_bound(
        k_entries, end, c, [](uint32_t entry, char32_t key) { return entry_char(entry) < key; });
    const uint32_t* last = first;
    while (last != end && entry_char(*last) == c) {
        ++last;
    }
    return {first, last};
}

}  // namespace

Readings readings(char32_t c) {
    if (c < k_dense_first) {
        return {};  // nothing below Extension A is Han
    }
    if (c <= k_dense_last) {
        const Slot& slot = dense_index()[c - k_dense_first];
        return {k_entries + slot.first, k_entries + slot.first + slot.count};
    }
    return sparse_readings(c);
}

uint32_t initial_mask(char32_t c) {
    if (c < k_dense_first) {
        return 0;
    }
    if (c <= k_dense_last) {
        return dense_index()[c - k_dense_first].initials;
    }
    const Readings r = readings(c);
    uint32_t mask = 0;
    for (size_t i = 0; i < r.size(); ++i) {
        mask |= 1u << (syllable_text(r[i])[0] - 'a');
    }
    return mask;
}

size_t syllable_count() {
    return pinyin_data::k_syllable_count;
}

std::string_view syllable_text(SyllableId id) {
    return pinyin_data::k_syllables[id];
}

std::optional<SyllableId> syllable_id(std::string_view text) {
    const char* const* first = pinyin_data::k_syllables;
    const char* const* last = first + pinyin_data::k_syllable_count;
    const char* const* it = std::lower_bound(
        first, last, text,
        [](const char* s, std::string_view key) { return std::string_view(s) < key; });
    if (it == last || *it != text) {
        return std::nullopt;
    }
    return static_cast<SyllableId>(it - first);
}

bool is_syllable_prefix(std::string_view prefix) {
    const char* const* first = pinyin_data::k_syllables;
    const char* const* last = first + pinyin_data::k_syllable_count;
    const char* const* it = std::lower_bound(
        first, last, prefix,
        [](const char* s, std::string_view key) { return std::string_view(s) < key; });
    return !prefix.empty() && it != last && std::string_view(*it).starts_with(prefix);
}

}  // namespace content::search::pinyin
