// The content store over SQLite: prepared statements only, "live" decided by a time passed in.
#include "content/store.h"

#include <nlohmann/json.hpp>

#include "content/schema.h"

namespace content {
namespace {

// A notice is live when it started (or was published) and has not expired, is inside its display
// schedule if it has one (schedule_shows, registered below), and is not quarantined.
constexpr const char* k_live =
    " quarantine IS NULL AND coalesce(starts_at, published_at) <= ?1"
    " AND (expires_at IS NULL OR ?1 < expires_at)"
    " AND (schedule IS NULL OR kiosk_schedule_shows(schedule, ?1)) ";

// kiosk_schedule_shows(schedule_json, now): content::schedule_shows on a stored schedule. A text
// that does not parse (only kiosk-syncd writes it, after validation) shows nothing.
void sql_schedule_shows(sqlite3_context* context, int, sqlite3_value** args) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
    const int bytes = sqlite3_value_bytes(args[0]);
    std::string error;
    const auto schedule =
        text ? schedule_from_json(std::string_view(text, static_cast<size_t>(bytes)), error)
             : std::nullopt;
    sqlite3_result_int(context,
                       schedule && schedule_shows(*schedule, sqlite3_value_int64(args[1])) ? 1 : 0);
}

void register_functions(Database& db) {
    const int rc = sqlite3_create_function_v2(db.handle(), "kiosk_schedule_shows", 2,
                                              SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                              &sql_schedule_shows, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        throw DatabaseError(db.path() + ": cannot register the schedule function");
    }
}

constexpr const char* k_summary_columns = "id, category, title, department, published_at, priority";

Category category_or_default(const std::string& key) {
    return category_from_text(key).value_or(Category::Announcement);
}

NoticeSummary read_summary(const Statement& st) {
    NoticeSummary s;
    s.id = st.column_text(0);
    s.category = category_or_default(st.column_text(1));
    s.title = st.column_text(2);
    s.department = st.column_text(3);
    s.published_at = st.column_int(4);
    s.priority = priority_from_text(st.column_text(5)).value_or(Priority::Normal);
    return s;
}

std::string images_to_json(const std::vector<ImageRef>& images) {
    nlohmann::json j = nlohmann::json::array();
    for (const ImageRef& image : images) {
        j.push_back({{"path", image.path}, {"sha256", image.sha256}});
    }
    return j.dump();
}

std::vector<ImageRef> images_from_json(const std::string& text) {
    std::vector<ImageRef> images;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) {
        return images;
    }
    for (const auto& item : j) {
        if (item.is_object()) {
            images.push_back({item.value("path", ""), item.value("sha256", "")});
        }
    }
    return images;
}

std::vector<std::string> boards_from_json(const std::string& text) {
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> boards;
    if (j.is_array()) {
        for (const auto& item : j) {
            if (item.is_string()) {
                boards.push_back(item.get<std::string>());
            }
        }
    }
    return boards;
}

}  // namespace

Store Store::open(const std::string& path, OpenMode mode) {
    Database db(path, mode);
    register_functions(db);
    if (mode == OpenMode::ReadWrite) {
        db.exec("PRAGMA journal_mode=WAL");
        // Keep the -wal and -shm files when the writer closes: the kiosk opens the database
        // read-only from a folder it cannot write, and SQLite cannot recreate them for it.
        int persist = 1;
        sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
        // FULL: a committed update survives a power cut.
        db.exec("PRAGMA synchronous=FULL");
        db.exec("PRAGMA foreign_keys=ON");
        migrate(db);
    } else {
        const int64_t version = db.pragma_int("user_version");
        if (version == 0) {
            throw DatabaseError(path + " holds no content yet (schema version 0); run kiosk-syncd");
        }
        if (version > schema_version_latest()) {
            throw DatabaseError(path + " has schema version " + std::to_string(version) +
                                ", newer than this kiosk understands; update the software");
        }
        if (version < schema_version_latest()) {
            throw DatabaseError(path + " has schema version " + std::to_string(version) +
                                "; kiosk-syncd upgrades it on its next run");
        }
        db.exec("PRAGMA query_only=ON");
    }
    return Store(std::move(db));
}

