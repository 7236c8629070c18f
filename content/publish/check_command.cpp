// kiosk-publish check: runs the content safety checker over notice files or folders, prints each
// finding with file, line, rule and excerpt (or JSON lines), and honours reviewer approvals.
#include "content/publish/check_command.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include "content/diagnostic.h"
#include "content/notice_source.h"
#include "content/safety/approval.h"
#include "content/safety/check.h"
#include "content/safety/rules_loader.h"
#include "content/source_tree.h"
#include "content/text_util.h"

namespace {

namespace fs = std::filesystem;

constexpr int k_clean = 0;
constexpr int k_flagged = 1;
constexpr int k_usage = 2;
constexpr size_t k_max_file_bytes = 4 * 1024 * 1024;
constexpr size_t k_max_review_bytes = 4 * 1024 * 1024;

enum class Output { Human, Json };

int usage(const std::string& problem) {
    if (!problem.empty()) {
        std::cerr << "kiosk-publish check: " << problem << "\n";
    }
    std::cerr << "usage: kiosk-publish check [--json] [--rules DIR] PATH...\n"
                 "  PATH: notice files (*.md) or folders of them; approvals are read from the\n"
                 "  nearest reviews.json in the notice's folder or a folder above it\n"
                 "exit codes: 0 clean, 1 flagged, 2 usage or I/O errors\n";
    return k_usage;
}

struct Options {
    Output output = Output::Human;
    std::optional<fs::path> rules_dir;
    std::vector<fs::path> paths;
};

std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& error) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--json") {
            o.output = Output::Json;
        } else if (args[i] == "--rules" && i + 1 < args.size()) {
            o.rules_dir = args[++i];
        } else if (args[i].starts_with("--")) {
            error = "unknown option " + args[i];
            return std::nullopt;
        } else {
            o.paths.emplace_back(args[i]);
        }
    }
    if (o.paths.empty()) {
        error = "name at least one notice file or folder";
        return std::nullopt;
    }
    return o;
}

// Notice files below a folder, as load_source_tree finds them; a file stands for itself.
bool collect_files(const fs::path& path, std::vector<fs::path>& files) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        files.push_back(path);
        return true;
    }
    if (!fs::is_directory(path, ec)) {
        std::cerr << "kiosk-publish check: " << path.string() << ": no such file or folder\n";
        return false;
    }
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".md" &&
            it->path().filename() != "README.md") {
            found.push_back(it->path());
        }
    }
    if (ec) {
        std::cerr << "kiosk-publish check: " << path.string() << ": " << ec.message() << "\n";
        return false;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
    return true;
}

// Maps offsets in a parsed notice's fields back to bytes of its source file.
class FieldLocator {
public:
    explicit FieldLocator(std::string_view file) : m_file(file) {
        const std::vector<std::string_view> lines = content::split_lines(file);
        size_t offset = 0;
        for (size_t i = 0; i < lines.size(); ++i) {
            const size_t next = std::min(file.find('\n', offset), file.size()) + 1;
            if (i > 0 && content::trim(lines[i]) == "---") {
                m_front_end = offset;
                m_body_start = std::min(next, file.size());
                break;
            }
            offset = next;
        }
        while (m_body_start < file.size() &&
               std::string_view(" \t\r\n").find(file[m_body_start]) != std::string_view::npos) {
            ++m_body_start;
        }
    }

    // [start, end) in the file for a finding in `field` whose text is `value`.
    std::pair<size_t, size_t> locate(std::string_view field, std::string_view value, size_t start,
                                     size_t end) const {
        if (field == "body") {
            return {body_offset(value, start), body_offset(value, end)};
        }
        const std::string key = std::string(field) + ":";
        size_t line = 0;
        while (line < m_front_end && !std::string_view(m_file).substr(line).starts_with(key)) {
            line = std::min(m_file.find('\n', line), m_front_end) + 1;
        }
        if (line >= m_front_end) {
            return {0, 0};
        }
        const size_t at = m_file.substr(0, m_front_end).find(value, line);
        if (at != std::string_view::npos && !value.empty()) {
            return {at + start, at + end};
        }
        // The value is escaped in the YAML (a "\u200b" written out): point at the whole line.
        return {line, std::min(m_file.find('\n', line), m_file.size())};
    }

