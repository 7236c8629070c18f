// Posting list codec and document bitmaps (see search_postings.h).
#include "content/search_postings.h"

#include <algorithm>

namespace content {
namespace {

constexpr char k_tag_gaps = 0;
constexpr char k_tag_bitmap = 1;
constexpr size_t k_bitmap_bytes = k_block_docs / 8;

void put_varint(std::string& out, uint32_t value) {
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

template <class F>
void for_each_offset(std::string_view blob, F&& f) {
    if (blob.empty()) {
        return;
    }
    if (blob[0] == k_tag_bitmap) {
        for (size_t i = 1; i < blob.size(); ++i) {
            for (unsigned bits = static_cast<unsigned char>(blob[i]); bits != 0; bits &= bits - 1) {
                f(static_cast<uint32_t>((i - 1) * 8 + static_cast<size_t>(std::countr_zero(bits))));
            }
        }
        return;
    }
    uint32_t previous = 0;
    bool first = true;
    for (size_t i = 1; i < blob.size();) {
        uint32_t value = 0;
        for (int shift = 0; i < blob.size() && shift < 32; shift += 7) {
            const auto byte = static_cast<unsigned char>(blob[i++]);
            value |= static_cast<uint32_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) {
                break;
            }
        }
        previous = first ? value : previous + value;
        first = false;
        f(previous);
    }
}

}  // namespace

size_t DocSet::count() const {
    size_t n = 0;
    for (uint64_t w : m_words) {
        n += static_cast<size_t>(std::popcount(w));
    }
    return n;
}

bool DocSet::empty() const {
    return std::all_of(m_words.begin(), m_words.end(), [](uint64_t w) { return w == 0; });
}

DocSet& DocSet::operator&=(const DocSet& other) {
    for (size_t i = 0; i < m_words.size(); ++i) {
        m_words[i] &= i < other.m_words.size() ? other.m_words[i] : 0;
    }
    return *this;
}

DocSet& DocSet::operator|=(const DocSet& other) {
    if (other.m_words.size() > m_words.size()) {
        m_words.resize(other.m_words.size(), 0);
    }
    for (size_t i = 0; i < other.m_words.size(); ++i) {
        m_words[i] |= other.m_words[i];
    }
    return *this;
}

DocSet& DocSet::subtract(const DocSet& other) {
    const size_t n = std::min(m_words.size(), other.m_words.size());
    for (size_t i = 0; i < n; ++i) {
        m_words[i] &= ~other.m_words[i];
    }
    return *this;
}

std::string encode_block(const std::vector<uint16_t>& offsets) {
    std::string gaps(1, k_tag_gaps);
    uint32_t previous = 0;
    for (size_t i = 0; i < offsets.size() && gaps.size() <= k_bitmap_bytes; ++i) {
        put_varint(gaps, i == 0 ? offsets[i] : offsets[i] - previous);
        previous = offsets[i];
    }
    if (gaps.size() <= k_bitmap_bytes) {
        return gaps;
    }
    std::string bitmap(k_bitmap_bytes + 1, '\0');
    bitmap[0] = k_tag_bitmap;
    for (uint16_t offset : offsets) {
        bitmap[1 + offset / 8] = static_cast<char>(bitmap[1 + offset / 8] | (1 << (offset % 8)));
    }
    return bitmap;
}

std::vector<uint16_t> decode_block(std::string_view blob) {
    std::vector<uint16_t> offsets;
    for_each_offset(blob, [&](uint32_t offset) {
        if (offset < k_block_docs) {
            offsets.push_back(static_cast<uint16_t>(offset));
        }
    });
    return offsets;
}

void add_block(std::string_view blob, DocId base, DocSet& into) {
    const size_t capacity = into.capacity();
    for_each_offset(blob, [&](uint32_t offset) {
        const size_t doc = size_t{base} + offset;
        if (offset < k_block_docs && doc < capacity) {
            into.insert(static_cast<DocId>(doc));
        }
    });
}

}  // namespace content
