// The kiosk's read-only view of content.db.
#include "kiosk/content_reader.h"

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
        m_store = content::Store::open(m_path, content::OpenMode::ReadOnly);
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

bool ContentReader::changed() {
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

HomeModel ContentReader::home(const std::string& board_name, int64_t now) {
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
        if (auto last = m_store->state("last_success")) {
            int64_t value = 0;
            if (std::from_chars(last->data(), last->data() + last->size(), value).ec ==
                std::errc()) {
                model.last_updated = value;
            }
        }
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
        model.channel = state("channel");
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
