// safety-train: trains the safety scorer (content/safety/scorer.h) from the training half of the
// safety corpus and writes its model file. CMake runs it at build time; the committed
// content/safety/rules/scorer/model.txt must equal its output (a test checks).
//
//   safety-train RULES_DIR CORPUS_DIR SAMPLE_DIR OUT_FILE
//
// Never reads CORPUS_DIR/heldout/. The window and threshold come from five-fold cross-validation
// inside the training half (folds by a hash of the notice id), never from the held-out half.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "content/diagnostic.h"
#include "content/safety/check.h"
#include "content/safety/rules_loader.h"
#include "content/safety/text.h"
#include "content/source_tree.h"

namespace fs = std::filesystem;
using namespace content::safety;

namespace {

constexpr double k_smoothing = 1.0;
constexpr int k_min_spam_count = 3;  // a positive weight needs three spam occurrences
constexpr double k_max_weight = 3.0;
constexpr double k_min_weight = 0.25;
constexpr double k_margin = 0.05;  // the threshold sits this far above the worst clean notice
constexpr int k_windows[] = {6, 8, 10, 12};

constexpr uint32_t k_folds = 5;

// The cross-validation fold of a notice, by a hash of its id (FNV-1a): fixed, and independent of
// the order the files are read in.
uint32_t fold_of(const std::string& id) {
    uint32_t h = 2166136261u;
    for (unsigned char c : id) {
        h = (h ^ c) * 16777619u;
    }
    return h % k_folds;
}

struct Counts {
    std::unordered_map<std::u32string, std::pair<int, int>> grams;  // (spam, ham)
    long spam_total = 0;
    long ham_total = 0;
};

// The clauses of a text as the checker sees them: skeleton characters between punctuation.
std::vector<std::u32string> clauses(std::string_view text, const SafetyRules& rules) {
    NormalizedText t;
    normalize_text(text, rules, t);
    std::vector<std::u32string> out(1);
    for (const SkeletonChar& c : t.skeleton) {
        if ((c.gap & (k_gap_hard | k_gap_sentence | k_gap_block)) && !out.back().empty()) {
            out.emplace_back();
        }
        out.back() += Scorer::symbol(c.cp);
    }
    return out;
}

void count(const std::u32string& clause, bool spam, Counts& c) {
    for (size_t n = 2; n <= 3; ++n) {
        for (size_t i = 0; i + n <= clause.size(); ++i) {
            auto& e = c.grams[clause.substr(i, n)];
            (spam ? e.first : e.second) += 1;
            (spam ? c.spam_total : c.ham_total) += 1;
        }
    }
}

std::vector<content::Notice> load(const fs::path& dir) {
    content::SourceTree tree = content::load_source_tree(dir);
    for (const content::Diagnostic& d : tree.diagnostics) {
        std::fprintf(stderr, "safety-train: %s\n", content::format_diagnostic(d).c_str());
    }
    return std::move(tree.notices);
}

std::map<std::string, std::string> payloads(const fs::path& tsv) {
    std::map<std::string, std::string> out;
    std::ifstream in(tsv);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cols;
        std::istringstream fields(line);
        for (std::string col; std::getline(fields, col, '\t');) {
            cols.push_back(col);
        }
        if (cols.size() >= 5 && line[0] != '#') {
            out[cols[0]] = cols[4];
        }
    }
    return out;
}

struct Example {
    content::Notice notice;
    bool spam;
};

// The naive Bayes log-likelihood ratio of every n-gram worth keeping, sorted by n-gram.
std::vector<std::pair<std::u32string, double>> weights(const Counts& c) {
    const double v = static_cast<double>(c.grams.size());
    std::vector<std::pair<std::u32string, double>> out;
    for (const auto& [gram, n] : c.grams) {
        const double w = std::log((n.first + k_smoothing) / (c.spam_total + k_smoothing * v)) -
                         std::log((n.second + k_smoothing) / (c.ham_total + k_smoothing * v));
        if (n.first + n.second < 2 || (w > 0 && n.first < k_min_spam_count) ||
            std::fabs(w) < k_min_weight) {
            continue;
        }
        out.push_back({gram, std::clamp(w, -k_max_weight, k_max_weight)});
    }
    std::sort(out.begin(), out.end());
    return out;
}

Scorer fit(const Counts& c, int window) {
    Scorer s;
    for (const auto& [gram, w] : weights(c)) {
        s.add(gram, static_cast<float>(w));
    }
    s.set_header(window, -1e9);
    s.finish();
    return s;
}

// Adds a notice's n-grams: a clean notice's clauses as ham; an injected notice's payload as
// spam, as written when the corpus records it, else the clauses that no clean notice has (the
// original corpus injects into clean notices).
void add_example(const Example& e, const std::map<std::string, std::string>& known,
                 const std::set<std::u32string>& clean_clauses, const SafetyRules& rules,
                 Counts& counts) {
    if (!e.spam) {
        for (const CheckedField& f : checked_fields(e.notice)) {
            for (const std::u32string& c : clauses(f.text, rules)) {
                count(c, false, counts);
            }
        }
        return;
    }
    const auto it = known.find(e.notice.id);
    if (it != known.end()) {
        for (const std::u32string& c : clauses(it->second, rules)) {
            count(c, true, counts);
        }
        return;
    }
    for (const CheckedField& f : checked_fields(e.notice)) {
        for (const std::u32string& c : clauses(f.text, rules)) {
            if (!clean_clauses.contains(c)) {
                count(c, true, counts);
            }
        }
    }
}

