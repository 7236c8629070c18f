// Posting lists of the search index: a bitmap of documents for queries, and the compact blob
// each (block, term) row stores.
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace content {

// Small dense document numbers the index uses instead of notice ids.
using DocId = uint32_t;

// Documents are grouped in blocks of 4096 consecutive ids; a row holds one term's documents of
// one block, so adding a document rewrites only rows of the last block.
inline constexpr int k_block_bits = 12;
inline constexpr DocId k_block_docs = DocId{1} << k_block_bits;
inline int64_t block_of(DocId doc) {
    return doc >> k_block_bits;
}

class DocSet {
public:
    explicit DocSet(size_t capacity = 0) : m_words((capacity + 63) / 64, 0) {}

    size_t capacity() const { return m_words.size() * 64; }
    void insert(DocId doc) { m_words[doc >> 6] |= uint64_t{1} << (doc & 63); }
    bool contains(DocId doc) const {
        return (doc >> 6) < m_words.size() && (m_words[doc >> 6] >> (doc & 63) & 1);
    }
    size_t count() const;
    bool empty() const;

    DocSet& operator&=(const DocSet& other);
    DocSet& operator|=(const DocSet& other);
    DocSet& subtract(const DocSet& other);

    // Calls f(doc) for each member in increasing order.
    template <class F>
    void for_each(F&& f) const {
        for (size_t w = 0; w < m_words.size(); ++w) {
            for (uint64_t bits = m_words[w]; bits != 0; bits &= bits - 1) {
                f(static_cast<DocId>(w * 64 + static_cast<size_t>(std::countr_zero(bits))));
            }
        }
    }

private:
    std::vector<uint64_t> m_words;
};

// Offsets of documents within a block (sorted, unique) to a row blob and back. The blob is the
// smaller of a list of varint gaps and a 512-byte bitmap, tagged by its first byte.
std::string encode_block(const std::vector<uint16_t>& offsets);
std::vector<uint16_t> decode_block(std::string_view blob);
// Adds the blob's documents (offsets from `base`) to `into`; ignores what lies past its capacity.
void add_block(std::string_view blob, DocId base, DocSet& into);

}  // namespace content
