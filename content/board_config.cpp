// Reads kiosk.toml with toml++; each error names the key and says what is expected.
#include "content/board_config.h"

#include <toml++/toml.h>

#include "content/source_tree.h"

namespace content {
namespace {

class Reader {
public:
    Reader(const std::string& file, const toml::table& root, std::vector<Diagnostic>& out)
        : m_file(file), m_root(root), m_out(out) {}

    void error(const toml::node* node, const std::string& key, const std::string& message) {
        const int line = node ? static_cast<int>(node->source().begin.line) : 0;
        m_out.push_back({m_file, line, key, message});
    }

    void string(const char* key, std::string& out) {
        const toml::node* node = m_root.at_path(key).node();
        if (!node) {
            return;
        }
        if (auto value = node->value<std::string>()) {
            out = *value;
        } else {
            error(node, key, "expected text in quotes, for example " + std::string(key) + " = \"...\"");
        }
    }

    void integer(const char* key, int& out, int min, int max) {
        const toml::node* node = m_root.at_path(key).node();
        if (!node) {
            return;
        }
        auto value = node->value<int64_t>();
        if (!value || *value < min || *value > max) {
            error(node, key, "expected a whole number from " + std::to_string(min) + " to " +
                                 std::to_string(max));
            return;
        }
        out = static_cast<int>(*value);
    }

    void strings(const char* key, std::vector<std::string>& out) {
        const toml::node* node = m_root.at_path(key).node();
        if (!node) {
            return;
        }
        const toml::array* array = node->as_array();
        if (!array) {
            error(node, key, "expected a list in brackets, for example " + std::string(key) +
                                 " = [\"...\", \"...\"]");
            return;
        }
        out.clear();
        for (const toml::node& item : *array) {
            if (auto value = item.value<std::string>()) {
                out.push_back(*value);
            } else {
                error(&item, key, "every entry must be text in quotes");
            }
        }
    }

private:
    const std::string& m_file;
    const toml::table& m_root;
    std::vector<Diagnostic>& m_out;
};

void read_all(Reader& r, BoardConfig& c) {
    r.string("board.id", c.board_id);
    r.string("board.name", c.board_name);
    r.string("board.data_dir", c.data_dir);
    r.integer("display.rotation", c.rotation, 0, 270);
    r.integer("display.width", c.width, 0, 16384);
    r.integer("display.height", c.height, 0, 16384);
    r.integer("kiosk.idle_home_seconds", c.idle_home_seconds, 10, 86400);
    r.integer("kiosk.attract_seconds", c.attract_seconds, 10, 86400);
    r.string("kiosk.technician_pin_sha256", c.pin_sha256);
    r.strings("kiosk.hot_searches", c.hot_searches);
    r.strings("sync.sources", c.sources);
    r.strings("sync.trusted_keys", c.trusted_keys);
    r.integer("sync.poll_seconds", c.poll_seconds, 10, 86400 * 7);
    r.string("fonts.regular", c.fonts.regular);
    r.string("fonts.bold", c.fonts.bold);
    r.integer("fonts.cjk_face_index", c.fonts.cjk_face_index, 0, 64);
    r.string("fonts.emoji", c.fonts.emoji);
    r.string("fonts.extension_b", c.fonts.extension_b);
    r.string("fonts.fallback", c.fonts.fallback);
}

}  // namespace

ConfigResult parse_board_config(const std::string& file, const std::string& text) {
    ConfigResult result;
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        result.diagnostics.push_back({file, static_cast<int>(e.source().begin.line), "",
                                      std::string(e.description()) +
                                          "; see systemd/kiosk.toml.example for the format"});
        return result;
    }
    BoardConfig config;
    Reader reader(file, root, result.diagnostics);
    read_all(reader, config);
    if (config.rotation % 90 != 0) {
        result.diagnostics.push_back({file, 0, "display.rotation", "expected 0, 90, 180 or 270"});
    }
    if (config.board_id.empty()) {
        result.diagnostics.push_back({file, 0, "board.id", "expected the board's id, such as "
                                                           "\"guihuali-hall\""});
    }
    if (result.diagnostics.empty()) {
        result.config = std::move(config);
    }
    return result;
}

ConfigResult load_board_config(const std::string& path) {
    std::string text;
    try {
        text = read_file_capped(path, 1024 * 1024);
    } catch (const std::exception& e) {
        ConfigResult result;
        result.diagnostics.push_back({path, 0, "", std::string(e.what()) +
                                                       "; write the board's configuration there "
                                                       "(see systemd/kiosk.toml.example)"});
        return result;
    }
    return parse_board_config(path, text);
}

}  // namespace content
