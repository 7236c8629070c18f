// Search benchmarks (not pass/fail) on 100,000 generated notices: index build time and size
// against the text; p50/p95 latency per kind of query with exact totals, checked against a
// brute-force scan of the texts; key tap to updated first page; updates. The generated content.db
// is cached under the build dir (its index rebuilt when of another format); --fresh regenerates it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "content/date_time.h"
#include "content/search/index.h"
#include "content/search/searcher.h"
#include "content/store.h"
#include "tests/bench/search_corpus.h"
#include "tests/content/search/reference_search.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const fs::path k_root = KIOSK_SOURCE_DIR;
const std::string k_unihan = "/usr/share/unicode/Unihan_Readings.txt.bz2";
// Bump when the generator changes, so a cached database is not reused.
constexpr int k_generator_version = 2;

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

int64_t at(const char* text) {
    return *content::parse_beijing_time(text);
}

struct CorpusStats {
    int version = 0;
    size_t notices = 0;
    double markdown_mb = 0;
    double text_mb = 0;  // plain body text, what the index covers
    double title_mb = 0;
    double generate_s = 0;
    double build_s = 0;
};

void save_stats(const fs::path& file, const CorpusStats& s) {
    std::ofstream out(file);
    out << s.version << ' ' << s.notices << ' ' << s.markdown_mb << ' ' << s.text_mb << ' '
        << s.title_mb << ' ' << s.generate_s << ' ' << s.build_s << '\n';
}

CorpusStats load_stats(const fs::path& file) {
    CorpusStats s;
    std::ifstream in(file);
    in >> s.version >> s.notices >> s.markdown_mb >> s.text_mb >> s.title_mb >> s.generate_s >>
        s.build_s;
    return s;
}

struct Fixture {
    bench::CharTable chars;
    bench::Lexicon lexicon;
};

CorpusStats generate(const fs::path& db_path, size_t count, const Fixture& f) {
    CorpusStats stats;
    stats.version = k_generator_version;
    stats.notices = count;
    fs::remove(db_path);
    fs::remove(db_path.string() + "-wal");
    fs::remove(db_path.string() + "-shm");
    const auto start = Clock::now();
    content::Store store = content::Store::open(db_path.string(), content::OpenMode::ReadWrite);
    bench::Rng rng(20261127);
    bench::NoticeGenerator generator(f.lexicon, f.chars, rng);
    content::Transaction tx(store.database());
    for (size_t i = 0; i < count; ++i) {
        const content::Notice n = generator.make(i, at("2024-01-01"), at("2026-11-26"));
        stats.markdown_mb += static_cast<double>(n.body.size()) / 1e6;
        stats.text_mb += static_cast<double>(content::search::body_plain_text(n.body).size()) / 1e6;
        stats.title_mb += static_cast<double>(n.title.size()) / 1e6;
        store.put_notice(n, i % 97 == 0 ? std::optional<std::string>("bench") : std::nullopt);
    }
    tx.commit();
    stats.generate_s = ms_since(start) / 1000;

    const auto build = Clock::now();
    content::search::rebuild_search_index(store.database());
    stats.build_s = ms_since(build) / 1000;
    store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return stats;
}

struct IndexSize {
    double bodies_mb = 0;  // search_bodies' shadow tables
    double titles_mb = 0;  // search_titles'
    double docs_mb = 0;    // search_docs, search_meta, notices_for_search
};

IndexSize index_size(content::Database& db) {
    IndexSize size;
    content::Statement st = db.prepare(
        "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search%' OR name = "
        "'notices_for_search' OR name = 'sqlite_autoindex_search_docs_1' GROUP BY name");
    while (st.step()) {
        const std::string name = st.column_text(0);
        const double mb = static_cast<double>(st.column_int(1)) / 1e6;
        (name.starts_with("search_bodies")   ? size.bodies_mb
         : name.starts_with("search_titles") ? size.titles_mb
                                             : size.docs_mb) += mb;
    }
    return size;
}

// A sample of the generated notices, folded, to draw queries from.
struct TextSample {
    std::vector<std::u32string> titles;
    std::vector<std::u32string> bodies;
};

TextSample sample_texts(content::Database& db, size_t count, size_t notices) {
    TextSample sample;
    bench::Rng rng(7);
    content::Statement st = db.prepare("SELECT title, body FROM notices WHERE id = ?1");
    for (size_t i = 0; i < count; ++i) {
        st.reset();
        st.bind(1, "bench-" + std::to_string(bench::uniform(rng, notices)));
        if (st.step()) {
            sample.titles.push_back(content::search::fold_string(st.column_text(0)));
            sample.bodies.push_back(
                content::search::fold_string(content::search::body_plain_text(st.column_text(1))));
        }
    }
    return sample;
}

