// Turning downloaded manifest bytes and signature into a trusted, parsed manifest (pure).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/channel/manifest.h"
#include "content/channel/minisign.h"

namespace sync_core {

struct VerifiedManifest {
    content::channel::ChannelManifest manifest;
    std::string sha256;  // of the manifest bytes: identifies exactly what was applied
    std::string signer;  // key id in hex
};

// The signature is checked before the JSON is parsed, so untrusted bytes never reach the parser.
// `signature` is nullopt when the channel has none. Throws SyncError (TooLarge, BadSignature,
// UntrustedKey, Malformed).
VerifiedManifest verify_signed_manifest(std::string_view manifest_bytes,
                                        std::optional<std::string_view> signature,
                                        const std::vector<content::channel::minisign::PublicKey>& trusted);

}  // namespace sync_core