std::vector<CategoryCount> Store::category_counts(int64_t now, int64_t new_since) {
    std::vector<CategoryCount> counts;
    for (const CategoryInfo& info : k_categories) {
        counts.push_back({info.category, 0, 0});
    }
    Statement st = m_db.prepare(std::string("SELECT category, count(*), "
                                            "sum(published_at >= ?2) FROM notices WHERE") +
                                k_live + "GROUP BY category");
    st.bind(1, now).bind(2, new_since);
    while (st.step()) {
        if (auto category = category_from_text(st.column_text(0))) {
            CategoryCount& c = counts[static_cast<size_t>(*category)];
            c.live = static_cast<int>(st.column_int(1));
            c.fresh = static_cast<int>(st.column_int(2));
        }
    }
    return counts;
}

NoticePage Store::notices_in_category(Category category, int64_t now, int offset, int limit) {
    NoticePage page;
    Statement count = m_db.prepare(std::string("SELECT count(*) FROM notices WHERE") + k_live +
                                   "AND category = ?2");
    count.bind(1, now).bind(2, category_key(category));
    page.total = count.step() ? static_cast<int>(count.column_int(0)) : 0;

    Statement st =
        m_db.prepare(std::string("SELECT ") + k_summary_columns + " FROM notices WHERE" + k_live +
                     "AND category = ?2 ORDER BY (priority = 'normal'), "
                     "published_at DESC, id LIMIT ?3 OFFSET ?4");
    st.bind(1, now)
        .bind(2, category_key(category))
        .bind(3, int64_t{limit})
        .bind(4, int64_t{offset});
    while (st.step()) {
        page.items.push_back(read_summary(st));
    }
    return page;
}

std::vector<NoticeSummary> Store::highlighted(int64_t now, int limit) {
    std::vector<NoticeSummary> out;
    Statement st =
        m_db.prepare(std::string("SELECT ") + k_summary_columns + " FROM notices WHERE" + k_live +
                     "AND priority IN ('emergency', 'pinned') ORDER BY "
                     "(priority = 'pinned'), published_at DESC, id LIMIT ?2");
    st.bind(1, now).bind(2, int64_t{limit});
    while (st.step()) {
        out.push_back(read_summary(st));
    }
    return out;
}

std::optional<Notice> Store::notice(const std::string& id) {
    Statement st = m_db.prepare(
        "SELECT id, category, title, body, department, published_at, starts_at, expires_at, "
        "priority, boards, source_url, images, content_hash, level, schedule FROM notices "
        "WHERE id = ?1 AND quarantine IS NULL");
    st.bind(1, id);
    if (!st.step()) {
        return std::nullopt;
    }
    Notice n;
    n.id = st.column_text(0);
    n.category = category_or_default(st.column_text(1));
    n.title = st.column_text(2);
    n.body = st.column_text(3);
    n.department = st.column_text(4);
    n.published_at = st.column_int(5);
    n.starts_at = st.column_optional_int(6);
    n.expires_at = st.column_optional_int(7);
    n.priority = priority_from_text(st.column_text(8)).value_or(Priority::Normal);
    n.boards = boards_from_json(st.column_text(9));
    n.source_url = st.column_text(10);
    n.images = images_from_json(st.column_text(11));
    n.content_hash = st.column_text(12);
    if (!st.column_is_null(13)) {
        n.level = alert_level_from_text(st.column_text(13)).value_or(AlertLevel::Red);
    }
    if (!st.column_is_null(14)) {
        std::string error;
        n.schedule = schedule_from_json(st.column_text(14), error).value_or(DisplaySchedule{});
    }
    return n;
}

std::vector<QuarantinedNotice> Store::quarantined() {
    std::vector<QuarantinedNotice> out;
    Statement st = m_db.prepare(
        "SELECT id, title, quarantine FROM notices WHERE quarantine IS NOT NULL ORDER BY id");
    while (st.step()) {
        out.push_back({st.column_text(0), st.column_text(1), st.column_text(2)});
    }
    return out;
}

