// Aho–Corasick automaton: a trie of the phrases with failure links, built breadth first.
#include "content/safety/matcher.h"

#include <algorithm>
#include <deque>

namespace content::safety {

uint32_t PhraseMatcher::intern(char32_t c) {
    if (const uint32_t s = symbol_of(c); s != k_none) {
        return s;
    }
    const uint32_t s = m_symbol_count++;
    if (c < m_bmp_symbols.size()) {
        m_bmp_symbols[c] = s;
    } else {
        m_other_symbols.emplace(c, s);
    }
    return s;
}

uint32_t PhraseMatcher::child(uint32_t node, uint32_t symbol) const {
    const auto& kids = m_nodes[node].children;
    const auto it = std::lower_bound(kids.begin(), kids.end(), std::make_pair(symbol, 0u));
    return it != kids.end() && it->first == symbol ? it->second : 0;
}

uint32_t PhraseMatcher::add(const std::u32string& phrase) {
    if (const auto it = m_ids.find(phrase); it != m_ids.end()) {
        return it->second;
    }
    uint32_t node = 0;
    for (char32_t c : phrase) {
        const uint32_t symbol = intern(c);
        uint32_t next_node = child(node, symbol);
        if (next_node == 0) {
            next_node = static_cast<uint32_t>(m_nodes.size());
            m_nodes.emplace_back();
            auto& kids = m_nodes[node].children;
            kids.insert(std::lower_bound(kids.begin(), kids.end(), std::make_pair(symbol, 0u)),
                        {symbol, next_node});
        }
        node = next_node;
    }
    const auto id = static_cast<uint32_t>(m_lengths.size());
    m_nodes[node].has_output = true;
    m_nodes[node].phrase = id;
    m_lengths.push_back(phrase.size());
    m_ids.emplace(phrase, id);
    return id;
}

void PhraseMatcher::build() {
    m_root.assign(m_symbol_count, 0);
    std::deque<uint32_t> queue;
    for (const auto& [symbol, node] : m_nodes[0].children) {
        m_root[symbol] = node;
        queue.push_back(node);
    }
    while (!queue.empty()) {
        const uint32_t node = queue.front();
        queue.pop_front();
        for (const auto& [symbol, kid] : m_nodes[node].children) {
            uint32_t f = m_nodes[node].fail;
            while (f != 0 && child(f, symbol) == 0) {
                f = m_nodes[f].fail;
            }
            const uint32_t target = f == 0 ? m_root[symbol] : child(f, symbol);
            m_nodes[kid].fail = target == kid ? 0 : target;
            const Node& fail_node = m_nodes[m_nodes[kid].fail];
            m_nodes[kid].output_link =
                fail_node.has_output ? m_nodes[kid].fail : fail_node.output_link;
            queue.push_back(kid);
        }
    }
}

uint32_t PhraseMatcher::next(uint32_t state, uint32_t symbol) const {
    while (state != 0) {
        if (const uint32_t n = child(state, symbol); n != 0) {
            return n;
        }
        state = m_nodes[state].fail;
    }
    return m_root[symbol];
}

}  // namespace content::safety
