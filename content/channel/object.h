// Checking one object of a channel against what the signed manifest says about it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "content/channel/manifest.h"
#include "content/notice.h"

namespace content::channel {

struct ObjectProblem {
    enum class Kind { Size, Hash, Malformed };
    Kind kind;
    std::string message;
};

// Size first (cheap), then sha256. `name` says which object in messages.
std::optional<ObjectProblem> check_object_bytes(std::string_view name, uint64_t size,
                                                std::string_view sha256, std::string_view bytes);

struct NoticeObject {
    std::optional<Notice> notice;
    std::optional<ObjectProblem> problem;
};

// The bytes must match the item; the notice must parse, carry the item's id and boards, and every
// image it shows must be an asset of the manifest (`assets` by sha256).
NoticeObject read_notice_object(const ManifestItem& item, std::string_view bytes,
                                const std::map<std::string, ManifestAsset>& assets);

std::map<std::string, ManifestAsset> assets_by_hash(const ChannelManifest& manifest);

}  // namespace content::channel
