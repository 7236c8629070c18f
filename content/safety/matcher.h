// Aho–Corasick matching of many phrases at once over a sequence of code points: one pass over a
// notice finds every rule term, allowed phrase, context cue and messenger name in it.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace content::safety {

class PhraseMatcher {
public:
    // Adds a phrase (already normalised) and returns its id; adding the same phrase again returns
    // the same id, so callers keep their own list of uses per id.
    uint32_t add(const std::u32string& phrase);
    // Builds the failure links; call once after the last add().
    void build();

    size_t phrase_count() const { return m_lengths.size(); }
    size_t phrase_length(uint32_t id) const { return m_lengths[id]; }

    // Feeds one code point; `on_match(id, end)` is called for every phrase ending here, where
    // `end` is the caller's index just past the code point. Start from state 0.
    template <class OnMatch>
    uint32_t step(uint32_t state, char32_t c, size_t end, OnMatch&& on_match) const {
        const uint32_t symbol = symbol_of(c);
        if (symbol == k_none) {
            return 0;
        }
        state = next(state, symbol);
        for (uint32_t n = m_nodes[state].has_output ? state : m_nodes[state].output_link; n != 0;
             n = m_nodes[n].output_link) {
            on_match(m_nodes[n].phrase, end);
        }
        return state;
    }

private:
    static constexpr uint32_t k_none = 0xFFFFFFFF;
    struct Node {
        std::vector<std::pair<uint32_t, uint32_t>> children;  // (symbol, node), sorted by symbol
        uint32_t fail = 0;
        uint32_t output_link = 0;  // nearest node on the fail chain that ends a phrase, or 0
        uint32_t phrase = 0;
        bool has_output = false;
    };

    uint32_t symbol_of(char32_t c) const {
        if (c < m_bmp_symbols.size()) {
            return m_bmp_symbols[c];
        }
        const auto it = m_other_symbols.find(c);
        return it == m_other_symbols.end() ? k_none : it->second;
    }
    uint32_t intern(char32_t c);
    uint32_t child(uint32_t node, uint32_t symbol) const;
    uint32_t next(uint32_t state, uint32_t symbol) const;

    std::vector<Node> m_nodes{Node{}};
    std::vector<uint32_t> m_root;  // dense goto of the root by symbol
    std::vector<uint32_t> m_bmp_symbols = std::vector<uint32_t>(0x10000, k_none);
    std::unordered_map<char32_t, uint32_t> m_other_symbols;
    uint32_t m_symbol_count = 0;
    std::unordered_map<std::u32string, uint32_t> m_ids;
    std::vector<size_t> m_lengths;
};

}  // namespace content::safety
