// Strict parsing of a notice object (canonical JSON) back into a Notice.
#include "content/channel/notice_json.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "content/channel/manifest.h"
#include "content/json_limits.h"
#include "content/notice_source.h"
#include "content/sha256.h"
#include "content/text_util.h"
#include "content/web_url.h"

namespace content::channel {
namespace {

using nlohmann::json;

struct FieldError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& field, const std::string& what) {
    throw FieldError(field + ": " + what);
}

const json& field(const json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) {
        fail(key, "missing");
    }
    return *it;
}

std::string text(const json& object, const char* key, size_t max_chars) {
    const json& value = field(object, key);
    if (!value.is_string()) {
        fail(key, "expected text");
    }
    std::string s = value.get<std::string>();
    if (utf8_length(s) > max_chars) {
        fail(key, "longer than " + std::to_string(max_chars) + " characters");
    }
    return s;
}

int64_t time_value(const json& value, const char* key) {
    if (!value.is_number_integer() ||
        (value.is_number_unsigned() && value.get<uint64_t>() > uint64_t(INT64_MAX))) {
        fail(key, "expected Unix seconds");
    }
    return value.get<int64_t>();
}

std::optional<int64_t> optional_time(const json& object, const char* key) {
    const json& value = field(object, key);
    if (value.is_null()) {
        return std::nullopt;
    }
    return time_value(value, key);
}

std::vector<std::string> boards(const json& object) {
    const json& value = field(object, "boards");
    if (!value.is_array() || value.size() > k_max_boards_per_entry) {
        fail("boards", "expected a list of board ids");
    }
    std::vector<std::string> out;
    for (const json& b : value) {
        if (!b.is_string() || !(b == "all" || is_valid_notice_id(b.get<std::string>()))) {
            fail("boards", "expected board ids such as \"guihuali-hall\" or \"all\"");
        }
        out.push_back(b.get<std::string>());
    }
    return out;
}

std::vector<ImageRef> images(const json& object) {
    const json& value = field(object, "images");
    if (!value.is_array() || value.size() > k_max_images) {
        fail("images", "expected a list of at most " + std::to_string(k_max_images));
    }
    std::vector<ImageRef> out;
    for (const json& image : value) {
        if (!image.is_object()) {
            fail("images", "expected objects {path, sha256}");
        }
        ImageRef ref{text(image, "path", 512), text(image, "sha256", 64)};
        if (!is_sha256_hex(ref.sha256)) {
            fail("images.sha256", "expected 64 lowercase hex digits");
        }
        out.push_back(std::move(ref));
    }
    return out;
}

// Both are absent when they say nothing (notice_canonical_text), so older channels still parse.
void read_level_and_schedule(const json& j, Notice& n) {
    if (const auto it = j.find("level"); it != j.end()) {
        const auto level =
            it->is_string() ? alert_level_from_text(it->get<std::string>()) : std::nullopt;
        if (!level || *level == AlertLevel::Red ||
            it->get<std::string>() != alert_level_key(*level)) {
            fail("level", "expected orange, yellow or blue (red is written as no level)");
        }
        if (n.priority != Priority::Emergency) {
            fail("level", "only an emergency notice carries a level");
        }
        n.level = *level;
    }
    if (const auto it = j.find("schedule"); it != j.end()) {
        std::string error;
        auto schedule = schedule_from_json_value(*it, error);
        if (!schedule) {
            fail("schedule", error);
        }
        n.schedule = std::move(*schedule);
    }
}

Notice read_notice(const json& j) {
    if (!j.is_object()) {
        fail("notice", "expected a JSON object");
    }
    Notice n;
    n.id = text(j, "id", 64);
    if (!is_valid_notice_id(n.id)) {
        fail("id", "not a notice id");
    }
    const auto category = category_from_text(text(j, "category", 32));
    if (!category) {
        fail("category", "unknown category");
    }
    n.category = *category;
    n.title = text(j, "title", k_max_title_chars);
    n.body = text(j, "body", k_max_notice_object_bytes);
    n.department = text(j, "department", k_max_department_chars);
    n.published_at = time_value(field(j, "published_at"), "published_at");
    n.starts_at = optional_time(j, "starts_at");
    n.expires_at = optional_time(j, "expires_at");
    const auto priority = priority_from_text(text(j, "priority", 16));
    if (!priority) {
        fail("priority", "unknown priority");
    }
    n.priority = *priority;
    read_level_and_schedule(j, n);
    n.boards = boards(j);
    n.source_url = text(j, "source_url", 2048);
    if (auto problem = web_url_problem(n.source_url); problem && !n.source_url.empty()) {
        fail("source_url", *problem);  // a board never shows such a link as a QR code
    }
    n.images = images(j);
    return n;
}

}  // namespace

NoticeJsonParse parse_notice_json(std::string_view bytes) {
    NoticeJsonParse result;
    if (bytes.size() > k_max_notice_object_bytes) {
        result.error =
            "the notice is larger than " + std::to_string(k_max_notice_object_bytes) + " bytes";
        return result;
    }
    if (!json_nesting_within(bytes, 4)) {
        result.error = "the notice nests deeper than its format allows";
        return result;
    }
    try {
        Notice n = read_notice(json::parse(bytes));
        if (notice_canonical_text(n) != bytes) {
            result.error = "the notice is not in canonical form, so its hash is not its address";
            return result;
        }
        n.content_hash = sha256_hex(bytes);
        result.notice = std::move(n);
    } catch (const json::exception& e) {
        result.error = std::string("not valid JSON: ") + e.what();
    } catch (const FieldError& e) {
        result.error = e.what();
    }
    return result;
}

}  // namespace content::channel
