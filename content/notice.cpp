// Rules on notices that do not need a database: liveness, targeting, hashing.
#include "content/notice.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "content/sha256.h"

namespace content {

std::string_view priority_key(Priority priority) {
    switch (priority) {
        case Priority::Pinned:
            return "pinned";
        case Priority::Emergency:
            return "emergency";
        case Priority::Normal:
            break;
    }
    return "normal";
}

std::optional<Priority> priority_from_text(std::string_view text) {
    for (Priority p : {Priority::Normal, Priority::Pinned, Priority::Emergency}) {
        if (text == priority_key(p)) {
            return p;
        }
    }
    if (text == "普通")
        return Priority::Normal;
    if (text == "置顶")
        return Priority::Pinned;
    if (text == "紧急")
        return Priority::Emergency;
    return std::nullopt;
}

bool is_live(const Notice& notice, int64_t now) {
    const int64_t from = notice.starts_at.value_or(notice.published_at);
    if (now < from) {
        return false;
    }
    return !notice.expires_at || now < *notice.expires_at;
}

bool targets_board(const Notice& notice, std::string_view board_id) {
    if (notice.boards.empty()) {
        return true;
    }
    for (const std::string& board : notice.boards) {
        if (board == "all" || board == board_id) {
            return true;
        }
    }
    return false;
}

std::string notice_canonical_text(const Notice& notice) {
    nlohmann::json images = nlohmann::json::array();
    for (const ImageRef& image : notice.images) {
        images.push_back({{"path", image.path}, {"sha256", image.sha256}});
    }
    nlohmann::json j = {
        {"id", notice.id},
        {"category", category_key(notice.category)},
        {"title", notice.title},
        {"body", notice.body},
        {"department", notice.department},
        {"published_at", notice.published_at},
        {"starts_at", notice.starts_at ? nlohmann::json(*notice.starts_at) : nlohmann::json()},
        {"expires_at", notice.expires_at ? nlohmann::json(*notice.expires_at) : nlohmann::json()},
        {"priority", priority_key(notice.priority)},
        {"boards", notice.boards},
        {"source_url", notice.source_url},
        {"images", images},
    };
    // nlohmann::json sorts object keys, so the dump is canonical.
    return j.dump();
}

std::string notice_hash(const Notice& notice) {
    return sha256_hex(notice_canonical_text(notice));
}

bool is_valid_notice_id(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

}  // namespace content
