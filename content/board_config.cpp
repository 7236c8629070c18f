// Reads kiosk.toml with toml++; each error names the key and says what is expected.
#include "content/board_config.h"

#include <sodium.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "content/file_read.h"

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

    // Every key the reader looks at; anything else in the file is reported as unknown.
    const std::set<std::string>& known() const { return m_known; }

    const toml::node* lookup(const char* key) {
        m_known.insert(key);
        return m_root.at_path(key).node();
    }

    void string(const char* key, std::string& out) {
        const toml::node* node = lookup(key);
        if (!node) {
            return;
        }
        if (auto value = node->value<std::string>()) {
            out = *value;
        } else {
            error(node, key,
                  "expected text in quotes, for example " + std::string(key) + " = \"...\"");
        }
    }

    void integer(const char* key, int& out, int min, int max) {
        const toml::node* node = lookup(key);
        if (!node) {
            return;
        }
        auto value = node->value<int64_t>();
        if (!value || *value < min || *value > max) {
            error(node, key,
                  "expected a whole number from " + std::to_string(min) + " to " +
                      std::to_string(max));
            return;
        }
        out = static_cast<int>(*value);
    }

    void strings(const char* key, std::vector<std::string>& out) {
        const toml::node* node = lookup(key);
        if (!node) {
            return;
        }
        const toml::array* array = node->as_array();
        if (!array) {
            error(node, key,
                  "expected a list in brackets, for example " + std::string(key) +
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

    void on_hours(const char* key, OnHours& out) {
        const toml::node* node = lookup(key);
        if (!node) {
            return;
        }
        const auto text = node->value<std::string>();
        const auto parsed = text ? parse_on_hours(*text) : std::nullopt;
        if (!parsed) {
            error(node, key,
                  "expected the hours the screen is on as \"HH:MM-HH:MM\" on a 24-hour clock, "
                  "for example \"06:30-22:00\" (\"00:00-24:00\" keeps it on all day)");
            return;
        }
        out = *parsed;
    }

    void periods(const char* key, std::vector<DailyPeriod>& out) {
        std::vector<std::string> texts;
        const size_t before = m_out.size();
        strings(key, texts);
        if (m_out.size() != before) {
            return;
        }
        out.clear();
        for (const std::string& text : texts) {
            if (auto period = parse_daily_period(text)) {
                out.push_back(*period);
            } else {
                error(lookup(key), key,
                      "'" + text +
                          "' is not a period; write \"HH:MM-HH:MM\" on a 24-hour clock, for "
                          "example [\"12:00-13:30\", \"22:00-06:30\"]");
            }
        }
    }

    void pin_hash(const char* key, std::string& out) {
        const toml::node* node = lookup(key);
        std::string value;
        string(key, value);
        if (value.empty()) {
            out.clear();
            return;
        }
        bool hex = value.size() == 64;
        for (char& ch : value) {
            hex = hex && std::isxdigit(static_cast<unsigned char>(ch));
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
        if (!hex) {
            error(node, key,
                  "expected the SHA-256 of the technician PIN as 64 hexadecimal digits, for "
                  "example the output of: printf %s 123456 | sha256sum");
            return;
        }
        out = value;
    }

    void source_urls(const char* key, std::vector<std::string>& out) {
        const size_t before = m_out.size();
        strings(key, out);
        if (m_out.size() != before) {
            return;
        }
        const toml::node* node = lookup(key);
        for (const std::string& url : out) {
            if (!url.starts_with("https://") && !url.starts_with("http://") &&
                !url.starts_with("file:///")) {
                error(node, key,
                      "'" + url +
                          "' is not a channel address; expected a URL starting with "
                          "https://, http:// or file:/// (a folder, such as a mounted USB stick)");
            }
        }
    }

    // One optional URL: where kiosk-syncd uploads the board's records (empty: no uploads).
    void upload_url(const char* key, std::string& out) {
        string(key, out);
        if (!out.empty() && !out.starts_with("https://") && !out.starts_with("http://") &&
            !out.starts_with("file:///")) {
            error(lookup(key), key,
                  "'" + out +
                      "' is not an upload address; expected a WebDAV folder URL starting "
                      "with https:// or http://, or file:/// (a folder)");
        }
    }

    void public_keys(const char* key, std::vector<std::string>& out) {
        const size_t before = m_out.size();
        strings(key, out);
        if (m_out.size() != before) {
            return;
        }
        const toml::node* node = lookup(key);
        for (const std::string& entry : out) {
            // minisign public key line: base64 of "Ed", an 8-byte key id and a 32-byte key. A
            // whole .pub file (its "untrusted comment:" line, then the key line) is accepted too.
            std::string text = entry;
            if (const size_t newline = text.find('\n');
                text.starts_with("untrusted comment:") && newline != std::string::npos) {
                text = text.substr(newline + 1);
            }
            while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
                text.pop_back();
            }
            unsigned char raw[64];
            size_t raw_len = 0;
            const bool ok =
                text.size() == 56 &&
                sodium_base642bin(raw, sizeof raw, text.data(), text.size(), nullptr, &raw_len,
                                  nullptr, sodium_base64_VARIANT_ORIGINAL) == 0 &&
                raw_len == 42 && raw[0] == 'E' && raw[1] == 'd';
            if (!ok) {
                error(
                    node, key,
                    "'" + entry +
                        "' is not a minisign public key; expected the 56-character "
                        "line starting with RW from the .pub file that kiosk-publish keygen wrote");
            }
        }
    }

    // Reports every key that no reader asked for, so that a misspelling is not silently ignored.
    void unknown_keys() {
        std::set<std::string> sections;
        for (const std::string& k : m_known) {
            sections.insert(k.substr(0, k.find('.')));
        }
        for (const auto& [name, node] : m_root) {
            const std::string section(name.str());
            if (!sections.count(section)) {
                error(&node, section,
                      "unknown section or key; expected one of the sections " +
                          list(sections, "[", "]"));
                continue;
            }
            const toml::table* table = node.as_table();
            if (!table) {
                error(&node, section, "expected a section written as [" + section + "]");
                continue;
            }
            std::set<std::string> keys;
            for (const std::string& k : m_known) {
                if (k.starts_with(section + ".")) {
                    keys.insert(k.substr(section.size() + 1));
                }
            }
            for (const auto& [sub, value] : *table) {
                const std::string path = section + "." + std::string(sub.str());
                if (!m_known.count(path)) {
                    error(&value, path,
                          "unknown key; the keys of [" + section + "] are " + list(keys, "", ""));
                }
            }
        }
    }

private:
    static std::string list(const std::set<std::string>& items, const char* before,
                            const char* after) {
        std::string out;
        for (const std::string& item : items) {
            out += (out.empty() ? "" : ", ") + std::string(before) + item + after;
        }
        return out;
    }

    std::set<std::string> m_known;
    const std::string& m_file;
    const toml::table& m_root;
    std::vector<Diagnostic>& m_out;
};

void read_all(Reader& r, BoardConfig& c) {
    r.string("board.id", c.board_id);
    r.string("board.name", c.board_name);
    r.string("board.data_dir", c.data_dir);
    r.string("board.events_dir", c.events_dir);
    r.integer("display.rotation", c.rotation, 0, 270);
    r.integer("display.width", c.width, 0, 16384);
    r.integer("display.height", c.height, 0, 16384);
    r.on_hours("display.on_hours", c.on_hours);
    r.periods("display.quiet_hours", c.quiet_hours);
    r.integer("kiosk.idle_home_seconds", c.idle_home_seconds, 10, 86400);
    r.integer("kiosk.attract_seconds", c.attract_seconds, 10, 86400);
    r.integer("kiosk.stale_note_hours", c.stale_note_hours, 1, 24 * 60);
    r.pin_hash("kiosk.technician_pin_sha256", c.pin_sha256);
    r.strings("kiosk.hot_searches", c.hot_searches);
    r.source_urls("sync.sources", c.sources);
    r.public_keys("sync.trusted_keys", c.trusted_keys);
    r.string("sync.channel", c.channel);
    r.integer("sync.poll_seconds", c.poll_seconds, 10, 86400 * 7);
    r.integer("sync.alert_poll_seconds", c.alert_poll_seconds, 0, 3600);
    r.upload_url("sync.upload_url", c.upload_url);
    r.string("fonts.regular", c.fonts.regular);
    r.string("fonts.bold", c.fonts.bold);
    r.integer("fonts.cjk_face_index", c.fonts.cjk_face_index, 0, 64);
    r.string("fonts.emoji", c.fonts.emoji);
    r.string("fonts.extension_b", c.fonts.extension_b);
    r.string("fonts.fallback", c.fonts.fallback);
}

}  // namespace

std::optional<OnHours> parse_on_hours(const std::string& text) {
    return parse_daily_period(text);
}

bool BoardConfig::quiet(int minute_of_day) const {
    return std::any_of(quiet_hours.begin(), quiet_hours.end(),
                       [&](const DailyPeriod& p) { return p.contains(minute_of_day); });
}

bool BoardConfig::off_hours(int minute_of_day) const {
    return !on_hours.contains(minute_of_day) || quiet(minute_of_day);
}

ConfigResult parse_board_config(const std::string& file, const std::string& text) {
    ConfigResult result;
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        result.diagnostics.push_back(
            {file, static_cast<int>(e.source().begin.line), "",
             std::string(e.description()) + "; see systemd/kiosk.toml.example for the format"});
        return result;
    }
    BoardConfig config;
    Reader reader(file, root, result.diagnostics);
    read_all(reader, config);
    reader.unknown_keys();
    if (config.rotation % 90 != 0) {
        reader.error(root.at_path("display.rotation").node(), "display.rotation",
                     "expected 0, 90, 180 or 270 (degrees clockwise)");
    }
    if (config.board_id.empty()) {
        reader.error(root.at_path("board.id").node(), "board.id",
                     "expected the board's id, such as \"guihuali-hall\"");
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
        result.diagnostics.push_back({path, 0, "",
                                      std::string(e.what()) +
                                          "; write the board's configuration there "
                                          "(see systemd/kiosk.toml.example)"});
        return result;
    }
    return parse_board_config(path, text);
}

}  // namespace content
