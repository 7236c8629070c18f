// Reading a GB/T 35965.1-2018 (CAP-style) early-warning XML message, safely and strictly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/notice.h"

namespace content {

// The parts of an early-warning message a notice board shows. Times are Unix seconds.
struct CapMessage {
    std::string identifier;  // e.g. 44030041600000_20261127100000_0
    std::string sender;      // the issuing organisation (sender, or senderName of the info)
    std::string sender_code;
    int64_t sent = 0;
    std::string status;    // Actual (only these are imported), Exercise, System, Test, Draft
    std::string msg_type;  // Alert, Update, Cancel
    std::vector<std::string> references;  // identifiers of earlier messages (Update, Cancel)
    std::string event;                    // event type: name (台风) or code (11B01)
    AlertLevel level = AlertLevel::Red;
    std::optional<int64_t> effective;  // effective, or onset
    std::optional<int64_t> expires;
    std::string headline;
    std::string description;
    std::string instruction;
    std::vector<std::string> areas;  // areaDesc of each area
};

struct CapParse {
    std::optional<CapMessage> message;  // set when there are no errors
    std::vector<std::string> errors;    // each names the element and what to fix
};

// Caps: a warning message is a few kilobytes; anything near these is not one.
inline constexpr size_t k_max_cap_bytes = 1024 * 1024;
inline constexpr size_t k_max_cap_depth = 16;
inline constexpr size_t k_max_cap_elements = 2000;

// Parses with expat. Refused before or while parsing: more than k_max_cap_bytes, a DOCTYPE (so no
// DTD, no entity declaration, no external entity is ever read or expanded), deeper nesting or
// more elements than the caps, malformed XML (with its line), and missing or invalid required
// elements. Element names are matched without their namespace, so both plain GB/T 35965.1
// messages and OASIS CAP 1.2 (urn:oasis:names:tc:emergency:cap:1.2) are read.
CapParse parse_cap_message(std::string_view xml);

// The four colours from a severity code: Red/Orange/Yellow/Blue (GB/T 35965.1), 红色/橙色/黄色/
// 蓝色 (also with 预警), I/II/III/IV 级 and 1-4 (特别重大, 重大, 较大, 一般), or CAP's
// Extreme/Severe/Moderate/Minor. nullopt for anything else, Unknown included.
std::optional<AlertLevel> cap_level(std::string_view code);

// "2026-11-27T10:00:00+08:00" (CAP and the extended form), "2026-11-27 10:00:00+08:00" and the
// basic form "20261127100000" (Beijing time).
std::optional<int64_t> parse_cap_time(std::string_view text);

}  // namespace content
