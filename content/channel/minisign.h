// Ed25519 keys and detached signatures in minisign's file formats (libsodium does the maths).
//
// Public key file:   "untrusted comment: ..." line, then base64("Ed" + key id (8) + key (32)).
// Secret key file:   minisign's format with no password ("kdf" bytes zero, as `minisign -G -W`
//                    writes): base64("Ed" "\0\0" "B2" + 48 zero bytes + key id + secret key (64)
//                    + BLAKE2b-256 checksum (32)). Kept with file mode 0600.
// Signature file:    "untrusted comment: ..." / base64(alg + key id + signature (64)) /
//                    "trusted comment: ..." / base64(signature over signature + trusted comment).
//                    alg "ED" signs the BLAKE2b-512 of the message (minisign 0.10+ default);
//                    legacy "Ed" signs the message itself. Both verify.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content::channel::minisign {

using KeyId = std::array<unsigned char, 8>;

struct PublicKey {
    KeyId id{};
    std::array<unsigned char, 32> key{};
    bool operator==(const PublicKey&) const = default;
};

struct SecretKey {
    KeyId id{};
    std::array<unsigned char, 64> key{};  // libsodium layout: seed (32) then public key (32)
    PublicKey public_key() const;
};

enum class SignatureMode { Prehashed, Legacy };

// A value or the reason it could not be read, in words.
template <typename T>
struct Parsed {
    std::optional<T> value;
    std::string error;
};

SecretKey generate_secret_key();

// Key ids print as minisign prints them: the little-endian number in 16 uppercase hex digits.
std::string key_id_hex(const KeyId& id);

std::string public_key_base64(const PublicKey& key);
std::string format_public_key_file(const PublicKey& key);
std::string format_secret_key_file(const SecretKey& key);

// Accepts a whole .pub file or only its base64 line.
Parsed<PublicKey> parse_public_key(std::string_view text);
Parsed<SecretKey> parse_secret_key(std::string_view text);

// The whole .minisig file text. `trusted_comment` must be one line.
std::string sign(std::string_view message, const SecretKey& key, std::string_view trusted_comment,
                 SignatureMode mode = SignatureMode::Prehashed);

enum class VerifyStatus { Verified, Malformed, UntrustedKey, BadSignature };

struct Verification {
    VerifyStatus status = VerifyStatus::Malformed;
    std::string message;  // why it failed, in words; empty when verified
    std::string trusted_comment;
    KeyId key_id{};
};

// Largest signature file we read; minisign itself caps the trusted comment at 8 KiB.
inline constexpr size_t k_max_signature_file_bytes = 16 * 1024;

// Checks `signature_file` over `message` against every key in `trusted` (matched by key id).
Verification verify(std::string_view message, std::string_view signature_file,
                    const std::vector<PublicKey>& trusted);

}  // namespace content::channel::minisign
