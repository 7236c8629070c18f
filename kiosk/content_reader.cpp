// The kiosk's read-only view of content.db.
#include "kiosk/content_reader.h"

#include <sys/stat.h>

#include <charconv>

#include "content/date_time.h"
#include "content/log.h"

namespace kiosk {

ContentReader::ContentReader(std::string data_dir) : m_path(std::move(data_dir) + "/content.db") {}

bool ContentReader::ensure_open() {
    if (m_store) {
        return true;
    }
    try {
        struct stat st {};
        const bool known = ::stat(m_path.c_str(), &st) == 0;
        m_store = content::Store::open(m_path, content::OpenMode::ReadOnly);
        m_dev = known ? st.st_dev : 0;
        m_ino = known ? st.st_ino : 0;
        m_last_error.clear();
        return true;
    } catch (const std::exception& e) {
        if (m_last_error != e.what()) {
            m_last_error = e.what();
            content::log::warning(std::string("content unavailable, showing 内容更新中: ") +
                                  e.what());
        }
        return false;
    }
}

bool ContentReader::replaced() const {
    struct stat st {};
    return ::stat(m_path.c_str(), &st) == 0 && (st.st_dev != m_dev || st.st_ino != m_ino);
}

bool ContentReader::changed() {
    if (m_store && replaced()) {
        content::log::notice("content.db was replaced; reopening it");
        m_searcher.reset();
        m_store.reset();
        m_data_version = -1;
    }
    if (!ensure_open()) {
        return false;
    }
    try {
        const int64_t version = m_store->data_version();
        const bool changed = version != m_data_version;
        m_data_version = version;
        return changed;
    } catch (const std::exception& e) {
        content::log::warning(std::string("content.db read failed: ") + e.what());
        m_searcher.reset();
        m_store.reset();
        return true;
    }
}

HomeModel ContentReader::home(const std::string& board_name, int64_t now,
                              int64_t stale_note_after) {
    HomeModel model;
    model.board_name = board_name;
    model.now = now;
    for (const content::CategoryInfo& info : content::k_categories) {
        model.counts.push_back({info.category, 0, 0});
    }
    if (!ensure_open()) {
        return model;
    }
    try {
        constexpr int64_t k_new_for = 7 * 86400;
        model.counts = m_store->category_counts(now, now - k_new_for);
        model.highlighted = m_store->highlighted(now, 3);
        model.last_updated = state_time("last_success");
        const std::optional<int64_t> stale = state_time("stale_since");
        model.possibly_outdated = stale && now - *stale >= stale_note_after;
    } catch (const std::exception& e) {
        content::log::warning(std::string("content.db read failed: ") + e.what());
        m_searcher.reset();
        m_store.reset();
    }
    return model;
}

content::NoticePage ContentReader::category_page(content::Category category, int64_t now,
                                                 int offset, int limit) {
    if (!ensure_open()) {
        return {};
    }
    try {
        return m_store->notices_in_category(category, now, offset, limit);
    } catch (const std::exception& e) {
        content::log::warning(std::string("content.db read failed: ") + e.what());
        m_searcher.reset();
        m_store.reset();
        return {};
    }
}

std::optional<content::Notice> ContentReader::live_notice(const std::string& id, int64_t now) {
    if (!ensure_open()) {
        return std::nullopt;
    }
    try {
        auto notice = m_store->notice(id);
        if (notice && content::is_live(*notice, now)) {
            return notice;
        }
    } catch (const std::exception& e) {
        content::log::warning(std::string("content.db read failed: ") + e.what());
        m_searcher.reset();
        m_store.reset();
    }
    return std::nullopt;
}

AttractModel ContentReader::attract(const std::string& board_name, int64_t now) {
    AttractModel model;
    model.board_name = board_name;
    if (!ensure_open()) {
        return model;
    }
    try {
        model.notices = m_store->highlighted(now, 5);
        for (const content::CategoryInfo& info : content::k_categories) {
            const auto page = m_store->notices_in_category(info.category, now, 0, 3);
            for (const auto& n : page.items) {
                if (n.priority == content::Priority::Normal) {
                    model.notices.push_back(n);
                    break;
                }
            }
        }
    } catch (const std::exception& e) {
        content::log::warning(std::string("content.db read failed: ") + e.what());
        m_searcher.reset();
        m_store.reset();
    }
    return model;
}

ContentFacts ContentReader::facts(int64_t now) {
    ContentFacts facts;
    if (!ensure_open()) {
        return facts;
    }
    try {
        for (const auto& n : m_store->highlighted(now, 50)) {
            if (n.priority == content::Priority::Emergency) {
                facts.live_emergencies.push_back(n.id);
            }
        }
        for (const content::CategoryInfo& info : content::k_categories) {
            for (const auto& n :
                 m_store->notices_in_category(info.category, now, 0, 100000).items) {
                facts.live_notices.insert(n.id);
            }
        }
    } catch (const std::exception& e) {
        content::log::warning(std::string("content.db read failed: ") + e.what());
        m_searcher.reset();
        m_store.reset();
    }
    return facts;
}

std::optional<int64_t> ContentReader::state_time(const char* key) {
    const std::optional<std::string> text = m_store->state(key);
    int64_t value = 0;
    if (!text || text->empty() ||
        std::from_chars(text->data(), text->data() + text->size(), value).ec != std::errc()) {
        return std::nullopt;
    }
    return value;
}

void ContentReader::diagnostics(DiagnosticsModel& model, int64_t now) {
    if (!ensure_open()) {
        model.last_error = "无法读取内容数据库：" + m_last_error;
        return;
    }
    try {
        auto state = [&](const char* key) { return m_store->state(key).value_or(""); };
        auto when = [&](const char* key) {
            const std::string v = state(key);
            int64_t t = 0;
            if (v.empty() || std::from_chars(v.data(), v.data() + v.size(), t).ec != std::errc()) {
                return v;
            }
            return content::format_date_time(t);
        };
        model.channel = state("applied_channel");
        if (const std::optional<int64_t> stale = state_time("stale_since")) {
            model.freshness =
                "已过期：来源只提供已过期的版本（自 " + content::format_date_time(*stale) + " 起）";
        } else {
            model.freshness = "正常";
        }
        if (const std::string clock = state("clock_warning"); !clock.empty()) {
            model.freshness += "；时钟异常：" + clock;
        }
        model.content_version = state("applied_version");
        model.last_attempt = when("last_attempt");
        model.last_success = when("last_success");
        model.last_error = state("last_error");
        model.counts = m_store->category_counts(now, now);
        model.quarantined = m_store->quarantined();
        model.notices_total = m_store->notice_count();
    } catch (const std::exception& e) {
        model.last_error = e.what();
        m_searcher.reset();
        m_store.reset();
    }
}

content::search::Searcher* ContentReader::searcher() {
    if (!ensure_open()) {
        m_searcher.reset();
        return nullptr;
    }
    try {
        if (!m_searcher) {
            m_searcher = std::make_unique<content::search::Searcher>(m_store->database());
        } else {
            m_searcher->refresh();
        }
        return m_searcher.get();
    } catch (const std::exception& e) {
        if (m_last_error != e.what()) {
            m_last_error = e.what();
            content::log::warning(std::string("search unavailable: ") + e.what());
        }
        m_searcher.reset();
        return nullptr;
    }
}

std::optional<std::string> ContentReader::asset_bytes(const std::string& sha256) {
    if (!ensure_open()) {
        return std::nullopt;
    }
    try {
        return m_store->asset(sha256);
    } catch (const std::exception& e) {
        content::log::warning(std::string("image read failed: ") + e.what());
        return std::nullopt;
    }
}

}  // namespace kiosk