    int line_of(size_t offset) const {
        return 1 + static_cast<int>(std::count(m_file.begin(), m_file.begin() + offset, '\n'));
    }

private:
    // The parser joins body lines with \n, so a CRLF file has one more byte per line break.
    size_t body_offset(std::string_view body, size_t pos) const {
        size_t file_pos = m_body_start;
        for (size_t i = 0; i < pos && i < body.size() && file_pos < m_file.size(); ++i) {
            if (body[i] == '\n' && m_file[file_pos] == '\r') {
                ++file_pos;
            }
            ++file_pos;
        }
        return file_pos;
    }

    std::string_view m_file;
    size_t m_front_end = 0;
    size_t m_body_start = 0;
};

// The nearest reviews.json at or above `dir`, parsed once per folder.
class ReviewFiles {
public:
    // Nothing when a review file exists but cannot be read or parsed (already reported).
    std::optional<std::vector<content::safety::Approval>> for_folder(const fs::path& dir) {
        // A bare file name ("check notice.md") has an empty parent: the current folder.
        const fs::path absolute =
            fs::absolute(dir.empty() ? fs::path(".") : dir).lexically_normal();
        for (fs::path d = absolute;; d = d.parent_path()) {
            const fs::path file = d / "reviews.json";
            std::error_code ec;
            if (fs::is_regular_file(file, ec)) {
                return load(file);
            }
            if (d == d.root_path() || d.parent_path() == d) {
                return std::vector<content::safety::Approval>{};
            }
        }
    }

private:
    std::optional<std::vector<content::safety::Approval>> load(const fs::path& file) {
        const std::string key = file.string();
        if (const auto it = m_cache.find(key); it != m_cache.end()) {
            return it->second;
        }
        std::optional<std::vector<content::safety::Approval>> result;
        try {
            content::safety::ApprovalsResult parsed = content::safety::parse_approvals(
                key, content::read_file_capped(file, k_max_review_bytes));
            for (const content::Diagnostic& d : parsed.diagnostics) {
                std::cerr << content::format_diagnostic(d) << "\n";
            }
            if (parsed.diagnostics.empty()) {
                result = std::move(parsed.approvals);
            }
        } catch (const std::exception& e) {
            std::cerr << "kiosk-publish check: " << e.what() << "\n";
        }
        m_cache.emplace(key, result);
        return result;
    }

    std::map<std::string, std::optional<std::vector<content::safety::Approval>>> m_cache;
};

struct Report {
    int files = 0;
    int flagged_files = 0;
    int findings = 0;
    int approved = 0;
    bool io_error = false;
};

std::string approver(const content::safety::SafetyFinding& f, const content::Notice* notice,
                     const std::vector<content::safety::Approval>& approvals) {
    if (notice == nullptr || !content::safety::finding_approved(f, *notice, approvals)) {
        return {};
    }
    const std::string_view match = content::safety::finding_text(f, *notice);
    for (const content::safety::Approval& a : approvals) {
        if (a.notice == notice->id && a.rule == f.rule && a.field == f.field && a.match == match) {
            return a.reviewer;
        }
    }
    return {};
}

void print_finding(Output output, const std::string& file, const content::Notice* notice,
                   const content::safety::SafetyFinding& f, std::pair<size_t, size_t> span,
                   int line, const std::string& reviewer, const std::string& text_sha256) {
    const bool suspected = f.certainty == content::safety::Certainty::Suspected;
    if (output == Output::Json) {
        nlohmann::json j{
            {"file", file},         {"rule", f.rule},
            {"start", span.first},  {"end", span.second},
            {"line", line},         {"field", f.field},
            {"excerpt", f.excerpt}, {"term", f.term},
            {"layer", f.layer},     {"normalized", f.normalized},
            {"reason", f.reason},   {"certainty", suspected ? "suspected" : "certain"}};
        if (suspected) {
            j["score"] = f.score;
        }
        if (notice != nullptr) {
            j["notice"] = notice->id;
            j["match"] = std::string(content::safety::finding_text(f, *notice));
            j["text_sha256"] = text_sha256;
        }
        if (!reviewer.empty()) {
            j["approved_by"] = reviewer;
        }
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return;
    }
    char score[32] = "";
    if (suspected) {
        std::snprintf(score, sizeof score, " (suspected, score %.1f)", f.score);
    }
    std::cout << file << ":" << line << ": " << f.rule << score << ": " << f.excerpt << "  ["
              << f.term << (f.field.empty() || f.field == "body" ? "" : " in " + f.field) << "]"
              << (reviewer.empty() ? "" : "  (approved by " + reviewer + ")") << "\n";
    // The explanation: which layer fired, what it read, and why.
    std::cout << "    " << f.layer << ": " << f.reason
              << (f.normalized.empty() ? "" : " (read as \"" + f.normalized + "\")") << "\n";
}

