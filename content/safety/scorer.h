// The statistical layer of the safety checker: a character n-gram naive Bayes model, trained at
// build time from the training half of the corpus (content/safety/tools/train_scorer.cpp), that
// scores windows of a clause so that a spam phrase glued into a formal sentence stands out.
//
//   window score = sum of the log-likelihood ratios of every character bigram and trigram inside
//                  a window of `window` skeleton characters (digits read as one class);
//   a window at or above `threshold` is a "suspected" finding that names its strongest n-grams.
//
// The model file (rules/scorer/model.txt) is a header of `key value` lines (version, window,
// threshold) and one `ngram weight` line per n-gram; see content/safety/rules/README.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/diagnostic.h"

namespace content::safety {

class Scorer {
public:
    // Parses a model file; every bad line is a diagnostic naming `file` and the line.
    static Scorer parse(std::string_view file, std::string_view text,
                        std::vector<Diagnostic>& diagnostics);

    bool empty() const { return m_count == 0; }
    size_t size() const { return m_count; }
    int window() const { return m_window; }
    double threshold() const { return m_threshold; }
    size_t memory_bytes() const {
        return m_keys.capacity() * sizeof(uint64_t) + m_weights.capacity() * sizeof(float);
    }

    // The character class the model sees: digits are one symbol ('0'), so 88 and 38 look alike.
    static char32_t symbol(char32_t c) { return c >= '0' && c <= '9' ? U'0' : c; }
    static uint64_t key(char32_t a, char32_t b) {
        return (uint64_t{1} << 63) | (uint64_t{a} << 21) | b;
    }
    static uint64_t key(char32_t a, char32_t b, char32_t c) {
        return (uint64_t{a} << 42) | (uint64_t{b} << 21) | c;
    }

    // The weight of an n-gram key, 0 when the model does not know it.
    float weight(uint64_t k) const {
        if (m_count == 0) {
            return 0;
        }
        for (size_t i = hash(k) & m_mask;; i = (i + 1) & m_mask) {
            if (m_keys[i] == k) {
                return m_weights[i];
            }
            if (m_keys[i] == 0) {
                return 0;
            }
        }
    }

    // Building (the parser and the trainer): add every n-gram, then finish().
    void set_header(int window, double threshold) {
        m_window = window;
        m_threshold = threshold;
    }
    void add(const std::u32string& ngram, float weight) { m_pending.push_back({ngram, weight}); }
    void finish();

private:
    static size_t hash(uint64_t k) {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        return static_cast<size_t>(k);
    }
    struct Pending {
        std::u32string ngram;
        float weight;
    };
    std::vector<Pending> m_pending;
    std::vector<uint64_t> m_keys;
    std::vector<float> m_weights;
    size_t m_mask = 0;
    size_t m_count = 0;
    int m_window = 8;
    double m_threshold = 1e9;
};

}  // namespace content::safety
