// Document bitmaps (see doc_set.h).
#include "content/search/doc_set.h"

#include <algorithm>

namespace content::search {

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

}  // namespace content::search
