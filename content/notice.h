// The notice model shared by the source parser, the channel, the store and the screens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/category.h"

namespace content {

enum class Priority { Normal, Pinned, Emergency };

std::string_view priority_key(Priority priority);
std::optional<Priority> priority_from_text(std::string_view text);

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
    std::vector<std::string> boards;  // empty or {"all"}: every board
    std::string source_url;
    std::vector<ImageRef> images;
    std::string content_hash;  // sha256 of the canonical form, see notice_hash()

    bool operator==(const Notice&) const = default;
};

// Whether a notice is shown at `now`: from starts_at (or its publication time) until expires_at.
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
