// Reading a local copy of the upload storage (boards/<id>/events/*.seg, heartbeat.json): each
// board's verified chain and latest heartbeat. Files are read with caps and never trusted before
// their signature verifies with the key the registry lists for the board.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/events/board_chain.h"
#include "content/events/heartbeat.h"

namespace content::events {

struct BoardUploads {
    std::string board;
    BoardChain chain;
    std::optional<Heartbeat> heartbeat;
    std::string heartbeat_problem;  // set when heartbeat.json exists but does not verify
    size_t segment_files = 0;
};

// The board folders present under uploads/boards/ (whatever their names; invalid ones included,
// so the caller can report them).
std::vector<std::string> list_uploaded_boards(const std::filesystem::path& uploads);

// `public_key_text` is the registry's key line; a key that does not parse is a chain problem.
BoardUploads read_board_uploads(const std::filesystem::path& uploads, const std::string& board,
                                const std::string& public_key_text);

}  // namespace content::events