bool is_han(char32_t c) {
    return !content::search::pinyin::readings(c).empty();
}

// A run of `length` Han characters at a random place of a random text, or empty.
std::u32string han_window(const std::vector<std::u32string>& texts, size_t length, bench::Rng& rng,
                          const std::function<bool(std::u32string_view)>& accept = nullptr) {
    for (int attempt = 0; attempt < 10000; ++attempt) {
        const std::u32string& text = texts[bench::uniform(rng, texts.size())];
        if (text.size() < length) {
            continue;
        }
        const std::u32string_view window =
            std::u32string_view(text).substr(bench::uniform(rng, text.size() - length + 1), length);
        if (std::all_of(window.begin(), window.end(), is_han) && (!accept || accept(window))) {
            return std::u32string(window);
        }
    }
    return {};
}

std::string syllables_of(std::u32string_view window, size_t full) {
    std::string out;
    for (size_t i = 0; i < window.size(); ++i) {
        const std::string_view s =
            content::search::pinyin::syllable_text(content::search::pinyin::readings(window[i])[0]);
        out += i < full ? std::string(s) : std::string(1, s[0]);
    }
    return out;
}

struct QueryKind {
    std::string name;
    std::vector<std::string> queries;
};

std::vector<QueryKind> query_kinds(const TextSample& sample, const Fixture& f) {
    bench::Rng rng(11);
    // Rare: in one of the sampled notices only (about 1 in 400, so a few hundred of 100,000).
    auto rare = [&](std::u32string_view w) {
        size_t holders = 0;
        for (const std::u32string& body : sample.bodies) {
            holders += body.find(w) != std::u32string::npos ? 1 : 0;
            if (holders > 1) {
                return false;
            }
        }
        return true;
    };
    std::vector<QueryKind> kinds;
    auto windows = [&](const std::string& name, const std::vector<std::u32string>& texts,
                       size_t length, size_t n, auto&& accept, auto&& to_query) {
        QueryKind kind{name, {}};
        while (kind.queries.size() < n) {
            const std::u32string w = han_window(texts, length, rng, accept);
            if (!w.empty()) {
                kind.queries.push_back(to_query(w));
            }
        }
        kinds.push_back(std::move(kind));
    };
    auto any = [](std::u32string_view) { return true; };
    auto chinese = [](std::u32string_view w) { return bench::utf8(w); };
    windows("1 character", sample.bodies, 1, 200, any, chinese);
    windows("1 character, rare", sample.bodies, 1, 100, rare, chinese);
    windows("2 characters", sample.bodies, 2, 200, any, chinese);
    windows("2 characters, rare", sample.bodies, 2, 100, rare, chinese);
    windows("3 characters", sample.bodies, 3, 200, any, chinese);
    windows("4 characters", sample.bodies, 4, 200, any, chinese);
    windows("4 characters, rare", sample.bodies, 4, 100, rare, chinese);
    QueryKind common{"common words", {}};
    for (size_t i = 0; common.queries.size() < 100; ++i) {
        common.queries.push_back(f.lexicon.words[i]);
    }
    kinds.push_back(common);
    kinds.push_back(
        {"digits and Latin",
         {"9:30", "2026", "0571", "12345", "10:00", "aed", "110", "15幢", "2026年11月", "420元"}});
    windows("initials, 2 letters", sample.titles, 2, 100, any,
            [](auto w) { return syllables_of(w, 0); });
    windows("initials, 4 letters", sample.titles, 4, 100, any,
            [](auto w) { return syllables_of(w, 0); });
    windows("full pinyin, 2 syllables", sample.bodies, 2, 100, any,
            [](auto w) { return syllables_of(w, 2); });
    windows("full pinyin, 4 syllables", sample.bodies, 4, 100, any,
            [](auto w) { return syllables_of(w, 4); });
    windows("mixed pinyin (yib)", sample.titles, 2, 100, any,
            [](auto w) { return syllables_of(w, 1); });
    return kinds;
}

// Key taps as a resident types: each prefix of the input is a fresh search.
std::vector<QueryKind> tap_kinds(const TextSample& sample) {
    bench::Rng rng(13);
    QueryKind initials{"tap: initials as typed", {}};
    QueryKind pinyin{"tap: full pinyin as typed", {}};
    QueryKind chinese{"tap: candidates chosen", {}};
    while (initials.queries.size() < 200) {
        const std::u32string w = han_window(sample.titles, 4, rng);
        const std::string letters = syllables_of(w, 0);
        const std::string full = syllables_of(w, 4);
        for (size_t i = 1; i <= letters.size(); ++i) {
            initials.queries.push_back(letters.substr(0, i));
            chinese.queries.push_back(bench::utf8(std::u32string_view(w).substr(0, i)));
        }
        for (size_t i = 1; i <= full.size(); ++i) {
            pinyin.queries.push_back(full.substr(0, i));
        }
    }
    return {initials, pinyin, chinese};
}

