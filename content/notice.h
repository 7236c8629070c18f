// The notice model shared by the source parser, the channel, the store and the screens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/category.h"
#include "content/schedule.h"

namespace content {

enum class Priority { Normal, Pinned, Emergency };

std::string_view priority_key(Priority priority);
std::optional<Priority> priority_from_text(std::string_view text);

// Early-warning levels of an emergency, most severe first (the national four-colour scale).
enum class AlertLevel { Red, Orange, Yellow, Blue };

std::string_view alert_level_key(AlertLevel level);   // "red" ...
std::string_view alert_level_name(AlertLevel level);  // "红色预警" ...
// "red", "orange", "yellow", "blue" or 红/橙/黄/蓝 (with or without 色/色预警).
std::optional<AlertLevel> alert_level_from_text(std::string_view text);

// An image a notice shows: the path written in the source and the content address of its bytes.
struct ImageRef {
    std::string path;
    std::string sha256;  // lowercase hex; empty until the bytes are known
    bool operator==(const ImageRef&) const = default;
};

// Times are Unix seconds. Source dates are Beijing time (UTC+8, no daylight saving).
struct Notice {
    std::string id;
    Category category = Category::Announcement;
    std::string title;
    std::string body;  // Markdown (GitHub flavoured, tables allowed)
    std::string department;
    int64_t published_at = 0;
    std::optional<int64_t> starts_at;
    std::optional<int64_t> expires_at;
    Priority priority = Priority::Normal;
    AlertLevel level = AlertLevel::Red;  // meaningful for emergencies only
    DisplaySchedule schedule;            // empty: shown all the time it is live
    std::vector<std::string> boards;     // empty or {"all"}: every board
    std::string source_url;
    std::vector<ImageRef> images;
    std::string content_hash;  // sha256 of the canonical form, see notice_hash()

    bool operator==(const Notice&) const = default;
};

// Whether a notice is shown at `now`: from starts_at (or its publication time) until expires_at
// (exclusive), and inside its display schedule if it has one.
bool is_live(const Notice& notice, int64_t now);

// Whether a notice is meant for `board_id`.
bool targets_board(const Notice& notice, std::string_view board_id);

// Canonical text of every field but content_hash, and its sha256 in hex.
std::string notice_canonical_text(const Notice& notice);
std::string notice_hash(const Notice& notice);

// Caps that keep one bad file from flooding a board.
inline constexpr size_t k_max_notice_file_bytes = 512 * 1024;
inline constexpr size_t k_max_title_chars = 120;
inline constexpr size_t k_max_department_chars = 60;
inline constexpr size_t k_max_images = 16;

// Notice ids are file stems: lowercase ASCII letters, digits, '-' and '_', at most 64.
bool is_valid_notice_id(std::string_view id);

}  // namespace content