// The highest "suspected" score the checker gives a notice with `rules` (threshold -inf).
double notice_score(const content::Notice& n, const SafetyRules& rules) {
    double best = -1e9;
    for (const SafetyFinding& f : check_notice(n, rules)) {
        if (f.certainty == Certainty::Suspected) {
            best = std::max(best, f.score);
        }
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: safety-train RULES_DIR CORPUS_DIR SAMPLE_DIR OUT_FILE\n");
        return 2;
    }
    SafetyRulesResult loaded = load_safety_rules(argv[1]);
    for (const content::Diagnostic& d : loaded.diagnostics) {
        std::fprintf(stderr, "%s\n", content::format_diagnostic(d).c_str());
    }
    if (!loaded.rules) {
        return 2;
    }
    SafetyRules& rules = *loaded.rules;
    const fs::path corpus = argv[2];
    std::vector<Example> examples;
    std::set<std::u32string> clean_clauses;
    for (const fs::path& dir : {corpus / "clean", corpus / "train" / "clean", fs::path(argv[3])}) {
        for (content::Notice& n : load(dir)) {
            for (const CheckedField& f : checked_fields(n)) {
                for (const std::u32string& c : clauses(f.text, rules)) {
                    clean_clauses.insert(c);
                }
            }
            examples.push_back({std::move(n), false});
        }
    }
    std::map<std::string, std::string> known_payloads;
    for (const fs::path& dir : {corpus / "injected", corpus / "train" / "injected"}) {
        known_payloads.merge(payloads(dir / "expected.tsv"));
        for (content::Notice& n : load(dir)) {
            examples.push_back({std::move(n), true});
        }
    }
    // Five-fold cross-validation on the training half: every notice is scored by a model fitted
    // without its fold. The threshold is just above the highest score of any clean training
    // notice so scored (none is flagged); the window is the one that then catches most injected
    // notices. The final model is fitted on the whole training half.
    std::vector<Counts> fold_counts(k_folds + 1);  // [k_folds]: everything
    for (const Example& e : examples) {
        const uint32_t fold = fold_of(e.notice.id);
        for (uint32_t f = 0; f <= k_folds; ++f) {
            if (f != fold) {
                add_example(e, known_payloads, clean_clauses, rules, fold_counts[f]);
            }
        }
    }
    int best_window = 8, best_caught = -1;
    size_t clean_total = 0, injected_total = 0;
    double best_threshold = 0;
    for (int window : k_windows) {
        std::vector<double> clean, injected;
        for (uint32_t f = 0; f < k_folds; ++f) {
            rules.scorer = fit(fold_counts[f], window);
            for (const Example& e : examples) {
                if (fold_of(e.notice.id) == f) {
                    (e.spam ? injected : clean).push_back(notice_score(e.notice, rules));
                }
            }
        }
        const double threshold = *std::max_element(clean.begin(), clean.end()) + k_margin;
        const int caught = static_cast<int>(std::count_if(
            injected.begin(), injected.end(), [&](double s) { return s >= threshold; }));
        std::fprintf(
            stderr,
            "safety-train: window %d: threshold %.2f; out of fold, %d of %zu "
            "injected notices score above it (where no other layer fires), 0 of %zu clean\n",
            window, threshold, caught, injected.size(), clean.size());
        if (caught > best_caught) {
            best_caught = caught;
            best_window = window;
            best_threshold = threshold;
            clean_total = clean.size();
            injected_total = injected.size();
        }
    }
    const std::vector<std::pair<std::u32string, double>> kept = weights(fold_counts[k_folds]);
    std::ofstream out(argv[4], std::ios::binary);
    out << "# The safety scorer's model: character n-gram naive Bayes log-likelihood ratios.\n"
        << "# Generated by safety-train (content/safety/tools/train_scorer.cpp) from the training\n"
        << "# half of tests/content/safety/corpus/; do not edit: retrain (see README.md).\n";
    char line[128];
    std::snprintf(
        line, sizeof line,
        "# cross-validation: %d of %zu injected notices above the threshold, 0 of %zu clean\n",
        best_caught, injected_total, clean_total);
    out << line << "version 1\nwindow " << best_window << "\n";
    std::snprintf(line, sizeof line, "threshold %.2f\n", best_threshold);
    out << line;
    for (const auto& [gram, w] : kept) {
        std::snprintf(line, sizeof line, " %.3f\n", w);
        out << to_utf8(gram) << line;
    }
    if (!out) {
        std::fprintf(stderr, "safety-train: cannot write %s\n", argv[4]);
        return 2;
    }
    std::fprintf(stderr, "safety-train: %zu n-grams, window %d, threshold %.2f\n", kept.size(),
                 best_window, best_threshold);
    return 0;
}
