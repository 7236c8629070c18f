// Content safety benchmark (not pass/fail): recall and false positives on the held-out and training
// halves of the safety corpus by technique, and the time to check every notice of a 10,000-notice
// channel of realistic length, as a board does on arrival.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
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

// One injected notice as expected.tsv describes it: its technique and, for the generated
// part of the corpus, the payload as written (a notice counts as caught only when a finding
// overlaps it; the original corpus has no payload column, so any finding counts there).
struct Expected {
    std::string technique;
    std::string payload;
};

// The original corpus's evasion notes, sorted into the kinds of technique of issue 16.
std::string technique_of(const std::string& evasion) {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> k_kinds = {
        {"contact",
         {"mobile", "微信", "QQ", "V信", "VX", "扣扣", "飞机", "e-mail", "with id", "numeral"}},
        {"url", {"domain", "url", "URL", "com", "dot", "link", "address", ".)cc"}},
        {"homoglyph",
         {"Cyrillic", "Greek", "full-width", "bold", "circled", "look-alike", "upper-case"}},
        {"listed-brand",
         {"zero-width", "bidi", "right-to-left", "joiner", "soft hyphen", "tag", "control",
          "private", "HTML", "hidden", "traditional", "title", "brand"}},
        {"split",
         {"spaces", "dot inside", "tildes", "slashes", "emoji", "separator", "line break"}},
    };
    for (const auto& [kind, words] : k_kinds) {
        for (const std::string& w : words) {
            if (evasion.find(w) != std::string::npos) {
                return kind;
            }
        }
    }
    return "listed-term";
}

std::map<std::string, Expected> read_expected(const fs::path& tsv) {
    std::map<std::string, Expected> out;
    std::ifstream in(tsv);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::vector<std::string> cols;
        std::istringstream fields(line);
        for (std::string col; std::getline(fields, col, '\t');) {
            cols.push_back(col);
        }
        Expected e;
        e.technique = cols.size() >= 4 ? cols[3] : technique_of(cols.size() >= 3 ? cols[2] : "");
        e.payload = cols.size() >= 5 ? cols[4] : "";
        out[cols[0]] = e;
    }
    return out;
}

// Whether a finding overlaps the payload (or, with no payload recorded, whether there is any).
bool caught(const content::Notice& n, const Expected& e,
            const std::vector<content::safety::SafetyFinding>& findings) {
    if (e.payload.empty()) {
        return !findings.empty();
    }
    for (const content::safety::CheckedField& field : content::safety::checked_fields(n)) {
        const size_t at = field.text.find(e.payload);
        if (at == std::string_view::npos) {
            continue;
        }
        for (const auto& f : findings) {
            if (f.field == field.name && f.start < at + e.payload.size() && f.end > at) {
                return true;
            }
        }
        return false;
    }
    return !findings.empty();  // not found as written (YAML quoting): any finding
}

struct Tally {
    int caught = 0;
    int total = 0;
};

struct HalfScore {
    std::map<std::string, Tally> by_technique;
    Tally injected;
    Tally clean_flagged;
    std::map<std::string, int> false_positive_rules;
};

// A half of the corpus: injected folders with their expected.tsv, and clean folders.
void score_half(const std::vector<fs::path>& injected_dirs, const std::vector<fs::path>& clean_dirs,
                const content::safety::SafetyRules& rules, HalfScore& s) {
    for (const fs::path& dir : injected_dirs) {
        const auto expected = read_expected(dir / "expected.tsv");
        for (const content::Notice& n : load(dir)) {
            const auto it = expected.find(n.id);
            const Expected e = it == expected.end() ? Expected{"unlisted", ""} : it->second;
            const bool hit = caught(n, e, content::safety::check_notice(n, rules));
            Tally& t = s.by_technique[e.technique];
            t.caught += hit ? 1 : 0;
            ++t.total;
            s.injected.caught += hit ? 1 : 0;
            ++s.injected.total;
        }
    }
    for (const fs::path& dir : clean_dirs) {
        for (const content::Notice& n : load(dir)) {
            const auto findings = content::safety::check_notice(n, rules);
            ++s.clean_flagged.total;
            if (!findings.empty()) {
                ++s.clean_flagged.caught;
                std::set<std::string> seen;
                for (const auto& f : findings) {
                    seen.insert(f.rule);
                }
                for (const std::string& r : seen) {
                    ++s.false_positive_rules[r];
                }
            }
        }
    }
}

double percent(int part, int whole) {
    return whole == 0 ? 100.0 : 100.0 * part / whole;
}

void print_half(const char* name, const HalfScore& s) {
    std::printf("\n%s: injected caught %d of %d (%.1f%%), clean flagged %d of %d (%.1f%%)\n\n",
                name, s.injected.caught, s.injected.total,
                percent(s.injected.caught, s.injected.total), s.clean_flagged.caught,
                s.clean_flagged.total, percent(s.clean_flagged.caught, s.clean_flagged.total));
    std::printf("| technique (%s) | caught | of | recall |\n|---|---|---|---|\n", name);
    for (const auto& [technique, t] : s.by_technique) {
        std::printf("| %s | %d | %d | %.1f%% |\n", technique.c_str(), t.caught, t.total,
                    percent(t.caught, t.total));
    }
    std::printf("\nclean notices flagged by rule (%s):", name);
    for (const auto& [rule, count] : s.false_positive_rules) {
        std::printf(" %s %d;", rule.c_str(), count);
    }
    std::printf("\n");
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

    // The held-out half is corpus/heldout/; everything else is training (corpus/README.md).
    const fs::path corpus = k_root / "tests" / "content" / "safety" / "corpus";
    HalfScore train, heldout;
    score_half({corpus / "injected", corpus / "train" / "injected"},
               {corpus / "clean", corpus / "train" / "clean"}, rules, train);
    score_half({corpus / "heldout" / "injected"}, {corpus / "heldout" / "clean"}, rules, heldout);
    const auto clean = load(corpus / "clean");

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
    print_half("held-out half", heldout);
    print_half("training half", train);
    return 0;
}
