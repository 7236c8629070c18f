// Events segments: encoding, names and verification (signature, header, records, hash chain).
#include "content/events/segment.h"

#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "content/sha256.h"

namespace content::events {
namespace {

std::string header_line(const SegmentHeader& h) {
    nlohmann::json j = {{"format", k_segment_format},
                        {"board", h.board},
                        {"first", h.first},
                        {"last", h.last},
                        {"prev", h.prev}};
    if (h.unsent_from)
        j["unsent_from"] = *h.unsent_from;
    return j.dump();
}

std::string parse_header(std::string_view line, SegmentHeader& h) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return "line 1: the header is not a JSON object";
    if (j.value("format", "") != k_segment_format)
        return "line 1: format is not " + std::string(k_segment_format);
    if (!j.contains("board") || !j["board"].is_string() ||
        !is_valid_board_id(j["board"].get<std::string>()))
        return "line 1: 'board' must be a board id";
    for (const char* key : {"first", "last"})
        if (!j.contains(key) || !j[key].is_number_unsigned() || j[key].get<uint64_t>() == 0)
            return std::string("line 1: '") + key + "' must be a sequence number (1 or more)";
    if (!j.contains("prev") || !j["prev"].is_string() ||
        !is_sha256_hex(j["prev"].get<std::string>()))
        return "line 1: 'prev' must be a sha256 in hex";
    h.board = j["board"].get<std::string>();
    h.first = j["first"].get<uint64_t>();
    h.last = j["last"].get<uint64_t>();
    h.prev = j["prev"].get<std::string>();
    if (j.contains("unsent_from")) {
        if (!j["unsent_from"].is_number_unsigned() || j["unsent_from"].get<uint64_t>() >= h.first)
            return "line 1: 'unsent_from' must be a sequence number before 'first'";
        h.unsent_from = j["unsent_from"].get<uint64_t>();
    }
    if (h.last < h.first || h.last - h.first >= k_max_segment_records)
        return "line 1: 'first'..'last' is empty or longer than " +
               std::to_string(k_max_segment_records) + " records";
    return {};
}

std::string parse_records(std::string_view body, Segment& s) {
    std::string previous = s.header.prev;
    uint64_t expected = s.header.first;
    size_t line_no = 1;
    while (!body.empty()) {
        const size_t end = body.find('\n');
        const std::string_view line = body.substr(0, end);
        body = end == std::string_view::npos ? std::string_view{} : body.substr(end + 1);
        ++line_no;
        const std::string where = "line " + std::to_string(line_no) + ": ";
        auto parsed = parse_record_line(line);
        if (!parsed.record)
            return where + parsed.error;
        Record& r = *parsed.record;
        if (r.seq != expected)
            return where + "record " + std::to_string(r.seq) + " where " +
                   std::to_string(expected) + " belongs (records reordered, removed or repeated)";
        if (r.seq > s.header.last)
            return where + "more records than the header's 'last'";
        if (record_hash(r, previous) != r.hash)
            return where + "record " + std::to_string(r.seq) +
                   " does not match its hash chain (edited)";
        previous = r.hash;
        ++expected;
        s.records.push_back(std::move(r));
    }
    if (expected != s.header.last + 1)
        return "the segment ends at record " + std::to_string(expected - 1) + ", its header says " +
               std::to_string(s.header.last) + " (truncated)";
    return {};
}

}  // namespace

bool is_valid_board_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() == '.')
        return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

std::string encode_segment(const SegmentHeader& header,
                           const std::vector<std::string>& record_lines,
                           const BoardSecretKey& key) {
    std::string text = header_line(header);
    text += '\n';
    for (const auto& line : record_lines) {
        text += line;
        text += '\n';
    }
    return append_signature(std::move(text), key);
}

std::string segment_object_name(std::string_view board, uint64_t first, uint64_t last) {
    char range[64];
    std::snprintf(range, sizeof range, "%012llu-%012llu.seg",
                  static_cast<unsigned long long>(first), static_cast<unsigned long long>(last));
    return "boards/" + std::string(board) + "/events/" + range;
}

std::optional<SegmentName> parse_segment_file_name(std::string_view name) {
    if (name.size() != 29 || name[12] != '-' || name.substr(25) != ".seg")
        return std::nullopt;
    SegmentName out;
    const auto a = std::from_chars(name.data(), name.data() + 12, out.first);
    const auto b = std::from_chars(name.data() + 13, name.data() + 25, out.last);
    if (a.ec != std::errc{} || a.ptr != name.data() + 12 || b.ec != std::errc{} ||
        b.ptr != name.data() + 25)
        return std::nullopt;
    return out;
}

std::optional<std::string> peek_segment_board(std::string_view file) {
    const auto j = nlohmann::json::parse(file.substr(0, file.find('\n')), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("board") || !j["board"].is_string())
        return std::nullopt;
    return j["board"].get<std::string>();
}

SegmentParse parse_segment(std::string_view file, const BoardPublicKey& key) {
    SegmentParse out;
    if (file.size() > k_max_segment_bytes) {
        out.error = "larger than " + std::to_string(k_max_segment_bytes) + " bytes";
        return out;
    }
    const auto verified = verify_signed_text(file, key);
    if (!verified.text) {
        out.error = verified.error;
        return out;
    }
    const std::string_view text = *verified.text;
    const size_t header_end = text.find('\n');
    if (header_end == std::string_view::npos) {
        out.error = "line 1: no header";
        return out;
    }
    Segment segment;
    out.error = parse_header(text.substr(0, header_end), segment.header);
    if (out.error.empty())
        out.error = parse_records(text.substr(header_end + 1), segment);
    if (out.error.empty())
        out.segment = std::move(segment);
    return out;
}

}  // namespace content::events
