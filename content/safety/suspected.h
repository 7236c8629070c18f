// The scorer's windows over a normalised text: within each clause (between punctuation), the
// window of the model's width with the highest score. Shared by the checker's "suspected"
// detector and by the trainer, which picks the threshold from these scores.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/safety/scorer.h"
#include "content/safety/text.h"

namespace content::safety {

struct ScoredWindow {
    uint32_t start;  // skeleton indices [start, end)
    uint32_t end;
    double score;
};

// The best window of every clause whose score is at least `min_score`.
std::vector<ScoredWindow> best_windows(const std::vector<SkeletonChar>& skeleton,
                                       const Scorer& scorer, double min_score);

// The n-grams of a window with the highest positive weights, strongest first: "官方版 +2.4".
std::string strongest_ngrams(const std::vector<SkeletonChar>& skeleton, const Scorer& scorer,
                             const ScoredWindow& window, size_t count);

}  // namespace content::safety
