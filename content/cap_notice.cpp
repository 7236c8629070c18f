// Early-warning message to notice source: quoted front matter and an escaped Markdown body.
#include "content/cap_notice.h"

#include <cctype>

#include "content/date_time.h"
#include "content/text_util.h"

namespace content {
namespace {

// One line of YAML in double quotes: control characters become spaces.
std::string yaml_quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// Markdown that shows exactly the text: ASCII punctuation with meaning is backslash-escaped,
// and lines stay lines (a blank line between paragraphs is kept).
std::string markdown_text(std::string_view text) {
    std::string out;
    for (std::string_view line : split_lines(text)) {
        line = trim(line);
        if (line.empty()) {
            if (!out.empty() && !out.ends_with("\n\n")) {
                out += "\n";
            }
            continue;
        }
        for (char c : line) {
            if (std::string_view("\\`*_[]<>#|!~+-.{}()&").find(c) != std::string_view::npos) {
                out += '\\';
            }
            out += c;
        }
        out += "\n\n";
    }
    while (out.ends_with("\n")) {
        out.pop_back();
    }
    return out;
}

std::string fold_id(std::string_view identifier) {
    std::string out;
    for (char c : identifier) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            out += static_cast<char>(std::tolower(u));
        } else if (c == '_' || c == '-') {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    return out;
}

// The first `max_chars` characters of UTF-8 text.
std::string first_chars(std::string_view text, size_t max_chars) {
    size_t chars = 0;
    size_t at = 0;
    while (at < text.size() && chars < max_chars) {
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
            ++at;
        }
        ++chars;
    }
    return std::string(text.substr(0, at));
}

// The notice format's time, with seconds only when there are any.
std::string source_time(int64_t t) {
    const int seconds = to_beijing_civil(t).second;
    return format_date_time(t) +
           (seconds ? ":" + std::string(seconds < 10 ? "0" : "") + std::to_string(seconds) : "");
}

}  // namespace

std::string cap_notice_id(const CapMessage& m) {
    const std::string& source =
        m.msg_type != "Alert" && !m.references.empty() ? m.references.back() : m.identifier;
    std::string id = "alert-" + fold_id(source);
    if (id.size() > 64) {
        id.resize(64);
    }
    return id;
}

std::string cap_notice_source(const CapMessage& m) {
    std::string out = "---\n";
    out += "title: " + yaml_quoted(m.headline) + "\n";
    out += "category: 公告\n";
    out += "department: " + yaml_quoted(first_chars(m.sender, k_max_department_chars)) + "\n";
    out += "date: " + source_time(m.sent) + "\n";
    if (m.effective && *m.effective > m.sent) {
        out += "starts: " + source_time(*m.effective) + "\n";
    }
    if (m.expires) {
        out += "expires: " + source_time(*m.expires) + "\n";
    }
    out += "priority: emergency\n";
    out += "level: " + std::string(alert_level_key(m.level)) + "\n";
    out += "---\n";
    out += markdown_text(m.description) + "\n";
    if (!m.instruction.empty()) {
        out += "\n## 防御指南\n\n" + markdown_text(m.instruction) + "\n";
    }
    out += "\n";
    if (!m.areas.empty()) {
        std::string areas;
        for (const std::string& a : m.areas) {
            areas += (areas.empty() ? "" : "、") + a;
        }
        out += "**影响区域：** " + markdown_text(areas) + "\n\n";
    }
    out += "**事件类型：** " + markdown_text(m.event) + "\n\n";
    out += "**预警编号：** " + markdown_text(m.identifier) + "\n";
    return out;
}

}  // namespace content
