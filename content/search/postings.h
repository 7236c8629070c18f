// Posting lists of the search index: a bitmap of documents for queries, and the compact bytes a
// term's documents take inside a segment.
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace content::search {

// Small dense document numbers the index uses instead of notice ids.
using DocId = uint32_t;

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
    friend void add_postings(std::string_view, DocId, DocSet&);
    std::vector<uint64_t> m_words;
};

// Offsets of documents from a segment's first document (sorted, unique) to bytes and back: the
// smaller of varint gaps and a bitmap cut after its last set bit, tagged by the first byte.
std::string encode_postings(const std::vector<uint32_t>& offsets);
std::vector<uint32_t> decode_postings(std::string_view bytes);
// Adds the documents (offsets from `base`) to `into`; ignores any past its capacity.
void add_postings(std::string_view bytes, DocId base, DocSet& into);

void put_varint(std::string& out, uint64_t value);
// Reads a varint at `pos` and advances it; stops at the end of `bytes`.
uint64_t get_varint(std::string_view bytes, size_t& pos);

}  // namespace content::search
