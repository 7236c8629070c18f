// Test helpers: write a board's records into an uploads folder as kiosk-syncd would, and a
// boards.toml registry for them; run kiosk-publish.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/events/heartbeat.h"
#include "tests/content/events/events_fixture.h"
#include "tests/test_paths.h"

namespace uploads_fixture {

namespace fs = std::filesystem;
using namespace content::events;

// Hashes `records` in order from the genesis and writes them in segments of `per_segment`.
inline void write_chain(const fs::path& uploads, const std::string& board,
                        const BoardSecretKey& key, std::vector<Record> records,
                        size_t per_segment = 50) {
    std::string prev = k_genesis_hash;
    for (size_t i = 0; i < records.size(); ++i) {
        records[i].seq = i + 1;
        records[i].hash = record_hash(records[i], prev);
        prev = records[i].hash;
    }
    fs::create_directories(uploads / "boards" / board / "events");
    for (size_t i = 0; i < records.size(); i += per_segment) {
        const size_t end = std::min(records.size(), i + per_segment);
        const std::vector<Record> part(records.begin() + static_cast<long>(i),
                                       records.begin() + static_cast<long>(end));
        const std::string before = i == 0 ? k_genesis_hash : records[i - 1].hash;
        std::ofstream(uploads / segment_object_name(board, i + 1, end))
            << events_fixture::make_segment(board, part, key, before);
    }
}

inline void write_heartbeat(const fs::path& uploads, const Heartbeat& h,
                            const BoardSecretKey& key) {
    fs::create_directories(uploads / "boards" / h.board);
    std::ofstream(uploads / heartbeat_object_name(h.board)) << encode_heartbeat(h, key);
}

inline std::string registry_entry(const std::string& id, const std::string& name,
                                  const BoardSecretKey& key) {
    return "[[board]]\nid = \"" + id + "\"\nname = \"" + name +
           "\"\nsize = \"1920x1080\"\n"
           "public_key = \"" +
           content::channel::minisign::public_key_base64(key.public_key()) + "\"\n";
}

struct Run {
    int status;
    std::string out;
};

inline Run run(const std::string& command, const fs::path& scratch) {
    const fs::path out = scratch / "out.txt";
    const int status = std::system((command + " >" + out.string() + " 2>&1").c_str());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    return {WEXITSTATUS(status), text.str()};
}

inline std::string publish() {
    return (test_paths::bin_dir() / "kiosk-publish").string();
}

inline Record display(const std::string& notice, int64_t from, int64_t to,
                      const std::string& category = "finance") {
    Record r;
    r.kind = Kind::Display;
    r.at = to;
    r.notice = notice;
    r.detail = "listed";
    r.from = from;
    r.to = to;
    r.category = category;
    r.title = "2026年第三季度财务公开";
    return r;
}

inline Record screen_off(int64_t from, int64_t to, const std::string& why) {
    Record r;
    r.kind = Kind::ScreenOff;
    r.at = to;
    r.from = from;
    r.to = to;
    r.detail = why;
    return r;
}

inline Record rating(const std::string& notice, int64_t at, int level,
                     const std::string& comment = {}) {
    Record r;
    r.kind = Kind::Rating;
    r.at = at;
    r.notice = notice;
    r.level = level;
    r.comment = comment;
    return r;
}

}  // namespace uploads_fixture
