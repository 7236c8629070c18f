// One event a board records (display interval, screen-off period, view, rating, ...) and its
// place in the board's hash chain.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content::events {

enum class Kind {
    Display,    // a notice listed or open on screen from `from` to `to`
    ScreenOff,  // the screen dark from `from` to `to`; detail "scheduled" or "failed"
    View,       // a resident opened notice `notice`
    Rating,     // 好差评: `level` 1..5, reason chips, optional comment
    Start,      // the kiosk started (detail: its version)
    Lost,       // `count` records could not be written (full disk, queue overflow); counted
};

// How far the board's wall clock can be believed when the record was made.
enum class ClockState {
    Trusted,      // plausible and consistent with the monotonic clock
    Jumped,       // the wall clock moved by more than the tolerance against the monotonic clock
    Implausible,  // before 2024 or after 2090 (a lost RTC reads 1970; a bad one 2099)
};

struct Record {
    uint64_t seq = 0;  // 1, 2, 3 ... per board, without gaps
    int64_t at = 0;    // wall clock, Unix seconds, when written
    ClockState clock = ClockState::Trusted;
    Kind kind = Kind::View;
    std::string notice;      // notice id (Display, View, Rating)
    std::string title;       // Display: the notice's title, so proofs read without the channel
    std::string category;    // Display: category key (party, government, ...)
    bool emergency = false;  // Display: an emergency notice
    std::string detail;      // Display: "listed"|"open"; ScreenOff: "scheduled"|"failed"; Start
    int64_t from = 0;        // Display, ScreenOff
    int64_t to = 0;          // Display, ScreenOff
    int level = 0;           // Rating: 1 非常满意 ... 5 非常不满意
    std::vector<std::string> reasons;  // Rating: reason chips
    std::string comment;               // Rating: short comment (≤ k_max_comment_bytes)
    uint64_t count = 0;                // Lost
    std::string hash;  // sha256 hex of (previous hash + canonical body); set by chain_append
    bool operator==(const Record&) const = default;
};

inline constexpr size_t k_max_comment_bytes = 600;  // 200 Chinese characters
inline constexpr size_t k_max_reasons = 8;
inline constexpr size_t k_max_field_bytes = 200;  // notice ids, details, reason chips
// The hash before record 1.
inline const std::string k_genesis_hash(64, '0');

std::string_view kind_name(Kind kind);
std::optional<Kind> parse_kind(std::string_view name);
std::string_view clock_name(ClockState state);
std::optional<ClockState> parse_clock(std::string_view name);

// The 好差评 levels by number (1..5) and back; empty for anything else.
std::string_view level_name(int level);
inline constexpr int k_level_count = 5;
// 不满意 and 非常不满意 must be followed up.
inline bool is_bad_rating(int level) {
    return level >= 4;
}

// One JSON object with sorted keys and no hash: what the hash covers.
std::string canonical_body(const Record& record);
// sha256_hex(previous_hash + canonical_body(record)).
std::string record_hash(const Record& record, std::string_view previous_hash);

// One line of a segment: the canonical body plus "h". Parsing checks field types and caps and
// returns the reason in words when it fails.
std::string encode_record_line(const Record& record);
struct RecordParse {
    std::optional<Record> record;
    std::string error;
};
RecordParse parse_record_line(std::string_view line);

// Classifies the wall clock at a write: `wall` and `steady` now, and the same at the previous
// write (steady in seconds of a monotonic clock; no previous write: nullopt).
struct ClockSample {
    int64_t wall = 0;
    int64_t steady = 0;
};
inline constexpr int64_t k_clock_jump_tolerance_seconds = 120;
ClockState classify_clock(ClockSample now, std::optional<ClockSample> previous);

}  // namespace content::events
