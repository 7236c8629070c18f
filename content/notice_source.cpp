// Parses and validates one notice source file (YAML front matter through yaml-cpp, body through
// cmark-gfm). Every problem becomes a Diagnostic naming file, line and field.
#include "content/notice_source.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "content/date_time.h"
#include "content/document.h"
#include "content/text_util.h"
#include "content/web_url.h"

namespace content {
namespace {

constexpr std::array<std::string_view, 12> k_fields{"title",    "category", "department", "date",
                                                    "starts",   "expires",  "priority",   "level",
                                                    "schedule", "boards",   "source_url", "images"};

std::string field_list() {
    std::string out;
    for (std::string_view f : k_fields) {
        out += (out.empty() ? "" : ", ") + std::string(f);
    }
    return out;
}

class Validator {
public:
    Validator(const std::string& file, int first_yaml_line)
        : m_file(file), m_offset(first_yaml_line) {}

    void error(int line, std::string field, std::string message) {
        m_out.push_back({m_file, line, std::move(field), std::move(message)});
    }
    void error_at(const YAML::Node& node, std::string field, std::string message) {
        error(line_of(node), std::move(field), std::move(message));
    }
    int line_of(const YAML::Node& node) const {
        return node.Mark().is_null() ? m_offset : node.Mark().line + m_offset;
    }
    // A scalar field as text, or nullopt with a diagnostic.
    std::optional<std::string> scalar(const YAML::Node& node, const std::string& field) {
        if (!node.IsScalar()) {
            error_at(node, field,
                     "expected a single value on one line, for example `" + field + ": ...`");
            return std::nullopt;
        }
        return std::string(trim(node.Scalar()));
    }
    enum class End { Start, Until };
    std::optional<int64_t> time(const YAML::Node& node, const std::string& field,
                                End end = End::Start) {
        const auto text = scalar(node, field);
        if (!text) {
            return std::nullopt;
        }
        auto t = end == End::Until ? parse_beijing_until(*text) : parse_beijing_time(*text);
        if (!t) {
            error_at(node, field,
                     "'" + *text + "' is not a date; write it as " + std::string(k_date_forms) +
                         " (Beijing time)");
        }
        return t;
    }
    std::vector<std::string> list(const YAML::Node& node, const std::string& field) {
        std::vector<std::string> out;
        if (node.IsScalar()) {
            out.push_back(std::string(trim(node.Scalar())));
        } else if (node.IsSequence()) {
            for (const YAML::Node& item : node) {
                if (auto text = scalar(item, field)) {
                    out.push_back(*text);
                }
            }
        } else {
            error_at(node, field, "expected a list, for example `" + field + ": [a, b]`");
        }
        return out;
    }
    std::vector<Diagnostic> take() { return std::move(m_out); }
    bool ok() const { return m_out.empty(); }

private:
    std::string m_file;
    int m_offset;
    std::vector<Diagnostic> m_out;
};

bool is_board_id(std::string_view id) {
    return is_valid_notice_id(id);  // board ids follow the same rule as notice ids
}

bool is_safe_relative_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) {
        return false;
    }
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        std::string_view part =
            path.substr(start, end == std::string_view::npos ? path.npos : end - start);
        if (part.empty() || part == "." || part == "..") {
            return false;
        }
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return true;
}

void read_text_fields(const YAML::Node& fm, Validator& v, Notice& n) {
    if (const YAML::Node node = fm["title"]) {
        if (auto text = v.scalar(node, "title")) {
            if (text->empty()) {
                v.error_at(node, "title", "the title is empty; write the notice's headline");
            } else if (utf8_length(*text) > k_max_title_chars) {
                v.error_at(node, "title",
                           "the title has " + std::to_string(utf8_length(*text)) +
                               " characters; shorten it to at most " +
                               std::to_string(k_max_title_chars));
            }
            n.title = text.value_or("");
        }
    }
    if (const YAML::Node node = fm["department"]) {
        if (auto text = v.scalar(node, "department")) {
            if (text->empty() || utf8_length(*text) > k_max_department_chars) {
                v.error_at(node, "department",
                           "write the issuing department in at most " +
                               std::to_string(k_max_department_chars) +
                               " characters, for example 桂花里社区居民委员会");
            }
            n.department = *text;
        }
    }
    if (const YAML::Node node = fm["category"]) {
        if (auto text = v.scalar(node, "category")) {
            if (auto category = category_from_text(*text)) {
                n.category = *category;
            } else {
                v.error_at(node, "category",
                           "unknown category '" + *text + "'; write one of: " + category_choices());
            }
        }
    }
    if (const YAML::Node node = fm["priority"]) {
        if (auto text = v.scalar(node, "priority")) {
            if (auto priority = priority_from_text(*text)) {
                n.priority = *priority;
            } else {
                v.error_at(node, "priority",
                           "unknown priority '" + *text + "'; write normal, pinned or emergency");
            }
        }
    }
    if (const YAML::Node node = fm["level"]) {
        if (auto text = v.scalar(node, "level")) {
            if (auto level = alert_level_from_text(*text)) {
                n.level = *level;
            } else {
                v.error_at(node, "level",
                           "unknown level '" + *text +
                               "'; write red, orange, yellow or blue (红, 橙, 黄, 蓝)");
            }
            if (n.priority != Priority::Emergency) {
                v.error_at(node, "level",
                           "a level belongs to emergency notices only; add `priority: "
                           "emergency` or remove the level");
            }
        }
    }
    if (const YAML::Node node = fm["source_url"]) {
        if (auto text = v.scalar(node, "source_url")) {
            if (auto problem = web_url_problem(*text)) {
                v.error_at(node, "source_url",
                           "'" + *text + "' is not a plain web address (" + *problem +
                               "); write a full address such as "
                               "https://www.example.gov.cn/notice/1.html");
            }
            n.source_url = *text;
        }
    }
}

