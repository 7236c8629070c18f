// Signature first, then strict parsing: the order that keeps untrusted bytes away from parsers.
#include "sync/manifest_check.h"

#include "content/sha256.h"
#include "sync/sync_problem.h"

namespace sync_core {

VerifiedManifest verify_signed_manifest(std::string_view manifest_bytes,
                                        std::optional<std::string_view> signature,
                                        const std::vector<content::channel::minisign::PublicKey>& trusted) {
    namespace ms = content::channel::minisign;
    if (manifest_bytes.size() > content::channel::k_max_manifest_bytes) {
        throw SyncError(Problem::TooLarge, "the manifest is larger than its cap of " +
                                               std::to_string(content::channel::k_max_manifest_bytes) +
                                               " bytes");
    }
    if (!signature) {
        throw SyncError(Problem::BadSignature,
                        "the channel has no signature (manifest.json.minisig is missing)");
    }
    if (trusted.empty()) {
        throw SyncError(Problem::UntrustedKey, "this board trusts no key; provision one");
    }
    const ms::Verification v = ms::verify(manifest_bytes, *signature, trusted);
    switch (v.status) {
        case ms::VerifyStatus::Verified:
            break;
        case ms::VerifyStatus::UntrustedKey:
            throw SyncError(Problem::UntrustedKey, "the manifest is " + v.message);
        case ms::VerifyStatus::Malformed:
            throw SyncError(Problem::BadSignature, "the signature cannot be read: " + v.message);
        case ms::VerifyStatus::BadSignature:
            throw SyncError(Problem::BadSignature, "bad signature: " + v.message);
    }
    content::channel::ManifestParse parsed = content::channel::parse_manifest(manifest_bytes);
    if (!parsed.manifest) {
        throw SyncError(Problem::Malformed, "the signed manifest cannot be read: " + parsed.error);
    }
    return {std::move(*parsed.manifest), content::sha256_hex(manifest_bytes),
            ms::key_id_hex(v.key_id)};
}

}  // namespace sync_core
