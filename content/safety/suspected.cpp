// The "suspected" layer: windows the n-gram scorer rates as spam, reported with their score and
// the n-grams that fired, unless another layer already found the span or its sentence condemns.
#include "content/safety/suspected.h"

#include <algorithm>
#include <cstdio>

#include "content/safety/context.h"

namespace content::safety {
namespace {

// Clauses end at ordinary punctuation, sentence ends and blocks: spam glued into a sentence
// without punctuation stays in its clause, and the window finds it there.
bool clause_break(const SkeletonChar& c) {
    return (c.gap & (k_gap_hard | k_gap_sentence | k_gap_block)) != 0;
}

float bigram_at(const std::vector<SkeletonChar>& s, const Scorer& m, uint32_t i) {
    return m.weight(Scorer::key(Scorer::symbol(s[i - 1].cp), Scorer::symbol(s[i].cp)));
}
float trigram_at(const std::vector<SkeletonChar>& s, const Scorer& m, uint32_t i) {
    return m.weight(Scorer::key(Scorer::symbol(s[i - 2].cp), Scorer::symbol(s[i - 1].cp),
                                Scorer::symbol(s[i].cp)));
}

void score_clause(const std::vector<SkeletonChar>& s, const Scorer& m, uint32_t a, uint32_t b,
                  double min_score, std::vector<ScoredWindow>& out) {
    if (b - a < 2) {
        return;
    }
    // Prefix sums: bg[i] is the bigram ending at a + i, tg[i] the trigram.
    thread_local std::vector<double> bg, tg;
    const uint32_t n = b - a;
    bg.assign(n + 1, 0);
    tg.assign(n + 1, 0);
    for (uint32_t i = 0; i < n; ++i) {
        bg[i + 1] = bg[i] + (i >= 1 ? bigram_at(s, m, a + i) : 0);
        tg[i + 1] = tg[i] + (i >= 2 ? trigram_at(s, m, a + i) : 0);
    }
    const uint32_t w = std::min<uint32_t>(static_cast<uint32_t>(m.window()), n);
    ScoredWindow best{0, 0, -1e300};
    for (uint32_t start = 0; start + w <= n; ++start) {
        const uint32_t last = start + w;  // exclusive
        const double score = (bg[last] - bg[start + 1]) + (w >= 3 ? tg[last] - tg[start + 2] : 0);
        if (score > best.score) {
            best = {a + start, a + last, score};
        }
    }
    if (best.score >= min_score) {
        out.push_back(best);
    }
}

}  // namespace

std::vector<ScoredWindow> best_windows(const std::vector<SkeletonChar>& skeleton,
                                       const Scorer& scorer, double min_score) {
    std::vector<ScoredWindow> out;
    if (scorer.empty()) {
        return out;
    }
    uint32_t a = 0;
    const auto size = static_cast<uint32_t>(skeleton.size());
    for (uint32_t i = 1; i <= size; ++i) {
        if (i == size || clause_break(skeleton[i])) {
            score_clause(skeleton, scorer, a, i, min_score, out);
            a = i;
        }
    }
    return out;
}

std::string strongest_ngrams(const std::vector<SkeletonChar>& s, const Scorer& m,
                             const ScoredWindow& window, size_t count) {
    std::vector<std::pair<float, std::u32string>> grams;
    for (uint32_t i = window.start + 1; i < window.end; ++i) {
        grams.push_back({bigram_at(s, m, i), {s[i - 1].cp, s[i].cp}});
        if (i >= window.start + 2) {
            grams.push_back({trigram_at(s, m, i), {s[i - 2].cp, s[i - 1].cp, s[i].cp}});
        }
    }
    std::stable_sort(grams.begin(), grams.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    std::string out;
    for (size_t k = 0; k < grams.size() && k < count && grams[k].first > 0; ++k) {
        char weight[16];
        std::snprintf(weight, sizeof weight, " +%.1f", grams[k].first);
        out += (out.empty() ? "" : ", ") + to_utf8(grams[k].second) + weight;
    }
    return out;
}

void detect_suspected(const MatchContext& context, std::vector<SafetyFinding>& out) {
    const SafetyRules& rules = context.rules();
    const auto& s = context.text().skeleton;
    for (const ScoredWindow& w : best_windows(s, rules.scorer, rules.scorer.threshold())) {
        if (context.condemned(context.sentence_of(w.start), "suspected")) {
            continue;  // 警惕“刷单返利”: a warning quotes the trade's words
        }
        const SafetyFinding probe = context.finding("suspected", w.start, w.end, "");
        const bool covered = std::any_of(out.begin(), out.end(), [&](const SafetyFinding& f) {
            return f.start < probe.end && probe.start < f.end;
        });
        if (covered) {
            continue;  // another layer already explains this span
        }
        SafetyFinding f = probe;
        f.term = strongest_ngrams(s, rules.scorer, w, 3);
        f.layer = "scorer";
        f.certainty = Certainty::Suspected;
        f.score = w.score;
        char reason[160];
        std::snprintf(reason, sizeof reason,
                      "the n-gram scorer rates this %d-character window %.1f, at or above its "
                      "threshold %.1f; the strongest n-grams are listed",
                      static_cast<int>(w.end - w.start), w.score, rules.scorer.threshold());
        f.reason = reason;
        out.push_back(std::move(f));
    }
}

}  // namespace content::safety