void check_file(const fs::path& path, Output output, const content::safety::SafetyRules& rules,
                ReviewFiles& reviews, Report& report) {
    ++report.files;
    const std::string file = path.lexically_normal().string();
    std::string text;
    try {
        text = content::read_file_capped(path, k_max_file_bytes);
    } catch (const std::exception& e) {
        std::cerr << "kiosk-publish check: " << e.what() << "\n";
        report.io_error = true;
        return;
    }
    const content::ParsedNotice parsed =
        content::parse_notice_source(file, path.stem().string(), text);
    const content::Notice* notice = parsed.notice ? &*parsed.notice : nullptr;
    std::vector<content::safety::SafetyFinding> findings;
    if (notice != nullptr) {
        findings = content::safety::check_notice(*notice, rules);
    } else {
        std::cerr << file << ": not a valid notice (see kiosk-publish validate); "
                  << "checking its text as it is\n";
        findings = content::safety::check_text(text, rules);
    }
    const auto approvals = reviews.for_folder(path.parent_path());
    if (!approvals) {
        report.io_error = true;
    }
    const FieldLocator locator(text);
    const std::string sha = notice != nullptr ? content::safety::safety_text_sha256(*notice) : "";
    bool flagged = false;
    for (const content::safety::SafetyFinding& f : findings) {
        std::pair<size_t, size_t> span{f.start, f.end};
        if (notice != nullptr) {
            const auto fields = content::safety::checked_fields(*notice);
            const auto field = std::find_if(fields.begin(), fields.end(),
                                            [&](const auto& c) { return c.name == f.field; });
            span = locator.locate(f.field, field->text, f.start, f.end);
        }
        const std::string reviewer = approvals ? approver(f, notice, *approvals) : std::string();
        print_finding(output, file, notice, f, span, locator.line_of(span.first), reviewer, sha);
        ++report.findings;
        if (reviewer.empty()) {
            flagged = true;
        } else {
            ++report.approved;
        }
    }
    report.flagged_files += flagged ? 1 : 0;
}

}  // namespace

int run_check_command(const std::vector<std::string>& args) {
    std::string error;
    const std::optional<Options> options = parse_options(args, error);
    if (!options) {
        return usage(error);
    }
    const std::optional<fs::path> dir =
        options->rules_dir ? options->rules_dir : content::safety::default_rules_dir();
    if (!dir) {
        std::cerr << "kiosk-publish check: no safety rules found; name them with --rules DIR\n";
        return k_usage;
    }
    const content::safety::SafetyRulesResult rules = content::safety::load_safety_rules(*dir);
    for (const content::Diagnostic& d : rules.diagnostics) {
        std::cerr << content::format_diagnostic(d) << "\n";
    }
    if (!rules.rules) {
        return k_usage;
    }
    Report report;
    std::vector<fs::path> files;
    for (const fs::path& path : options->paths) {
        report.io_error = !collect_files(path, files) || report.io_error;
    }
    ReviewFiles reviews;
    for (const fs::path& file : files) {
        check_file(file, options->output, *rules.rules, reviews, report);
    }
    std::cerr << "checked " << report.files << " file(s): " << report.findings << " finding(s) in "
              << report.flagged_files << " flagged file(s)"
              << (report.approved > 0 ? ", " + std::to_string(report.approved) + " approved" : "")
              << "\n";
    if (report.io_error) {
        return k_usage;
    }
    return report.flagged_files > 0 ? k_flagged : k_clean;
}
