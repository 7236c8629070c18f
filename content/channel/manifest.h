// The signed channel's manifest.json: what a version of a channel holds, parsed strictly and
// capped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content::channel {

inline constexpr std::string_view k_manifest_format = "kiosk-channel/1";
inline constexpr std::string_view k_manifest_file = "manifest.json";
inline constexpr std::string_view k_signature_file = "manifest.json.minisig";
inline constexpr std::string_view k_objects_dir = "objects";

// Caps that bound what a board downloads and parses before anything is trusted. 150,000 items
// (the search budget is 100,000 notices) take about 20 MB of manifest; parsing one that size
// streams its entries into structs (see channel_manifest.cpp) and stays well under kiosk-syncd's
// 256 MB memory limit.
inline constexpr uint64_t k_max_manifest_bytes = 24ull * 1024 * 1024;
inline constexpr size_t k_max_manifest_items = 150'000;
inline constexpr size_t k_max_manifest_assets = 50'000;
inline constexpr uint64_t k_max_notice_object_bytes = 2ull * 1024 * 1024;
inline constexpr uint64_t k_max_asset_object_bytes = 8ull * 1024 * 1024;
inline constexpr size_t k_max_channel_name_chars = 64;
inline constexpr size_t k_max_boards_per_entry = 256;

struct ManifestItem {
    std::string id;
    std::string sha256;  // of the notice object: its canonical JSON, so also its content hash
    uint64_t size = 0;
    std::vector<std::string> boards;  // empty or {"all"}: every board
    bool operator==(const ManifestItem&) const = default;
};

struct ManifestAsset {
    std::string sha256;
    uint64_t size = 0;
    std::string mime;
    bool operator==(const ManifestAsset&) const = default;
};

struct ChannelManifest {
    std::string format = std::string(k_manifest_format);
    std::string channel;
    uint64_t version = 0;                       // only grows
    int64_t issued = 0;                         // Unix seconds
    int64_t expires = 0;                        // Unix seconds; boards refuse it from then on
    std::vector<std::string> boards = {"all"};  // which boards the channel is for
    std::vector<ManifestItem> items;            // sorted by id
    std::vector<ManifestAsset> assets;          // sorted by sha256
    bool operator==(const ChannelManifest&) const = default;
};

struct ManifestParse {
    std::optional<ChannelManifest> manifest;
    std::string error;  // what is wrong, naming the field; empty when parsed
};

// Strict: unknown format, wrong types, out-of-range numbers, duplicate ids or hashes, bad hashes,
// sizes over the caps and oversized input are all errors.
ManifestParse parse_manifest(std::string_view bytes);

// The manifest as JSON text (sorted keys, one line), as published.
std::string manifest_json(const ChannelManifest& manifest);

// Whether `boards` (of a manifest or an item) includes `board_id`; empty means every board.
bool boards_include(const std::vector<std::string>& boards, std::string_view board_id);

// Channel names and board ids: lowercase ASCII letters, digits, '-', '_' and '.', at most 64.
bool is_valid_channel_name(std::string_view name);

}  // namespace content::channel
