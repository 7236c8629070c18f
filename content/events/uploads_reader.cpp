// Reads and verifies one board's uploaded segments and heartbeat from a local folder.
#include "content/events/uploads_reader.h"

#include <algorithm>
#include <system_error>

#include "content/file_read.h"

namespace content::events {
namespace fs = std::filesystem;

namespace {

std::optional<NamedSegment> read_segment(const fs::path& file, const std::string& object,
                                         const BoardPublicKey& key, BoardChain& chain) {
    const auto name = parse_segment_file_name(file.filename().string());
    if (!name) {
        chain.problems.push_back({object, "not a segment name (FIRST-LAST.seg, 12 digits each)"});
        return std::nullopt;
    }
    std::string bytes;
    try {
        bytes = read_file_capped(file, k_max_segment_bytes, FollowLinks::No);
    } catch (const std::exception& e) {
        chain.problems.push_back({object, e.what()});
        return std::nullopt;
    }
    auto parsed = parse_segment(bytes, key);
    if (!parsed.segment) {
        chain.problems.push_back({object, parsed.error});
        return std::nullopt;
    }
    const auto& h = parsed.segment->header;
    if (h.first != name->first || h.last != name->last) {
        chain.problems.push_back({object, "the name says records " + std::to_string(name->first) +
                                              ".." + std::to_string(name->last) +
                                              ", the signed header " + std::to_string(h.first) +
                                              ".." + std::to_string(h.last) + " (renamed)"});
        return std::nullopt;
    }
    return NamedSegment{object, std::move(*parsed.segment)};
}

}  // namespace

std::vector<std::string> list_uploaded_boards(const fs::path& uploads) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(uploads / "boards", ec))
        if (entry.is_directory())
            out.push_back(entry.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

BoardUploads read_board_uploads(const fs::path& uploads, const std::string& board,
                                const std::string& public_key_text) {
    BoardUploads out;
    out.board = board;
    out.chain.board = board;
    const auto key = content::channel::minisign::parse_public_key(public_key_text);
    if (!key.value) {
        out.chain.problems.push_back(
            {"", "the registry's public key for '" + board + "' does not parse: " + key.error});
        return out;
    }
    const fs::path folder = uploads / "boards" / board;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder / "events", ec))
        if (entry.path().extension() == ".seg")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<NamedSegment> segments;
    for (const auto& file : files) {
        const std::string object = "boards/" + board + "/events/" + file.filename().string();
        if (auto s = read_segment(file, object, *key.value, out.chain))
            segments.push_back(std::move(*s));
    }
    out.segment_files = files.size();
    auto problems = std::move(out.chain.problems);
    out.chain = merge_segments(board, std::move(segments));
    problems.insert(problems.end(), out.chain.problems.begin(), out.chain.problems.end());
    out.chain.problems = std::move(problems);

    const fs::path heartbeat = folder / "heartbeat.json";
    if (fs::exists(heartbeat, ec)) {
        try {
            auto parsed = parse_heartbeat(
                read_file_capped(heartbeat, k_max_heartbeat_bytes, FollowLinks::No), *key.value);
            if (parsed.heartbeat && parsed.heartbeat->board != board)
                out.heartbeat_problem =
                    "the heartbeat names board '" + parsed.heartbeat->board + "'";
            else if (parsed.heartbeat)
                out.heartbeat = std::move(parsed.heartbeat);
            else
                out.heartbeat_problem = parsed.error;
        } catch (const std::exception& e) {
            out.heartbeat_problem = e.what();
        }
    }
    return out;
}

}  // namespace content::events
