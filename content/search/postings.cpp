// Posting list codec and document bitmaps (see search_postings.h).
#include "content/search/postings.h"

#include <algorithm>

namespace content::search {
namespace {

constexpr char k_tag_gaps = 0;
constexpr char k_tag_bitmap = 1;

template <class F>
void for_each_offset(std::string_view bytes, F&& f) {
    if (bytes.empty()) {
        return;
    }
    if (bytes[0] == k_tag_bitmap) {
        for (size_t i = 1; i < bytes.size(); ++i) {
            for (unsigned bits = static_cast<unsigned char>(bytes[i]); bits != 0;
                 bits &= bits - 1) {
                f(static_cast<uint32_t>((i - 1) * 8 + static_cast<size_t>(std::countr_zero(bits))));
            }
        }
        return;
    }
    uint64_t offset = 0;
    for (size_t pos = 1, n = 0; pos < bytes.size(); ++n) {
        const uint64_t value = get_varint(bytes, pos);
        offset = n == 0 ? value : offset + value;
        f(static_cast<uint32_t>(offset));
    }
}

}  // namespace

void put_varint(std::string& out, uint64_t value) {
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

uint64_t get_varint(std::string_view bytes, size_t& pos) {
    uint64_t value = 0;
    for (int shift = 0; pos < bytes.size() && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(bytes[pos++]);
        value |= static_cast<uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
            break;
        }
    }
    return value;
}

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

std::string encode_postings(const std::vector<uint32_t>& offsets) {
    const size_t bitmap_size = offsets.empty() ? 1 : 1 + offsets.back() / 8 + 1;
    std::string gaps(1, k_tag_gaps);
    for (size_t i = 0; i < offsets.size() && gaps.size() <= bitmap_size; ++i) {
        put_varint(gaps, i == 0 ? offsets[i] : offsets[i] - offsets[i - 1]);
    }
    if (gaps.size() <= bitmap_size) {
        return gaps;
    }
    std::string bitmap(bitmap_size, '\0');
    bitmap[0] = k_tag_bitmap;
    for (uint32_t offset : offsets) {
        bitmap[1 + offset / 8] = static_cast<char>(bitmap[1 + offset / 8] | (1 << (offset % 8)));
    }
    return bitmap;
}

std::vector<uint32_t> decode_postings(std::string_view bytes) {
    std::vector<uint32_t> offsets;
    for_each_offset(bytes, [&](uint32_t offset) { offsets.push_back(offset); });
    return offsets;
}

void add_postings(std::string_view bytes, DocId base, DocSet& into) {
    const size_t capacity = into.capacity();
    if (!bytes.empty() && bytes[0] == k_tag_bitmap && base % 8 == 0) {
        // Whole bytes at a time: dense lists are the long ones.
        for (size_t i = 1; i < bytes.size(); ++i) {
            const size_t first = size_t{base} + (i - 1) * 8;
            if (first >= capacity) {
                break;
            }
            const uint64_t bits = static_cast<unsigned char>(bytes[i]);
            into.m_words[first / 64] |= bits << (first % 64);
        }
        return;
    }
    for_each_offset(bytes, [&](uint32_t offset) {
        const size_t doc = size_t{base} + offset;
        if (doc < capacity) {
            into.insert(static_cast<DocId>(doc));
        }
    });
}

}  // namespace content::search
