// Strict parsing and writing of manifest.json; every error names the field that is wrong.
#include "content/channel/manifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <set>
#include <stdexcept>

#include "content/json_limits.h"
#include "content/notice_source.h"
#include "content/sha256.h"

namespace content::channel {
namespace {

using nlohmann::json;

// Thrown inside the parser and turned into ManifestParse::error.
struct FieldError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw FieldError(where + ": " + what);
}

const json& field(const json& object, const char* key, const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end()) {
        fail(where.empty() ? key : where + "." + key, "missing");
    }
    return *it;
}

std::string text_field(const json& object, const char* key, const std::string& where) {
    const json& value = field(object, key, where);
    if (!value.is_string()) {
        fail(where.empty() ? key : where + "." + key, "expected text");
    }
    return value.get<std::string>();
}

uint64_t unsigned_field(const json& object, const char* key, const std::string& where, uint64_t min,
                        uint64_t max) {
    const json& value = field(object, key, where);
    const std::string name = where.empty() ? key : where + "." + key;
    if (!value.is_number_unsigned()) {
        fail(name, "expected a whole number from " + std::to_string(min));
    }
    const uint64_t n = value.get<uint64_t>();
    if (n < min || n > max) {
        fail(name,
             std::to_string(n) + " is outside " + std::to_string(min) + ".." + std::to_string(max));
    }
    return n;
}

int64_t time_field(const json& object, const char* key) {
    const json& value = field(object, key, "");
    if (!value.is_number_integer() ||
        (value.is_number_unsigned() &&
         value.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))) {
        fail(key, "expected Unix seconds (a whole number)");
    }
    return value.get<int64_t>();
}

std::vector<std::string> boards_field(const json& object, const std::string& where) {
    const json& value = field(object, "boards", where);
    const std::string name = where.empty() ? "boards" : where + ".boards";
    if (!value.is_array() || value.size() > k_max_boards_per_entry) {
        fail(name,
             "expected a list of at most " + std::to_string(k_max_boards_per_entry) + " board ids");
    }
    std::vector<std::string> boards;
    for (const json& board : value) {
        if (!board.is_string() ||
            !(board == "all" || is_valid_notice_id(board.get<std::string>()))) {
            fail(name, "expected board ids such as \"guihuali-hall\" or \"all\"");
        }
        boards.push_back(board.get<std::string>());
    }
    return boards;
}

std::string hash_field(const json& object, const std::string& where) {
    std::string sha = text_field(object, "sha256", where);
    if (!is_sha256_hex(sha)) {
        fail(where + ".sha256", "expected 64 lowercase hex digits");
    }
    return sha;
}

ManifestItem read_item(const json& entry, const std::string& where) {
    if (!entry.is_object()) {
        fail(where, "expected an object");
    }
    ManifestItem item;
    item.id = text_field(entry, "id", where);
    if (!is_valid_notice_id(item.id)) {
        fail(where + ".id", "'" + item.id.substr(0, 80) + "' is not a notice id");
    }
    item.sha256 = hash_field(entry, where);
    item.size = unsigned_field(entry, "size", where, 1, k_max_notice_object_bytes);
    item.boards = boards_field(entry, where);
    return item;
}

ManifestAsset read_asset(const json& entry, const std::string& where) {
    if (!entry.is_object()) {
        fail(where, "expected an object");
    }
    ManifestAsset asset;
    asset.sha256 = hash_field(entry, where);
    asset.size = unsigned_field(entry, "size", where, 1, k_max_asset_object_bytes);
    asset.mime = text_field(entry, "mime", where);
    if (asset.mime != "image/png" && asset.mime != "image/jpeg") {
        fail(where + ".mime", "expected image/png or image/jpeg");
    }
    return asset;
}

// Turns each entry of "items" and "assets" into a struct as soon as the parser has read it and
// drops it from the JSON tree, so parsing takes memory near the size of the result: as a whole
// tree, a 100,000-item manifest (14 MB) peaked at about 200 MB.
class EntryCollector {
public:
    bool operator()(int depth, json::parse_event_t event, json& parsed) {
        using E = json::parse_event_t;
        if (depth == 1 && event == E::key) {
            m_key = parsed.get<std::string>();
        } else if (depth == 1 && event == E::array_start) {
            m_list = m_key == "items" ? List::Items : m_key == "assets" ? List::Assets : List::None;
            if (m_list != List::None && !m_seen.insert(m_key).second) {
                fail(m_key, "appears twice");
            }
        } else if (depth == 1 && (event == E::array_end || event == E::object_start)) {
            m_list = List::None;
        } else if (depth == 2 && event == E::object_end && m_list != List::None) {
            collect(parsed);
            return false;  // keep it out of the tree
        }
        return true;
    }
    std::vector<ManifestItem> items;
    std::vector<ManifestAsset> assets;

private:
    enum class List { None, Items, Assets };
    void collect(const json& entry) {
        if (m_list == List::Items) {
            if (items.size() >= k_max_manifest_items) {
                fail("items", "more than " + std::to_string(k_max_manifest_items));
            }
            items.push_back(read_item(entry, "items[" + std::to_string(items.size()) + "]"));
        } else {
            if (assets.size() >= k_max_manifest_assets) {
                fail("assets", "more than " + std::to_string(k_max_manifest_assets));
            }
            assets.push_back(read_asset(entry, "assets[" + std::to_string(assets.size()) + "]"));
        }
    }
    std::string m_key;
    List m_list = List::None;
    std::set<std::string> m_seen;
};

