// The kiosk's read-only view of content.db.
#include "kiosk/content_reader.h"

#include <charconv>

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
            content::log::warning(std::string("content unavailable, showing 内容更新中: ") + e.what());
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
            if (std::from_chars(last->data(), last->data() + last->size(), value).ec == std::errc()) {
                model.last_updated = value;
            }
        }
    } catch (const std::exception& e) {
        content::log::warning(std::string("content.db read failed: ") + e.what());
        m_store.reset();
    }
    return model;
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
