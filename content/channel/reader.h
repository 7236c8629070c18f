// Reading and checking a whole channel folder (`kiosk-publish verify` and `list`).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/channel/manifest.h"
#include "content/channel/minisign.h"
#include "content/notice.h"

namespace content::channel {

enum class SignatureCheck { Required, Skipped };

struct ChannelReport {
    std::optional<ChannelManifest> manifest;
    std::string signer_key_id;  // set when the signature verified
    std::string trusted_comment;
    std::vector<Notice> notices;        // those that could be read, in manifest order
    std::vector<std::string> problems;  // every problem found, in words; empty when all is well
};

// Reads `dir` (manifest, signature, every object), checking each against the manifest; with
// SignatureCheck::Required the signature must verify against one of `trusted`. A manifest expired
// at `now` is a problem. Throws ChannelError(Usage/Io) when `dir` is not a channel at all.
ChannelReport read_channel_folder(const std::filesystem::path& dir,
                                  const std::vector<minisign::PublicKey>& trusted,
                                  SignatureCheck check, int64_t now);

}  // namespace content::channel
