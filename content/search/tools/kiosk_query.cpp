// kiosk-query: shows staff and technicians what residents will find. Prints the ranked results
// as id<TAB>title, one per line, and the query time on stderr.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include "content/date_time.h"
#include "content/schema.h"
#include "content/search/searcher.h"
#include "content/store.h"

namespace {

constexpr const char* k_usage =
    "usage: kiosk-query --data DIR [options] QUERY\n"
    "       kiosk-query --data DIR --rebuild-index\n"
    "\n"
    "Searches DIR/content.db (opened read-only) as the kiosk does: notices live now, titles\n"
    "first, then newest first. QUERY may be Chinese (any length), digits, or pinyin: full\n"
    "(yibao, \"yi bao\"), initials (zcjd) or mixed (yib).\n"
    "\n"
    "options:\n"
    "  --category KEY   only one category: party, government, affairs, finance, service,\n"
    "                   announcement (or 党务 政务 事务 财务 服务 公告)\n"
    "  --from DATE      published on or after DATE (2026-11-01)\n"
    "  --until DATE     published before DATE\n"
    "  --now TIME       search as at TIME (2026-11-27 10:00, Beijing time) instead of now\n"
    "  --limit N        print at most N results (default: all)\n"
    "  --page N         search as the kiosk does for its first page of N results\n"
    "  --spans          also print each result's tier, excerpt and highlighted spans\n"
    "  --rebuild-index  rebuild the search index. This writes content.db, whose only writer\n"
    "                   is kiosk-syncd: it takes kiosk-syncd's lock (DIR/sync.lock) and refuses\n"
    "                   while a sync is running, and kiosk-syncd waits for it. Not needed in\n"
    "                   normal use: kiosk-syncd checks and rebuilds the index every round.\n";

struct Options {
    std::string data;
    std::string query;
    content::search::SearchFilter filter;
    std::optional<int64_t> now;
    size_t limit = 0;  // 0: all
    size_t page = 0;   // 0: exhaustive
    bool spans = false;
    bool rebuild = false;
};

[[noreturn]] void usage_error(const std::string& message) {
    std::cerr << "kiosk-query: " << message << "\n\n" << k_usage;
    std::exit(2);
}

int64_t time_option(const char* name, const std::string& value) {
    const auto t = content::parse_beijing_time(value);
    if (!t) {
        usage_error(std::string(name) + " takes " + std::string(content::k_date_forms) +
                    ", not \"" + value + "\"");
    }
    return *t;
}

void apply_option(Options& o, const std::string& name, const std::string& value) {
    if (name == "--data") {
        o.data = value;
    } else if (name == "--category") {
        o.filter.category = content::category_from_text(value);
        if (!o.filter.category) {
            usage_error("unknown category \"" + value + "\"; use one of " +
                        content::category_choices());
        }
    } else if (name == "--from") {
        o.filter.published_from = time_option("--from", value);
    } else if (name == "--until") {
        o.filter.published_until = time_option("--until", value);
    } else if (name == "--now") {
        o.now = time_option("--now", value);
    } else if (name == "--limit") {
        o.limit = static_cast<size_t>(std::strtoul(value.c_str(), nullptr, 10));
    } else if (name == "--page") {
        o.page = static_cast<size_t>(std::strtoul(value.c_str(), nullptr, 10));
    }
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << k_usage;
            std::exit(0);
        } else if (arg == "--spans") {
            o.spans = true;
        } else if (arg == "--rebuild-index") {
            o.rebuild = true;
        } else if (arg == "--data" || arg == "--category" || arg == "--from" || arg == "--until" ||
                   arg == "--now" || arg == "--limit" || arg == "--page") {
            if (i + 1 >= argc) {
                usage_error(arg + " needs a value");
            }
            apply_option(o, arg, argv[++i]);
        } else if (arg.starts_with("--")) {
            usage_error("unknown option " + arg);
        } else {
            o.query += (o.query.empty() ? "" : " ") + arg;
        }
    }
    if (o.data.empty()) {
        usage_error("--data DIR is required");
    }
    if (!o.rebuild && o.query.empty()) {
        usage_error("no query given");
    }
    return o;
}

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// kiosk-syncd's writer lock (sync/daemon): held for each sync round, so holding it here keeps
// this the only writer. Released when the process exits.
bool take_sync_lock(const std::string& data_dir) {
    const std::string path = (std::filesystem::path(data_dir) / "sync.lock").string();
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        std::cerr << "kiosk-query: cannot open " << path << ": " << std::strerror(errno) << '\n';
        return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        std::cerr << "kiosk-query: kiosk-syncd is applying an update now; try again shortly\n";
        ::close(fd);
        return false;
    }
    return true;
}

