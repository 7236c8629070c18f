// Test fixture for display tests: the sample notices' bodies as display blocks. display/ must
// not depend on content/, so this reads the Markdown itself: front matter stripped, and just
// the subset the sample uses (## headings, paragraphs, - and 1. lists, | tables, ![images],
// **bold**, *emphasis*, > quotes, --- rules).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "display/block.h"
#include "tests/test_paths.h"

namespace test_display {

struct SampleNotice {
    std::string id;
    std::string body;  // Markdown without front matter
    std::vector<display::Block> blocks;
};

inline std::string trim(const std::string& s) {
    const size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) {
        return "";
    }
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// "**加粗** 和 *强调*" → runs. Unbalanced markers stay as text.
inline display::Runs inline_runs(const std::string& text) {
    display::Runs runs;
    size_t i = 0;
    std::string plain;
    auto flush = [&] {
        if (!plain.empty()) {
            runs.push_back({plain, display::Weight::Regular, display::Emphasis::None});
        }
        plain.clear();
    };
    while (i < text.size()) {
        const bool strong = text.compare(i, 2, "**") == 0;
        const std::string marker = strong ? "**" : "*";
        if (text[i] == '*') {
            const size_t close = text.find(marker, i + marker.size());
            if (close != std::string::npos) {
                flush();
                const std::string inner = text.substr(i + marker.size(), close - i - marker.size());
                runs.push_back({inner, strong ? display::Weight::Bold : display::Weight::Regular,
                                strong ? display::Emphasis::None : display::Emphasis::Emphasis});
                i = close + marker.size();
                continue;
            }
        }
        plain += text[i++];
    }
    flush();
    return runs;
}

inline std::vector<std::string> split_cells(const std::string& line) {
    std::string row = trim(line);
    if (!row.empty() && row.front() == '|') {
        row.erase(0, 1);
    }
    if (!row.empty() && row.back() == '|') {
        row.pop_back();
    }
    std::vector<std::string> cells;
    std::stringstream in(row);
    std::string cell;
    while (std::getline(in, cell, '|')) {
        cells.push_back(trim(cell));
    }
    return cells;
}

inline display::Block table_block(const std::vector<std::string>& lines) {
    std::vector<display::TableRow> rows;
    std::vector<display::ColumnAlign> align;
    for (size_t k = 0; k < lines.size(); ++k) {
        const auto cells = split_cells(lines[k]);
        if (k == 1) {  // |---|---:|:---:|
            for (const std::string& c : cells) {
                const bool left = !c.empty() && c.front() == ':',
                           right = !c.empty() && c.back() == ':';
                align.push_back(left && right ? display::ColumnAlign::Center
                                : right       ? display::ColumnAlign::End
                                              : display::ColumnAlign::Start);
            }
            continue;
        }
        display::TableRow row;
        row.kind = k == 0 ? display::RowKind::Header : display::RowKind::Body;
        for (const std::string& c : cells) {
            row.cells.push_back({inline_runs(c)});
        }
        rows.push_back(std::move(row));
    }
    return display::Block::table(std::move(rows), std::move(align));
}

// One line of a list item, or nothing: "- 文字", "  2. 文字".
inline bool list_item(const std::string& line, display::Block& out) {
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) {
        return false;
    }
    const std::string rest = line.substr(indent);
    const int depth = static_cast<int>(indent / 2);
    if (rest.rfind("- ", 0) == 0 || rest.rfind("* ", 0) == 0) {
        out = display::Block::list_item(display::ListKind::Bulleted, 0, depth,
                                        inline_runs(rest.substr(2)));
        return true;
    }
    size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) {
        ++digits;
    }
    if (digits > 0 && rest.compare(digits, 2, ". ") == 0) {
        out = display::Block::list_item(display::ListKind::Numbered,
                                        std::stoi(rest.substr(0, digits)), depth,
                                        inline_runs(rest.substr(digits + 2)));
        return true;
    }
    return false;
}

inline std::vector<display::Block> parse_blocks(const std::string& body) {
    std::vector<display::Block> blocks;
    std::vector<std::string> lines;
    std::stringstream in(body);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    std::string paragraph;
    auto flush = [&] {
        if (!paragraph.empty()) {
            blocks.push_back(display::Block::paragraph(inline_runs(paragraph)));
        }
        paragraph.clear();
    };
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string t = trim(lines[i]);
        display::Block item;
        if (t.empty()) {
            flush();
        } else if (t[0] == '#') {
            flush();
            const size_t level = t.find_first_not_of('#');
            blocks.push_back(display::Block::heading(static_cast<int>(level),
                                                     inline_runs(trim(t.substr(level)))));
        } else if (t[0] == '|') {
            flush();
            std::vector<std::string> rows;
            for (; i < lines.size() && trim(lines[i]).rfind("|", 0) == 0; ++i) {
                rows.push_back(lines[i]);
            }
            --i;
            blocks.push_back(table_block(rows));
        } else if (t.rfind("![", 0) == 0) {
            flush();
            const size_t close = t.find("](");
            const std::string alt = close == std::string::npos ? "" : t.substr(2, close - 2);
            blocks.push_back(display::Block::image("missing-asset", alt, 400, 240,
                                                   display::ImagePresence::Absent));
        } else if (t == "---" || t == "***") {
            flush();
            blocks.push_back(display::Block::rule());
        } else if (t.rfind("> ", 0) == 0) {
            flush();
            blocks.push_back(display::Block::quote(inline_runs(t.substr(2))));
        } else if (list_item(lines[i], item)) {
            flush();
            blocks.push_back(std::move(item));
        } else {
            paragraph += t;  // soft line break between CJK: joined without a space
        }
    }
    flush();
    return blocks;
}

inline std::string strip_front_matter(const std::string& text) {
    if (text.rfind("---", 0) != 0) {
        return text;
    }
    const size_t end = text.find("\n---", 3);
    if (end == std::string::npos) {
        return text;
    }
    const size_t body = text.find('\n', end + 4);
    return body == std::string::npos ? "" : text.substr(body + 1);
}

// Every sample notice (content/sample/notices/**/*.md), sorted by id.
inline std::vector<SampleNotice> sample_notices() {
    std::vector<SampleNotice> out;
    const auto root = test_paths::sample_dir() / "notices";
    if (!std::filesystem::exists(root)) {
        return out;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".md") {
            continue;
        }
        std::ifstream file(entry.path(), std::ios::binary);
        std::stringstream text;
        text << file.rdbuf();
        SampleNotice notice;
        notice.id = entry.path().stem().string();
        notice.body = strip_front_matter(text.str());
        notice.blocks = parse_blocks(notice.body);
        out.push_back(std::move(notice));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
}

// The text of every paragraph-like piece (paragraphs, headings, list items, quotes, table
// cells) of the sample, as plain UTF-8: the corpus for invariant tests.
inline std::vector<std::string> sample_texts() {
    std::vector<std::string> out;
    auto text_of = [](const display::Runs& runs) {
        std::string s;
        for (const auto& r : runs) {
            s += r.text;
        }
        return s;
    };
    for (const SampleNotice& notice : sample_notices()) {
        for (const display::Block& block : notice.blocks) {
            if (!block.content.empty()) {
                out.push_back(text_of(block.content));
            }
            for (const auto& row : block.rows) {
                for (const auto& cell : row.cells) {
                    out.push_back(text_of(cell.content));
                }
            }
        }
    }
    return out;
}

}  // namespace test_display
