// Reads boards.toml with toml++; every error names the line, the board and the key.
#include "content/board_registry.h"

#include <toml++/toml.h>

#include <cctype>
#include <cstdio>
#include <set>

#include "content/file_read.h"

namespace content {
namespace {

constexpr size_t k_max_registry_bytes = 4 * 1024 * 1024;
const std::set<std::string> k_known_keys{"id",       "name",       "size",
                                         "location", "public_key", "heartbeat_minutes"};

int line_of(const toml::node& node) {
    return static_cast<int>(node.source().begin.line);
}

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64 || id.front() == '.')
        return false;
    for (const char c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

void read_board(const std::string& file, const toml::table& t, size_t index,
                std::vector<Diagnostic>& out, BoardRegistry& registry) {
    RegisteredBoard b;
    const std::string where = "board[" + std::to_string(index + 1) + "].";
    const int line = line_of(t);
    for (const auto& [key, node] : t)
        if (!k_known_keys.count(std::string(key.str())))
            out.push_back({file, line_of(node), where + std::string(key.str()),
                           "unknown key; known: id, name, size, location, public_key, "
                           "heartbeat_minutes"});
    b.id = t["id"].value_or(std::string{});
    if (!valid_id(b.id))
        out.push_back({file, line, where + "id",
                       "expected the board's id: 1-64 letters, digits, '-', '_' or '.'"});
    b.name = t["name"].value_or(std::string{});
    if (b.name.empty())
        out.push_back({file, line, where + "name", "expected the board's name in quotes"});
    b.location = t["location"].value_or(std::string{});
    b.public_key = t["public_key"].value_or(std::string{});
    if (b.public_key.size() < 40)
        out.push_back(
            {file, line, where + "public_key",
             "expected the board key's public line (RW...), from `kiosk-syncd board-key`"});
    if (const auto size = t["size"].value<std::string>()) {
        if (std::sscanf(size->c_str(), "%dx%d", &b.width, &b.height) != 2 || b.width <= 0 ||
            b.height <= 0)
            out.push_back(
                {file, line, where + "size", "expected WIDTHxHEIGHT, like \"1920x1080\""});
    }
    if (const auto* node = t.get("heartbeat_minutes")) {
        const auto minutes = node->value<int64_t>();
        if (!minutes || *minutes < 1 || *minutes > 1440)
            out.push_back({file, line_of(*node), where + "heartbeat_minutes",
                           "expected a whole number of minutes from 1 to 1440"});
        else
            b.heartbeat_minutes = static_cast<int>(*minutes);
    }
    if (registry.find(b.id))
        out.push_back({file, line, where + "id", "board '" + b.id + "' is listed twice"});
    registry.boards.push_back(std::move(b));
}

}  // namespace

const RegisteredBoard* BoardRegistry::find(const std::string& id) const {
    for (const auto& b : boards)
        if (b.id == id)
            return &b;
    return nullptr;
}

RegistryResult parse_board_registry(const std::string& file, const std::string& text) {
    RegistryResult result;
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        result.diagnostics.push_back(
            {file, static_cast<int>(e.source().begin.line), "", std::string(e.description())});
        return result;
    }
    BoardRegistry registry;
    for (const auto& [key, node] : root)
        if (key.str() != "board")
            result.diagnostics.push_back({file, line_of(node), std::string(key.str()),
                                          "unknown section; boards are listed as [[board]]"});
    if (const auto* boards = root["board"].as_array()) {
        for (size_t i = 0; i < boards->size(); ++i) {
            if (const auto* t = (*boards)[i].as_table())
                read_board(file, *t, i, result.diagnostics, registry);
        }
    }
    if (result.diagnostics.empty())
        result.registry = std::move(registry);
    return result;
}

RegistryResult load_board_registry(const std::string& path) {
    try {
        return parse_board_registry(path, read_file_capped(path, k_max_registry_bytes));
    } catch (const std::exception& e) {
        RegistryResult result;
        result.diagnostics.push_back({path, 0, "",
                                      std::string(e.what()) +
                                          "; write a boards.toml with one [[board]] "
                                          "per board"});
        return result;
    }
}

}  // namespace content
