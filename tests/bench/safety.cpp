// Content safety benchmark (not pass/fail): precision and recall on the safety corpus, and the time
// to check every notice of a 10,000-notice channel of realistic length, as a board does on arrival.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "content/safety/check.h"
#include "content/safety/rules_loader.h"
#include "content/source_tree.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const fs::path k_root = KIOSK_SOURCE_DIR;
constexpr int k_channel_notices = 10000;
constexpr int k_runs = 5;

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// CPU time of this thread: on a machine shared with other work, wall time mostly measures the
// neighbours; both are printed.
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

std::vector<content::Notice> load(const fs::path& dir) {
    content::SourceTree tree = content::load_source_tree(dir);
    if (!tree.diagnostics.empty()) {
        std::fprintf(stderr, "warning: %zu problem(s) reading %s\n", tree.diagnostics.size(),
                     dir.c_str());
    }
    return std::move(tree.notices);
}

struct Score {
    int true_positives = 0;
    int false_negatives = 0;
    int false_positives = 0;
    int true_negatives = 0;
};

Score score(const std::vector<content::Notice>& injected, const std::vector<content::Notice>& clean,
            const content::safety::SafetyRules& rules) {
    Score s;
    for (const content::Notice& n : injected) {
        (content::safety::check_notice(n, rules).empty() ? s.false_negatives : s.true_positives) += 1;
    }
    for (const content::Notice& n : clean) {
        (content::safety::check_notice(n, rules).empty() ? s.true_negatives : s.false_positives) += 1;
    }
    return s;
}

// A channel of `count` notices made from the clean corpus and the sample community: each copy
// gets its own id and a varied closing paragraph, so no two bodies are the same.
std::vector<content::Notice> make_channel(const std::vector<content::Notice>& sources, int count) {
    std::vector<content::Notice> out;
    out.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        content::Notice n = sources[static_cast<size_t>(i) % sources.size()];
        n.id += "-" + std::to_string(i);
        n.body += "\n\n（第" + std::to_string(i + 1) + "号通知，联系电话0571-86" +
                  std::to_string(500000 + i % 100000) + "，详见 https://qinghe.example.gov.cn/n/" +
                  std::to_string(i) + ".html）";
        out.push_back(std::move(n));
    }
    return out;
}

double percent(int part, int whole) {
    return whole == 0 ? 100.0 : 100.0 * part / whole;
}

}  // namespace

int main() {
    const auto load_start = Clock::now();
    const content::safety::SafetyRulesResult loaded =
        content::safety::load_safety_rules(k_root / "content" / "safety" / "rules");
    const double load_ms = ms_since(load_start);
    if (!loaded.rules) {
        std::fprintf(stderr, "the safety rules do not load\n");
        return 1;
    }
    const content::safety::SafetyRules& rules = *loaded.rules;

    const fs::path corpus = k_root / "tests" / "content" / "safety" / "corpus";
    const auto injected = load(corpus / "injected");
    const auto clean = load(corpus / "clean");
    const Score s = score(injected, clean, rules);
    const int flagged = s.true_positives + s.false_positives;

    std::vector<content::Notice> sources = clean;
    const auto sample = load(k_root / "content" / "sample");
    sources.insert(sources.end(), sample.begin(), sample.end());
    const auto channel = make_channel(sources, k_channel_notices);
    size_t bytes = 0;
    for (const content::Notice& n : channel) {
        for (const content::safety::CheckedField& f : content::safety::checked_fields(n)) {
            bytes += f.text.size();
        }
    }
    std::vector<double> runs, cpu_runs;
    size_t findings = 0;
    for (int run = 0; run < k_runs; ++run) {
        findings = 0;
        const auto start = Clock::now();
        const double cpu_start = cpu_ms();
        for (const content::Notice& n : channel) {
            findings += content::safety::check_notice(n, rules).size();
        }
        cpu_runs.push_back(cpu_ms() - cpu_start);
        runs.push_back(ms_since(start));
    }
    std::sort(runs.begin(), runs.end());
    std::sort(cpu_runs.begin(), cpu_runs.end());
    const double median = runs[runs.size() / 2];
    const double cpu_median = cpu_runs[cpu_runs.size() / 2];

    std::printf("| measure | value |\n|---|---|\n");
    std::printf("| corpus: injected notices caught | %d of %zu |\n", s.true_positives,
                injected.size());
    std::printf("| corpus: clean notices flagged | %d of %zu |\n", s.false_positives, clean.size());
    std::printf("| precision | %.1f%% |\n", percent(s.true_positives, flagged));
    std::printf("| recall | %.1f%% |\n",
                percent(s.true_positives, s.true_positives + s.false_negatives));
    std::printf("| rules load (content/safety/rules, %zu terms) | %.1f ms |\n", rules.terms.size(),
                load_ms);
    std::printf("| channel: notices, text checked | %d, %.1f MB (%.0f bytes a notice) |\n",
                k_channel_notices, bytes / 1e6, static_cast<double>(bytes) / k_channel_notices);
    std::printf(
        "| check every notice: wall time, median of %d (min, max) | %.0f ms (%.0f, %.0f) |\n",
        k_runs, median, runs.front(), runs.back());
    std::printf("| check every notice: CPU time, median (min) | %.0f ms (%.0f) |\n", cpu_median,
                cpu_runs.front());
    std::printf("| per notice (CPU) | %.1f µs |\n", cpu_median * 1000.0 / k_channel_notices);
    std::printf("| throughput (CPU) | %.1f MB/s |\n", bytes / 1e6 / (cpu_median / 1000.0));
    std::printf("| findings in the channel (expected 0) | %zu |\n", findings);
    return 0;
}
