// Event records: names, the canonical body the chain hashes, one JSON line per record.
#include "content/events/event_record.h"

#include <array>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <utility>

#include "content/sha256.h"

namespace content::events {
namespace {

constexpr std::array<std::pair<Kind, std::string_view>, 6> k_kinds{{
    {Kind::Display, "display"},
    {Kind::ScreenOff, "screen_off"},
    {Kind::View, "view"},
    {Kind::Rating, "rating"},
    {Kind::Start, "start"},
    {Kind::Lost, "lost"},
}};
constexpr std::array<std::pair<ClockState, std::string_view>, 3> k_clocks{{
    {ClockState::Trusted, "trusted"},
    {ClockState::Jumped, "jumped"},
    {ClockState::Implausible, "implausible"},
}};
constexpr std::array<std::string_view, k_level_count> k_levels{"非常满意", "满意", "基本满意",
                                                               "不满意", "非常不满意"};

// 2024-01-01 and 2090-01-01 UTC.
constexpr int64_t k_plausible_from = 1704067200;
constexpr int64_t k_plausible_to = 3786912000;

nlohmann::json body_json(const Record& r) {
    nlohmann::json j = {
        {"seq", r.seq}, {"at", r.at}, {"clock", clock_name(r.clock)}, {"kind", kind_name(r.kind)}};
    if (!r.notice.empty())
        j["notice"] = r.notice;
    if (!r.detail.empty())
        j["detail"] = r.detail;
    if (!r.title.empty())
        j["title"] = r.title;
    if (!r.category.empty())
        j["category"] = r.category;
    if (r.emergency)
        j["emergency"] = true;
    if (!r.title.empty())
        j["title"] = r.title;
    if (!r.category.empty())
        j["category"] = r.category;
    if (r.emergency)
        j["emergency"] = true;
    if (r.kind == Kind::Display || r.kind == Kind::ScreenOff) {
        j["from"] = r.from;
        j["to"] = r.to;
    }
    if (r.kind == Kind::Rating) {
        j["level"] = r.level;
        j["reasons"] = r.reasons;
        if (!r.comment.empty())
            j["comment"] = r.comment;
    }
    if (r.kind == Kind::Lost)
        j["count"] = r.count;
    return j;
}

bool text_field(const nlohmann::json& j, const char* key, size_t cap, std::string& out,
                std::string& error) {
    if (!j.contains(key))
        return true;
    if (!j[key].is_string() || j[key].get_ref<const std::string&>().size() > cap) {
        error = std::string("field '") + key + "' must be a string of at most " +
                std::to_string(cap) + " bytes";
        return false;
    }
    out = j[key].get<std::string>();
    return true;
}

bool int_field(const nlohmann::json& j, const char* key, bool required, int64_t& out,
               std::string& error) {
    if (!j.contains(key)) {
        if (required)
            error = std::string("field '") + key + "' is missing";
        return !required;
    }
    if (!j[key].is_number_integer()) {
        error = std::string("field '") + key + "' must be an integer";
        return false;
    }
    out = j[key].get<int64_t>();
    return true;
}

bool parse_fields(const nlohmann::json& j, Record& r, std::string& error) {
    int64_t seq = 0;
    if (!int_field(j, "seq", true, seq, error) || !int_field(j, "at", true, r.at, error))
        return false;
    if (seq < 1) {
        error = "field 'seq' must be 1 or more";
        return false;
    }
    r.seq = static_cast<uint64_t>(seq);
    std::string kind, clock;
    if (!text_field(j, "kind", k_max_field_bytes, kind, error) ||
        !text_field(j, "clock", k_max_field_bytes, clock, error))
        return false;
    const auto parsed_kind = parse_kind(kind);
    const auto parsed_clock = parse_clock(clock);
    if (!parsed_kind || !parsed_clock) {
        error =
            !parsed_kind ? "unknown kind '" + kind + "'" : "unknown clock state '" + clock + "'";
        return false;
    }
    r.kind = *parsed_kind;
    r.clock = *parsed_clock;
    int64_t level = 0, count = 0;
    const bool interval = r.kind == Kind::Display || r.kind == Kind::ScreenOff;
    if (!text_field(j, "notice", k_max_field_bytes, r.notice, error) ||
        !text_field(j, "detail", k_max_field_bytes, r.detail, error) ||
        !text_field(j, "comment", k_max_comment_bytes, r.comment, error) ||
        !text_field(j, "title", k_max_field_bytes * 2, r.title, error) ||
        !text_field(j, "category", k_max_field_bytes, r.category, error) ||
        !text_field(j, "title", k_max_field_bytes * 2, r.title, error) ||
        !text_field(j, "category", k_max_field_bytes, r.category, error) ||
        !int_field(j, "from", interval, r.from, error) ||
        !int_field(j, "to", interval, r.to, error) ||
        !int_field(j, "level", r.kind == Kind::Rating, level, error) ||
        !int_field(j, "count", r.kind == Kind::Lost, count, error))
        return false;
    if (r.kind == Kind::Rating && level_name(static_cast<int>(level)).empty()) {
        error = "field 'level' must be 1..5";
        return false;
    }
    if (j.contains("emergency")) {
        if (!j["emergency"].is_boolean()) {
            error = "field 'emergency' must be true or false";
            return false;
        }
        r.emergency = j["emergency"].get<bool>();
    }
    if (j.contains("emergency")) {
        if (!j["emergency"].is_boolean()) {
            error = "field 'emergency' must be true or false";
            return false;
        }
        r.emergency = j["emergency"].get<bool>();
    }
    r.level = static_cast<int>(level);
    r.count = static_cast<uint64_t>(count < 0 ? 0 : count);
    if (j.contains("reasons")) {
        const auto& reasons = j["reasons"];
        if (!reasons.is_array() || reasons.size() > k_max_reasons) {
            error = "field 'reasons' must be a list of at most " + std::to_string(k_max_reasons);
            return false;
        }
        for (const auto& reason : reasons) {
            if (!reason.is_string() ||
                reason.get_ref<const std::string&>().size() > k_max_field_bytes) {
                error = "every reason must be a short string";
                return false;
            }
            r.reasons.push_back(reason.get<std::string>());
        }
    }
    return true;
}

}  // namespace

std::string_view kind_name(Kind kind) {
    for (const auto& [k, name] : k_kinds)
        if (k == kind)
            return name;
    return {};
}

std::optional<Kind> parse_kind(std::string_view name) {
    for (const auto& [k, n] : k_kinds)
        if (n == name)
            return k;
    return std::nullopt;
}

std::string_view clock_name(ClockState state) {
    for (const auto& [s, name] : k_clocks)
        if (s == state)
            return name;
    return {};
}

std::optional<ClockState> parse_clock(std::string_view name) {
    for (const auto& [s, n] : k_clocks)
        if (n == name)
            return s;
    return std::nullopt;
}

std::string_view level_name(int level) {
    if (level < 1 || level > k_level_count)
        return {};
    return k_levels[static_cast<size_t>(level - 1)];
}

std::string canonical_body(const Record& record) {
    return body_json(record).dump();
}

std::string record_hash(const Record& record, std::string_view previous_hash) {
    std::string covered(previous_hash);
    covered += canonical_body(record);
    return sha256_hex(covered);
}

std::string encode_record_line(const Record& record) {
    nlohmann::json j = body_json(record);
    j["h"] = record.hash;
    return j.dump();
}

RecordParse parse_record_line(std::string_view line) {
    RecordParse out;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        out.error = "not a JSON object";
        return out;
    }
    Record r;
    if (!parse_fields(j, r, out.error))
        return out;
    if (!j.contains("h") || !j["h"].is_string() || !is_sha256_hex(j["h"].get<std::string>())) {
        out.error = "field 'h' must be a sha256 in hex";
        return out;
    }
    r.hash = j["h"].get<std::string>();
    out.record = std::move(r);
    return out;
}

ClockState classify_clock(ClockSample now, std::optional<ClockSample> previous) {
    if (now.wall < k_plausible_from || now.wall >= k_plausible_to)
        return ClockState::Implausible;
    if (previous) {
        const int64_t wall_delta = now.wall - previous->wall;
        const int64_t steady_delta = now.steady - previous->steady;
        if (std::llabs(wall_delta - steady_delta) > k_clock_jump_tolerance_seconds)
            return ClockState::Jumped;
    }
    return ClockState::Trusted;
}

}  // namespace content::events