void read_time_fields(const YAML::Node& fm, Validator& v, Notice& n) {
    if (const YAML::Node node = fm["date"]) {
        if (auto t = v.time(node, "date")) {
            n.published_at = *t;
        }
    }
    if (const YAML::Node node = fm["starts"]) {
        n.starts_at = v.time(node, "starts");
    }
    if (const YAML::Node node = fm["expires"]) {
        n.expires_at = v.time(node, "expires", Validator::End::Until);
        const int64_t from = n.starts_at.value_or(n.published_at);
        if (n.expires_at && *n.expires_at <= from) {
            v.error_at(node, "expires",
                       "the notice ends (" + format_date_time(*n.expires_at) +
                           ") before it starts (" + format_date_time(from) +
                           "); write a later expiry date or remove the field");
        }
    }
}

void read_list_fields(const YAML::Node& fm, Validator& v, Notice& n) {
    if (const YAML::Node node = fm["boards"]) {
        for (const std::string& board : v.list(node, "boards")) {
            if (!is_board_id(board)) {
                v.error_at(node, "boards",
                           "'" + board +
                               "' is not a board id; use lowercase letters, digits and "
                               "'-', as in guihuali-hall, or all");
            } else {
                n.boards.push_back(board);
            }
        }
    }
    if (const YAML::Node node = fm["images"]) {
        for (const std::string& path : v.list(node, "images")) {
            if (!is_safe_relative_path(path)) {
                v.error_at(node, "images",
                           "'" + path +
                               "' must be a path inside the notices folder, such as "
                               "images/plan.png");
            } else {
                n.images.push_back({path, ""});
            }
        }
        if (n.images.size() > k_max_images) {
            v.error_at(node, "images", "at most " + std::to_string(k_max_images) + " images");
        }
    }
}

struct LineProblem {
    int line = 0;
    std::string field;
    std::string message;
};

// A NUL or other control character in the fields (pasted from another program; found by
// fuzzing) would reach YAML and the JSON writer, which fail without naming file or line. Tabs
// are left to YAML.
std::optional<LineProblem> control_character(const std::vector<std::string_view>& lines,
                                             size_t close) {
    for (size_t i = 1; i < close; ++i) {
        const std::string_view line = lines[i];
        for (size_t col = 0; col < line.size(); ++col) {
            const auto b = static_cast<unsigned char>(line[col]);
            if ((b < 0x20 && b != '\t' && b != '\r') || b == 0x7f) {
                const size_t colon = line.find(':');
                const std::string field = colon == std::string_view::npos || colon > col
                                              ? std::string()
                                              : std::string(trim(line.substr(0, colon)));
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02X", b);
                return LineProblem{static_cast<int>(i) + 1, field,
                                   std::string("contains a control character (byte ") + hex +
                                       ") at column " + std::to_string(col + 1) +
                                       "; delete it and type the text again"};
            }
        }
    }
    return std::nullopt;
}

constexpr std::string_view k_schedule_example =
    "schedule:\n  days: mon-fri\n  times: [08:00-18:00]\n  dates: [2026-12-01..2026-12-24]";