struct Timing {
    double p50 = 0;
    double p95 = 0;
    double max = 0;
    double results = 0;
    size_t checked = 0;  // queries compared with the brute-force scan
    size_t equal = 0;    // of which the total and first page were the same
};

// Every notice's folded texts, for the brute-force scan.
using Texts = std::vector<reference::Text>;

Texts load_texts(content::Database& db) {
    Texts texts;
    // Quarantined notices too (Store::notice hides them): they must stay unfound.
    content::Statement st = db.prepare(
        "SELECT id, category, title, body, published_at, starts_at, expires_at, "
        "quarantine IS NOT NULL FROM notices");
    while (st.step()) {
        content::Notice n;
        n.id = st.column_text(0);
        n.category = content::category_from_text(st.column_text(1))
                         .value_or(content::Category::Announcement);
        n.title = st.column_text(2);
        n.body = st.column_text(3);
        n.published_at = st.column_int(4);
        n.starts_at = st.column_optional_int(5);
        n.expires_at = st.column_optional_int(6);
        texts.push_back(reference::make_text(n, st.column_int(7) != 0));
    }
    return texts;
}

// How many queries of each kind are also answered by the brute-force scan (about 0.3 s each).
constexpr size_t k_checked_per_kind = 4;

Timing run_kind(content::search::Searcher& searcher, const QueryKind& kind, int64_t now,
                const Texts& texts) {
    std::vector<double> times;
    Timing timing;
    double results = 0;
    for (size_t i = 0; i < kind.queries.size(); ++i) {
        content::search::SearchRequest request;
        request.query = kind.queries[i];
        request.now = now;
        request.limit = 8;  // the first page of the search screen
        const auto start = Clock::now();
        const content::search::SearchResult result = searcher.search(request);
        times.push_back(ms_since(start));
        results += static_cast<double>(result.total);
        if (i < k_checked_per_kind) {
            std::vector<std::string> want = reference::search(texts, request.query, {}, now);
            const size_t total = want.size();
            want.resize(std::min(want.size(), request.limit));
            std::vector<std::string> got;
            for (const content::search::SearchHit& hit : result.hits) {
                got.push_back(hit.id);
            }
            ++timing.checked;
            timing.equal += total == result.total && got == want ? 1 : 0;
            if (total != result.total || got != want) {
                std::fprintf(stderr, "MISMATCH %s: total %zu, brute force %zu\n",
                             request.query.c_str(), result.total, total);
            }
        }
    }
    std::sort(times.begin(), times.end());
    const auto n = static_cast<double>(times.size());
    const auto p95 = static_cast<size_t>(std::ceil(0.95 * n)) - 1;
    timing.p50 = times[times.size() / 2];
    timing.p95 = times[p95];
    timing.max = times.back();
    timing.results = results / n;
    return timing;
}

void print_latency(content::search::Searcher& searcher, const std::vector<QueryKind>& kinds,
                   int64_t now, const Texts& texts) {
    std::printf(
        "\n| query kind | e.g. | queries | p50 ms | p95 ms | max ms | mean total (exact) | "
        "= brute force | p95 < 20 ms |\n");
    std::printf("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (const QueryKind& kind : kinds) {
        const Timing t = run_kind(searcher, kind, now, texts);
        std::string examples;
        for (size_t i = 0; i < kind.queries.size() && i < 3; ++i) {
            examples += (i ? ", " : "") + kind.queries[i];
        }
        std::printf("| %s | %s | %zu | %.2f | %.2f | %.2f | %.0f | %zu/%zu | %s |\n",
                    kind.name.c_str(), examples.c_str(), kind.queries.size(), t.p50, t.p95, t.max,
                    t.results, t.equal, t.checked, t.p95 < 20 ? "yes" : "**no**");
        std::fflush(stdout);
    }
}

void print_sizes(const CorpusStats& stats, const IndexSize& size, double load_ms,
                 double memory_mb) {
    std::printf(
        "| body text (plain) | Markdown | titles | index: bodies (FTS5) | index: titles (FTS5) | "
        "index: documents | index / text | build | searcher load | searcher memory |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    std::printf(
        "| %.1f MB | %.1f MB | %.1f MB | %.1f MB | %.1f MB | %.1f MB | %.2f | %.1f s | %.0f ms | "
        "%.1f MB |\n",
        stats.text_mb, stats.markdown_mb, stats.title_mb, size.bodies_mb, size.titles_mb,
        size.docs_mb, (size.bodies_mb + size.titles_mb + size.docs_mb) / stats.text_mb,
        stats.build_s, load_ms, memory_mb);
}

