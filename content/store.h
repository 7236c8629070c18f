// The content store: the one API through which the kiosk reads and kiosk-syncd writes content.db.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/notice.h"
#include "content/sqlite.h"

namespace content {

struct CategoryCount {
    Category category;
    int live = 0;   // notices shown now
    int fresh = 0;  // of those, published at or after the "new" threshold
};

struct NoticeSummary {
    std::string id;
    Category category = Category::Announcement;
    std::string title;
    std::string department;
    int64_t published_at = 0;
    Priority priority = Priority::Normal;
};

struct NoticePage {
    std::vector<NoticeSummary> items;
    int total = 0;  // live notices in the category, over all pages
};

struct QuarantinedNotice {
    std::string id;
    std::string title;
    std::string rule;
};

class Store {
public:
    // ReadWrite creates the file if needed, sets WAL and synchronous=FULL and migrates.
    // ReadOnly requires an existing database at a version this build knows.
    // Throws DatabaseError with a reason a technician can act on.
    static Store open(const std::string& path, OpenMode mode);

    // Live counts of all six categories, in the fixed order; "fresh" from `new_since`.
    std::vector<CategoryCount> category_counts(int64_t now, int64_t new_since);
    // Live notices of one category: pinned and emergency first, then newest.
    NoticePage notices_in_category(Category category, int64_t now, int offset, int limit);
    // Live emergency and pinned notices over all categories, emergency first, newest first.
    std::vector<NoticeSummary> highlighted(int64_t now, int limit);
    // One notice, live or not (the caller decides); nullopt when absent or quarantined.
    std::optional<Notice> notice(const std::string& id);
    std::vector<QuarantinedNotice> quarantined();
    int notice_count();

    // Writes (kiosk-syncd only).
    void put_notice(const Notice& notice, const std::optional<std::string>& quarantine_rule = {});
    void remove_notice(const std::string& id);
    std::map<std::string, std::string> notice_hashes();  // id -> content hash
    void put_asset(const std::string& sha256, std::string_view bytes, const std::string& mime);
    std::optional<std::string> asset(const std::string& sha256);
    bool has_asset(const std::string& sha256);
    // Removes assets no notice refers to; returns how many were removed.
    int collect_garbage_assets();

    void set_state(const std::string& key, const std::string& value);
    std::optional<std::string> state(const std::string& key);

    // Changes whenever another connection commits (PRAGMA data_version).
    int64_t data_version();

    Database& database() { return m_db; }

private:
    explicit Store(Database db) : m_db(std::move(db)) {}
    Database m_db;
};

}  // namespace content
