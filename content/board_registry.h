// The board registry (boards.toml in the notice folder): every board of a community or district
// with its name, screen size, where it stands and the public key its uploads are signed with.
//
//   [[board]]
//   id = "guihuali-hall"            # the board's [board] id in its kiosk.toml
//   name = "桂花里社区服务大厅"
//   size = "1920x1080"              # optional, WIDTHxHEIGHT
//   location = "服务大厅入口"        # optional
//   public_key = "RWQ..."           # the board key's public line (kiosk-syncd board-key)
//   heartbeat_minutes = 15          # optional; later than 3× this is "late"
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/diagnostic.h"

namespace content {

struct RegisteredBoard {
    std::string id;
    std::string name;
    int width = 0;
    int height = 0;
    std::string location;
    std::string public_key;  // base64 minisign public key line
    int heartbeat_minutes = 15;
};

struct BoardRegistry {
    std::vector<RegisteredBoard> boards;
    const RegisteredBoard* find(const std::string& id) const;
};

struct RegistryResult {
    std::optional<BoardRegistry> registry;  // set when there are no errors
    std::vector<Diagnostic> diagnostics;
};

RegistryResult parse_board_registry(const std::string& file, const std::string& text);
RegistryResult load_board_registry(const std::string& path);

}  // namespace content