long rss_kib() {
    std::ifstream in("/proc/self/statm");
    long pages = 0;
    long resident = 0;
    in >> pages >> resident;
    return resident * 4;
}

// Index updates as kiosk-syncd makes them, rolled back so the cached database stays as it is.
void print_updates(const fs::path& db_path, const Fixture& f) {
    content::Store store = content::Store::open(db_path.string(), content::OpenMode::ReadWrite);
    bench::Rng rng(99);
    bench::NoticeGenerator generator(f.lexicon, f.chars, rng);
    std::printf("\n| index update (one transaction) | ms |\n|---|---:|\n");
    for (size_t count : {size_t{1}, size_t{100}, size_t{1000}}) {
        std::vector<content::Notice> notices;
        for (size_t i = 0; i < count; ++i) {
            notices.push_back(generator.make(1000000 + i, at("2026-11-26"), at("2026-11-27")));
        }
        content::Transaction tx(store.database());
        const auto start = Clock::now();
        content::search::SearchIndexWriter writer(store.database());
        for (const content::Notice& n : notices) {
            writer.update(n);
        }
        writer.flush();
        std::printf("| add %zu notice(s) | %.0f |\n", count, ms_since(start));
    }  // rolled back
}

struct Options {
    size_t count = 100000;
    bool fresh = false;
};

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--fresh") {
            o.fresh = true;
        } else if (arg == "--notices" && i + 1 < argc) {
            o.count = std::stoul(argv[++i]);
        }
    }
    return o;
}

// The cached database (generated when missing, stale or asked for) and its statistics.
CorpusStats prepare(const fs::path& dir, const Options& o, const Fixture& f, bool& cached) {
    fs::create_directories(dir);
    const fs::path db_path = dir / "content.db";
    const fs::path stats_path = dir / "stats.txt";
    CorpusStats stats = load_stats(stats_path);
    cached = !o.fresh && fs::exists(db_path) && stats.version == k_generator_version &&
             stats.notices == o.count;
    if (!cached) {
        std::fprintf(stderr, "generating %zu notices into %s (cached for later runs)...\n", o.count,
                     db_path.c_str());
        stats = generate(db_path, o.count, f);
        save_stats(stats_path, stats);
    } else {
        // A database cached by a build with another index format: the notices are reused.
        content::Store store = content::Store::open(db_path.string(), content::OpenMode::ReadWrite);
        if (!content::search::search_index_status(store.database()).current()) {
            std::fprintf(stderr, "rebuilding the search index of %s...\n", db_path.c_str());
            const auto build = Clock::now();
            content::search::rebuild_search_index(store.database());
            stats.build_s = ms_since(build) / 1000;
            store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
            save_stats(stats_path, stats);
        }
    }
    return stats;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse_options(argc, argv);
    const fs::path dir =
        fs::path(KIOSK_BINARY_DIR) / "bench-data" / ("search-" + std::to_string(o.count));
    Fixture f;
    bench::Rng rng(1);
    f.chars = bench::load_char_table(k_unihan);
    f.lexicon = bench::build_lexicon(content::load_source_tree(k_root / "content" / "sample"),
                                     f.chars, rng);
    bool cached = false;
    const CorpusStats stats = prepare(dir, o, f, cached);

    content::Store store =
        content::Store::open((dir / "content.db").string(), content::OpenMode::ReadOnly);
    const IndexSize size = index_size(store.database());
    const long rss_before = rss_kib();
    const auto load_start = Clock::now();
    content::search::Searcher searcher(store.database());
    const double load_ms = ms_since(load_start);
    const long rss_after = rss_kib();

    std::printf(
        "Corpus: %zu generated notices (lexicon: %zu words cut from the sample, %zu made of "
        "%zu Unihan characters by kHanyuPinlu frequency)%s.\n\n",
        o.count, f.lexicon.sample_words, f.lexicon.words.size() - f.lexicon.sample_words,
        f.chars.chars.size(), cached ? "; database cached from an earlier run" : "");
    print_sizes(stats, size, load_ms, static_cast<double>(rss_after - rss_before) / 1024);

    const int64_t now = at("2026-11-27 10:00");
    const TextSample sample = sample_texts(store.database(), 400, o.count);
    const Texts texts = load_texts(store.database());
    print_latency(searcher, query_kinds(sample, f), now, texts);
    print_latency(searcher, tap_kinds(sample), now, texts);
    print_updates(dir / "content.db", f);
    return 0;
}