void read_schedule(const YAML::Node& node, Validator& v, Notice& n) {
    if (!node.IsMap()) {
        v.error_at(node, "schedule",
                   "expected days, times and/or dates on lines of their own, for example\n" +
                       std::string(k_schedule_example));
        return;
    }
    DisplaySchedule& s = n.schedule;
    for (const auto& entry : node) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "?";
        const std::string field = "schedule." + key;
        if (key != "days" && key != "times" && key != "dates") {
            v.error_at(entry.first, field, "unknown part; a schedule has days, times and dates");
            continue;
        }
        const std::vector<std::string> items = v.list(entry.second, field);
        if (items.empty() || items.size() > k_max_schedule_entries) {
            v.error_at(
                entry.second, field,
                "write between 1 and " + std::to_string(k_max_schedule_entries) + " entries");
            continue;
        }
        for (const std::string& item : items) {
            if (key == "days") {
                if (auto days = parse_days(item)) {
                    s.days.insert(s.days.end(), days->begin(), days->end());
                } else {
                    v.error_at(entry.second, field,
                               "'" + item +
                                   "' is not a day of the week; write mon-fri, sat, sun, "
                                   "周一至周五, 工作日 or 周末");
                }
            } else if (key == "times") {
                if (auto period = parse_daily_period(item)) {
                    s.times.push_back(*period);
                } else {
                    v.error_at(entry.second, field,
                               "'" + item +
                                   "' is not a time of day; write HH:MM-HH:MM on a 24-hour "
                                   "clock, such as 08:00-18:00 (22:00-06:00 runs past midnight)");
                }
            } else if (auto range = parse_date_range(item)) {
                s.dates.push_back(*range);
            } else {
                v.error_at(entry.second, field,
                           "'" + item +
                               "' is not a date range; write 2026-12-01..2026-12-24 (both days "
                               "included) or one day, 2026-12-25");
            }
        }
    }
    std::sort(s.days.begin(), s.days.end());
    s.days.erase(std::unique(s.days.begin(), s.days.end()), s.days.end());
    if (s.days.size() == 7) {
        s.days.clear();  // every day restricts nothing
    }
}

}  // namespace

ParsedNotice parse_notice_source(const std::string& file, const std::string& id,
                                 std::string_view text) {
    ParsedNotice result;
    auto fail = [&](int line, std::string field, std::string message) {
        result.diagnostics.push_back({file, line, std::move(field), std::move(message)});
        return result;
    };
    if (text.size() > k_max_notice_file_bytes) {
        return fail(0, "",
                    "the file is " + std::to_string(text.size() / 1024) +
                        " KB; a notice may be at most " +
                        std::to_string(k_max_notice_file_bytes / 1024) +
                        " KB, split it into several notices");
    }
    if (size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + bad, '\n'));
        return fail(line, "", "the file is not valid UTF-8 text; save it as UTF-8");
    }
    if (!is_valid_notice_id(id)) {
        return fail(1, "id",
                    "the file name '" + id +
                        "' cannot be a notice id; rename it using "
                        "lowercase letters, digits and '-', such as water-cut-1120.md");
    }
    const std::vector<std::string_view> lines = split_lines(text);
    if (lines.empty() || trim(lines[0]) != "---") {
        return fail(1, "",
                    "a notice starts with a line '---', then the fields (title: ..., "
                    "category: ...), then another '---' and the text");
    }
    size_t close = 1;
    while (close < lines.size() && trim(lines[close]) != "---") {
        ++close;
    }
    if (close == lines.size()) {
        return fail(static_cast<int>(lines.size()), "",
                    "the fields are not closed; add a line '---' after the last field");
    }
    if (auto bad = control_character(lines, close)) {
        return fail(bad->line, bad->field, bad->message);
    }
    std::string yaml;
    for (size_t i = 1; i < close; ++i) {
        yaml += std::string(lines[i]) + "\n";
    }
    std::string body;
    for (size_t i = close + 1; i < lines.size(); ++i) {
        body += std::string(lines[i]) + "\n";
    }

    // YAML line 0 is file line 2.
    Validator v(file, 2);
    YAML::Node fm;
    try {
        fm = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        return fail(e.mark.is_null() ? 2 : e.mark.line + 2, "",
                    "cannot read the fields (" + e.msg + "); write each as `name: value`");
    }
    if (!fm.IsMap()) {
        return fail(2, "", "the fields must be lines of `name: value`, such as `title: ...`");
    }
    for (const auto& entry : fm) {
        const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "?";
        if (std::find(k_fields.begin(), k_fields.end(), key) == k_fields.end()) {
            v.error_at(entry.first, key, "unknown field; the fields are: " + field_list());
        }
    }
    for (std::string_view required : {"title", "category", "department", "date"}) {
        if (!fm[std::string(required)]) {
            v.error(static_cast<int>(close) + 1, std::string(required),
                    "missing; add a line `" + std::string(required) + ": ...` before this '---'");
        }
    }

    Notice n;
    n.id = id;
    read_text_fields(fm, v, n);
    read_time_fields(fm, v, n);
    read_list_fields(fm, v, n);
    if (const YAML::Node node = fm["schedule"]) {
        read_schedule(node, v, n);
    }

    n.body = std::string(trim(body));
    if (n.body.empty()) {
        v.error(static_cast<int>(close) + 2, "body", "the notice has no text after the fields");
    } else if (parse_markdown(n.body).blocks.empty()) {
        v.error(static_cast<int>(close) + 2, "body", "the text has nothing a resident could read");
    }

    result.diagnostics = v.take();
    if (result.diagnostics.empty()) {
        result.notice = std::move(n);
    }
    return result;
}

}  // namespace content
