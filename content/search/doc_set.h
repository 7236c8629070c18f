// Sets of indexed notices as bitmaps over their document numbers: what the searcher intersects
// (query conditions, the notices shown now) and walks in rank order.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace content::search {

// Small dense numbers the index gives notices (search_docs.doc, the FTS5 rowid).
using DocId = uint32_t;

class DocSet {
public:
    explicit DocSet(size_t capacity = 0) : m_words((capacity + 63) / 64, 0) {}

    size_t capacity() const { return m_words.size() * 64; }
    // Ignores documents past the capacity.
    void insert(DocId doc) {
        if ((doc >> 6) < m_words.size()) {
            m_words[doc >> 6] |= uint64_t{1} << (doc & 63);
        }
    }
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

}  // namespace content::search
