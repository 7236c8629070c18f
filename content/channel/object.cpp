// Object checks shared by `kiosk-publish verify` and kiosk-syncd.
#include "content/channel/object.h"

#include "content/channel/notice_json.h"
#include "content/sha256.h"

namespace content::channel {

std::optional<ObjectProblem> check_object_bytes(std::string_view name, uint64_t size,
                                                std::string_view sha256, std::string_view bytes) {
    if (bytes.size() != size) {
        return ObjectProblem{ObjectProblem::Kind::Size,
                             std::string(name) + " is " + std::to_string(bytes.size()) +
                                 " bytes but the manifest says " + std::to_string(size)};
    }
    const std::string actual = sha256_hex(bytes);
    if (actual != sha256) {
        return ObjectProblem{ObjectProblem::Kind::Hash,
                             std::string(name) + " has sha256 " + actual.substr(0, 12) +
                                 "… but the manifest says " + std::string(sha256.substr(0, 12)) +
                                 "… (altered or damaged)"};
    }
    return std::nullopt;
}

NoticeObject read_notice_object(const ManifestItem& item, std::string_view bytes,
                                const std::map<std::string, ManifestAsset>& assets) {
    NoticeObject out;
    const std::string name = "notice " + item.id;
    if (auto problem = check_object_bytes(name, item.size, item.sha256, bytes)) {
        out.problem = std::move(problem);
        return out;
    }
    auto malformed = [&](const std::string& message) {
        out.problem = ObjectProblem{ObjectProblem::Kind::Malformed, name + ": " + message};
        return out;
    };
    NoticeJsonParse parsed = parse_notice_json(bytes);
    if (!parsed.notice) {
        return malformed(parsed.error);
    }
    if (parsed.notice->id != item.id) {
        return malformed("the object holds notice '" + parsed.notice->id + "'");
    }
    if (parsed.notice->boards != item.boards) {
        return malformed("its boards differ from the manifest's");
    }
    for (const ImageRef& image : parsed.notice->images) {
        if (!assets.count(image.sha256)) {
            return malformed("its image " + image.path + " is not among the manifest's assets");
        }
    }
    out.notice = std::move(parsed.notice);
    return out;
}

std::map<std::string, ManifestAsset> assets_by_hash(const ChannelManifest& manifest) {
    std::map<std::string, ManifestAsset> out;
    for (const ManifestAsset& asset : manifest.assets) {
        out.emplace(asset.sha256, asset);
    }
    return out;
}

}  // namespace content::channel