int Store::notice_count() {
    Statement st = m_db.prepare("SELECT count(*) FROM notices");
    return st.step() ? static_cast<int>(st.column_int(0)) : 0;
}

void Store::put_notice(const Notice& n, const std::optional<std::string>& quarantine_rule) {
    Statement st = m_db.prepare(
        "INSERT OR REPLACE INTO notices (id, category, title, body, department, published_at, "
        "starts_at, expires_at, priority, boards, source_url, images, content_hash, quarantine, "
        "level, schedule) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    st.bind(1, n.id).bind(2, category_key(n.category)).bind(3, n.title).bind(4, n.body);
    st.bind(5, n.department).bind(6, n.published_at).bind(7, n.starts_at).bind(8, n.expires_at);
    st.bind(9, priority_key(n.priority)).bind(10, nlohmann::json(n.boards).dump());
    st.bind(11, n.source_url).bind(12, images_to_json(n.images));
    st.bind(13, n.content_hash.empty() ? notice_hash(n) : n.content_hash);
    if (quarantine_rule) {
        st.bind(14, *quarantine_rule);
    } else {
        st.bind_null(14);
    }
    if (n.priority == Priority::Emergency && n.level != AlertLevel::Red) {
        st.bind(15, std::string(alert_level_key(n.level)));
    } else {
        st.bind_null(15);
    }
    if (n.schedule.empty()) {
        st.bind_null(16);
    } else {
        st.bind(16, schedule_to_json(n.schedule));
    }
    st.run();
}

void Store::remove_notice(const std::string& id) {
    m_db.prepare("DELETE FROM notices WHERE id = ?1").bind(1, id).run();
}

std::map<std::string, std::string> Store::notice_hashes() {
    std::map<std::string, std::string> out;
    Statement st = m_db.prepare("SELECT id, content_hash FROM notices");
    while (st.step()) {
        out.emplace(st.column_text(0), st.column_text(1));
    }
    return out;
}

void Store::put_asset(const std::string& sha256, std::string_view bytes, const std::string& mime) {
    Statement st = m_db.prepare(
        "INSERT OR IGNORE INTO assets (sha256, size, mime, data) VALUES (?1, ?2, ?3, ?4)");
    st.bind(1, sha256)
        .bind(2, static_cast<int64_t>(bytes.size()))
        .bind(3, mime)
        .bind_blob(4, bytes);
    st.run();
}

std::optional<std::string> Store::asset(const std::string& sha256) {
    Statement st = m_db.prepare("SELECT data FROM assets WHERE sha256 = ?1");
    st.bind(1, sha256);
    if (!st.step()) {
        return std::nullopt;
    }
    return st.column_text(0);
}

bool Store::has_asset(const std::string& sha256) {
    Statement st = m_db.prepare("SELECT 1 FROM assets WHERE sha256 = ?1");
    st.bind(1, sha256);
    return st.step();
}

int Store::collect_garbage_assets() {
    // images is a JSON array of {path, sha256}; json_each walks it.
    Statement st = m_db.prepare(
        "DELETE FROM assets WHERE sha256 NOT IN (SELECT json_extract(j.value, '$.sha256') "
        "FROM notices, json_each(notices.images) AS j)");
    st.run();
    return static_cast<int>(m_db.changes());
}

void Store::set_state(const std::string& key, const std::string& value) {
    m_db.prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)")
        .bind(1, key)
        .bind(2, value)
        .run();
}

std::optional<std::string> Store::state(const std::string& key) {
    Statement st = m_db.prepare("SELECT value FROM sync_state WHERE key = ?1");
    st.bind(1, key);
    if (!st.step()) {
        return std::nullopt;
    }
    return st.column_text(0);
}

int64_t Store::data_version() {
    return m_db.pragma_int("data_version");
}

}  // namespace content