// After collection the lists in the tree are empty; anything left in them was not an object.
void check_lists(const json& root, EntryCollector& entries) {
    for (const char* key : {"items", "assets"}) {
        const json& list = field(root, key, "");
        if (!list.is_array()) {
            fail(key, "expected a list");
        }
        if (!list.empty()) {
            fail(key, "every entry must be an object");
        }
    }
    std::set<std::string> ids;
    for (size_t i = 0; i < entries.items.size(); ++i) {
        if (!ids.insert(entries.items[i].id).second) {
            fail("items[" + std::to_string(i) + "].id",
                 "'" + entries.items[i].id + "' appears twice");
        }
    }
    std::set<std::string> hashes;
    for (size_t i = 0; i < entries.assets.size(); ++i) {
        if (!hashes.insert(entries.assets[i].sha256).second) {
            fail("assets[" + std::to_string(i) + "].sha256", "appears twice");
        }
    }
}

ChannelManifest read_manifest(const json& root, EntryCollector& entries) {
    if (!root.is_object()) {
        fail("manifest", "expected a JSON object");
    }
    ChannelManifest m;
    m.format = text_field(root, "format", "");
    if (m.format != k_manifest_format) {
        fail("format", "'" + m.format.substr(0, 80) + "' is not " + std::string(k_manifest_format) +
                           "; update the software");
    }
    m.channel = text_field(root, "channel", "");
    if (!is_valid_channel_name(m.channel)) {
        fail("channel", "expected lowercase letters, digits, '-', '_' or '.', at most 64");
    }
    m.version =
        unsigned_field(root, "version", "", 1, uint64_t(std::numeric_limits<int64_t>::max()));
    m.issued = time_field(root, "issued");
    m.expires = time_field(root, "expires");
    if (m.expires <= m.issued) {
        fail("expires", "must be later than issued");
    }
    m.boards = boards_field(root, "");
    check_lists(root, entries);
    m.items = std::move(entries.items);
    m.assets = std::move(entries.assets);
    return m;
}

}  // namespace

ManifestParse parse_manifest(std::string_view bytes) {
    ManifestParse result;
    if (bytes.size() > k_max_manifest_bytes) {
        result.error =
            "the manifest is larger than " + std::to_string(k_max_manifest_bytes) + " bytes";
        return result;
    }
    if (!json_nesting_within(bytes, 8)) {
        result.error = "the manifest nests deeper than its format allows";
        return result;
    }
    try {
        EntryCollector entries;
        const json root =
            json::parse(bytes, [&entries](int depth, json::parse_event_t event, json& parsed) {
                return entries(depth, event, parsed);
            });
        result.manifest = read_manifest(root, entries);
    } catch (const json::exception& e) {
        result.error = std::string("not valid JSON: ") + e.what();
    } catch (const FieldError& e) {
        result.error = e.what();
    }
    return result;
}

std::string manifest_json(const ChannelManifest& m) {
    json items = json::array();
    for (const ManifestItem& item : m.items) {
        items.push_back({{"id", item.id},
                         {"sha256", item.sha256},
                         {"size", item.size},
                         {"boards", item.boards}});
    }
    json assets = json::array();
    for (const ManifestAsset& asset : m.assets) {
        assets.push_back({{"sha256", asset.sha256}, {"size", asset.size}, {"mime", asset.mime}});
    }
    const json root = {{"format", m.format}, {"channel", m.channel}, {"version", m.version},
                       {"issued", m.issued}, {"expires", m.expires}, {"boards", m.boards},
                       {"items", items},     {"assets", assets}};
    return root.dump() + "\n";
}

bool boards_include(const std::vector<std::string>& boards, std::string_view board_id) {
    return boards.empty() || std::any_of(boards.begin(), boards.end(), [&](const std::string& b) {
               return b == "all" || b == board_id;
           });
}

bool is_valid_channel_name(std::string_view name) {
    return !name.empty() && name.size() <= k_max_channel_name_chars &&
           std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                      c == '.';
           });
}

}  // namespace content::channel