int rebuild(const std::string& data_dir, const std::string& path) {
    if (!std::filesystem::exists(path)) {
        std::cerr << "kiosk-query: " << path << " does not exist\n";
        return 1;
    }
    if (!take_sync_lock(data_dir)) {
        return 1;
    }
    // Not Store::open: that would also migrate the schema, which is kiosk-syncd's job.
    content::Database db(path, content::OpenMode::ReadWrite);
    if (db.pragma_int("user_version") != content::schema_version_latest()) {
        std::cerr << "kiosk-query: " << path << " is at schema version "
                  << db.pragma_int("user_version") << ", not " << content::schema_version_latest()
                  << "; start kiosk-syncd once to upgrade it\n";
        return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    content::search::rebuild_search_index(db);
    const content::search::SearchIndexStatus status = content::search::search_index_status(db);
    std::fprintf(stderr, "search index rebuilt: %lld notices in %.0f ms\n",
                 static_cast<long long>(status.indexed), ms_since(start));
    return 0;
}

void print_hit(const content::search::SearchHit& hit, bool spans) {
    std::cout << hit.id << '\t' << hit.title << '\n';
    if (!spans) {
        return;
    }
    static const char* const k_tiers[] = {"title", "title-pinyin", "body"};
    std::cout << "  tier: " << k_tiers[static_cast<int>(hit.tier)] << "\n  title spans:";
    for (const auto& s : hit.title_spans) {
        std::cout << " [" << hit.title.substr(s.begin, s.end - s.begin) << ']';
    }
    std::cout << "\n  excerpt: " << hit.excerpt << "\n  excerpt spans:";
    for (const auto& s : hit.excerpt_spans) {
        std::cout << " [" << hit.excerpt.substr(s.begin, s.end - s.begin) << ']';
    }
    std::cout << '\n';
}

int search(const Options& o, const std::string& path) {
    content::Store store = content::Store::open(path, content::OpenMode::ReadOnly);
    const auto load_start = std::chrono::steady_clock::now();
    content::search::Searcher searcher(store.database());
    const double load_ms = ms_since(load_start);
    const content::search::SearchIndexStatus& status = searcher.status();
    if (!status.current()) {
        std::cerr << "kiosk-query: warning: the search index holds " << status.indexed << " of "
                  << status.notices << " notices; kiosk-syncd completes it when it next starts\n";
    }
    content::search::SearchRequest request;
    request.query = o.query;
    request.filter = o.filter;
    request.now = o.now.value_or(static_cast<int64_t>(std::time(nullptr)));
    request.limit = o.limit == 0 ? store.notice_count() + size_t{1} : o.limit;
    if (o.page > 0) {
        request.limit = o.page;
    }
    const auto start = std::chrono::steady_clock::now();
    const content::search::SearchResult result = searcher.search(request);
    const double query_ms = ms_since(start);
    for (const content::search::SearchHit& hit : result.hits) {
        print_hit(hit, o.spans);
    }
    std::fprintf(stderr, "%zu results in %.2f ms (index loaded in %.1f ms)\n", result.total,
                 query_ms, load_ms);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse_options(argc, argv);
    const std::string path = (std::filesystem::path(o.data) / "content.db").string();
    try {
        return o.rebuild ? rebuild(o.data, path) : search(o, path);
    } catch (const content::search::SearchError& e) {
        std::cerr << "kiosk-query: " << e.what()
                  << ".\nTo build it here instead, stop kiosk-syncd and run: kiosk-query --data "
                  << o.data << " --rebuild-index\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "kiosk-query: " << e.what() << '\n';
        return 1;
    }
}
