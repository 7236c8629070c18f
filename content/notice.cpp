// Rules on notices that do not need a database: liveness, targeting, hashing.
#include "content/notice.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

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

namespace {

struct LevelInfo {
    AlertLevel level;
    std::string_view key;
    std::string_view colour;  // 红 ...
    std::string_view name;
};
constexpr std::array<LevelInfo, 4> k_levels{{{AlertLevel::Red, "red", "红", "红色预警"},
                                             {AlertLevel::Orange, "orange", "橙", "橙色预警"},
                                             {AlertLevel::Yellow, "yellow", "黄", "黄色预警"},
                                             {AlertLevel::Blue, "blue", "蓝", "蓝色预警"}}};

}  // namespace

std::string_view alert_level_key(AlertLevel level) {
    return k_levels[static_cast<size_t>(level)].key;
}

std::string_view alert_level_name(AlertLevel level) {
    return k_levels[static_cast<size_t>(level)].name;
}

std::optional<AlertLevel> alert_level_from_text(std::string_view text) {
    for (const LevelInfo& info : k_levels) {
        if (text == info.key || text == info.colour || text == info.name ||
            text == std::string(info.colour) + "色") {
            return info.level;
        }
    }
    return std::nullopt;
}

bool is_live(const Notice& notice, int64_t now) {
    const int64_t from = notice.starts_at.value_or(notice.published_at);
    if (now < from || (notice.expires_at && now >= *notice.expires_at)) {
        return false;
    }
    return notice.schedule.empty() || schedule_shows(notice.schedule, now);
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
    // Written only when they say something, so notices without them keep the hashes (and the
    // form older boards accept) they had before levels and schedules existed.
    if (notice.priority == Priority::Emergency && notice.level != AlertLevel::Red) {
        j["level"] = alert_level_key(notice.level);
    }
    if (!notice.schedule.empty()) {
        j["schedule"] = schedule_to_json_value(notice.schedule);
    }
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
