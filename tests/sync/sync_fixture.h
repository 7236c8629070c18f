// Test helper: generated notices, channels published with a test key, and a fingerprint of what
// the kiosk would read, so "content unchanged" and "exactly the new version" are one comparison.
#pragma once

#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "content/channel/writer.h"
#include "content/date_time.h"
#include "content/sha256.h"
#include "content/store.h"
#include "sync/sync_session.h"

namespace sync_fixture {

namespace fs = std::filesystem;

// A fixed "now" (Beijing 2026-11-20 09:00); tests never read the clock.
inline int64_t t0() {
    return *content::parse_beijing_time("2026-11-20 09:00");
}
inline constexpr int64_t k_day = 86400;

// The real clock, for channels that the real kiosk-syncd (which reads the clock) must accept.
inline int64_t wall_now() {
    return static_cast<int64_t>(std::time(nullptr));
}

inline content::Notice make_notice(const std::string& id, int n, const std::string& tag,
                                   std::vector<std::string> boards = {}) {
    content::Notice notice;
    notice.id = id;
    notice.category = content::k_categories[static_cast<size_t>(n) % 6].category;
    notice.title = "第" + std::to_string(n) + "号通知（" + tag + "）";
    notice.body = "关于小区公共事务的说明，版本 " + tag + "。\n\n请居民相互转告。";
    notice.department = "桂花里社区居民委员会";
    notice.published_at = t0() - n * 60;
    notice.boards = std::move(boards);
    notice.content_hash = content::notice_hash(notice);
    return notice;
}

inline content::SourceTree many_notices(int count, const std::string& tag, int first = 0) {
    content::SourceTree tree;
    for (int i = first; i < first + count; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "notice-%05d", i);
        tree.notices.push_back(make_notice(id, i, tag));
    }
    return tree;
}

// A tiny fake PNG (the signature bytes are what sniffing and the manifest care about).
inline content::AssetFile fake_png(const std::string& seed) {
    std::string bytes = std::string("\x89PNG\r\n\x1a\n", 8) + "fake image " + seed;
    return {content::sha256_hex(bytes), "image/png", bytes};
}

inline void attach_image(content::SourceTree& tree, size_t notice_index, const std::string& seed) {
    content::AssetFile png = fake_png(seed);
    content::Notice& n = tree.notices.at(notice_index);
    n.images.push_back({"images/" + seed + ".png", png.sha256});
    n.content_hash = content::notice_hash(n);
    tree.assets[png.sha256] = png;
}

inline content::channel::ChannelBuildOptions options_at(int64_t now, std::optional<uint64_t> version = {},
                                               std::vector<std::string> boards = {"all"}) {
    content::channel::ChannelBuildOptions o;
    o.channel = "test";
    o.now = now;
    o.version = version;
    o.boards = std::move(boards);
    o.valid_seconds = 30 * k_day;
    return o;
}

inline content::channel::ChannelBuildResult publish(const content::SourceTree& tree,
                                           const content::channel::minisign::SecretKey& key,
                                           const fs::path& out, int64_t now = t0(),
                                           std::optional<uint64_t> version = {}) {
    return content::channel::build_channel(tree, key, out, options_at(now, version));
}

// id -> hash of what the kiosk reads back (recomputed, not the stored column), plus assets and
// the applied version: equal fingerprints mean equal content.
using Fingerprint = std::map<std::string, std::string>;

inline Fingerprint fingerprint(content::Store& store) {
    Fingerprint f;
    for (const auto& [id, stored_hash] : store.notice_hashes()) {
        const auto notice = store.notice(id);
        f["notice:" + id] = notice ? content::notice_hash(*notice) : "quarantined:" + stored_hash;
    }
    content::Statement st = store.database().prepare("SELECT sha256, data FROM assets");
    while (st.step()) {
        f["asset:" + st.column_text(0)] = content::sha256_hex(st.column_text(1));
    }
    return f;
}

// What a channel built from `tree` must look like on `board` once applied.
inline Fingerprint expected(const content::SourceTree& tree, const std::string& board = "hall") {
    Fingerprint f;
    for (const content::Notice& n : tree.notices) {
        if (!content::targets_board(n, board))
            continue;
        f["notice:" + n.id] = content::notice_hash(n);
        for (const content::ImageRef& image : n.images) {
            f["asset:" + image.sha256] = image.sha256;
        }
    }
    return f;
}

inline sync_core::SyncSettings settings_for(const fs::path& data,
                                            const content::channel::minisign::SecretKey& key,
                                            const std::string& board = "hall") {
    sync_core::SyncSettings s;
    s.board_id = board;
    s.trusted_keys = {key.public_key()};
    s.staging_dir = data / "staging";
    return s;
}

inline content::Store open_store(const fs::path& data) {
    fs::create_directories(data);
    return content::Store::open((data / "content.db").string(), content::OpenMode::ReadWrite);
}

}  // namespace sync_fixture
