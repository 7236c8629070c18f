// minisign-compatible keys and signatures over libsodium's Ed25519 and BLAKE2b.
#include "content/channel/minisign.h"

#include <sodium.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace content::channel::minisign {
namespace {

constexpr std::string_view k_untrusted_prefix = "untrusted comment: ";
constexpr std::string_view k_trusted_prefix = "trusted comment: ";
constexpr std::string_view k_alg_legacy = "Ed";
constexpr std::string_view k_alg_prehashed = "ED";

// Byte layouts of minisign's structures (see the header comment).
constexpr size_t k_public_blob = 2 + 8 + 32;
constexpr size_t k_signature_blob = 2 + 8 + 64;
constexpr size_t k_secret_blob = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;
constexpr size_t k_secret_keynum_offset = 2 + 2 + 2 + 32 + 8 + 8;

void ensure_sodium() {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium failed to initialise");
    }
}

std::string to_base64(const unsigned char* bytes, size_t size) {
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

// Decodes exactly `size` bytes; anything else (bad characters, trailing text, wrong length) fails.
bool from_base64(std::string_view text, unsigned char* out, size_t size) {
    size_t decoded = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out, size, text.data(), text.size(), nullptr, &decoded, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        return false;
    }
    return decoded == size && end == text.data() + text.size();
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    while (!lines.empty() && lines.back().empty()) {
        lines.pop_back();
    }
    return lines;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

std::array<unsigned char, 32> secret_key_checksum(const SecretKey& key) {
    std::array<unsigned char, 32> chk{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, chk.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(k_alg_legacy.data()),
                              2);
    crypto_generichash_update(&state, key.id.data(), key.id.size());
    crypto_generichash_update(&state, key.key.data(), key.key.size());
    crypto_generichash_final(&state, chk.data(), chk.size());
    return chk;
}

// What a signature covers: the message itself (legacy) or its BLAKE2b-512 (prehashed).
std::string signed_bytes(std::string_view message, SignatureMode mode) {
    if (mode == SignatureMode::Legacy) {
        return std::string(message);
    }
    std::string digest(crypto_generichash_BYTES_MAX, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(digest.data()), digest.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       nullptr, 0);
    return digest;
}

bool ed25519_verify(const unsigned char* sig, std::string_view bytes, const PublicKey& key) {
    return crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(bytes.data()),
                                       bytes.size(), key.key.data()) == 0;
}

struct SignatureFile {
    SignatureMode mode = SignatureMode::Prehashed;
    KeyId id{};
    std::array<unsigned char, 64> signature{};
    std::string trusted_comment;
    std::array<unsigned char, 64> global_signature{};
};

Parsed<SignatureFile> parse_signature_file(std::string_view text) {
    const std::vector<std::string_view> lines = split_lines(text);
    if (lines.size() != 4) {
        return {std::nullopt,
                "a minisign signature has 4 lines; this one has " + std::to_string(lines.size())};
    }
    if (!lines[0].starts_with(k_untrusted_prefix)) {
        return {std::nullopt, "line 1 of the signature must start with \"untrusted comment: \""};
    }
    if (!lines[2].starts_with(k_trusted_prefix)) {
        return {std::nullopt, "line 3 of the signature must start with \"trusted comment: \""};
    }
    unsigned char blob[k_signature_blob];
    if (!from_base64(trim(lines[1]), blob, sizeof blob)) {
        return {std::nullopt, "line 2 of the signature is not a base64 Ed25519 signature"};
    }
    SignatureFile sig;
    const std::string_view alg(reinterpret_cast<const char*>(blob), 2);
    if (alg == k_alg_prehashed) {
        sig.mode = SignatureMode::Prehashed;
    } else if (alg == k_alg_legacy) {
        sig.mode = SignatureMode::Legacy;
    } else {
        return {std::nullopt, "the signature uses an unknown algorithm (expected Ed25519)"};
    }
    std::memcpy(sig.id.data(), blob + 2, sig.id.size());
    std::memcpy(sig.signature.data(), blob + 10, sig.signature.size());
    sig.trusted_comment = std::string(lines[2].substr(k_trusted_prefix.size()));
    if (!from_base64(trim(lines[3]), sig.global_signature.data(), sig.global_signature.size())) {
        return {std::nullopt, "line 4 of the signature is not a base64 Ed25519 signature"};
    }
    return {std::move(sig), {}};
}

}  // namespace

PublicKey SecretKey::public_key() const {
    PublicKey pk;
    pk.id = id;
    crypto_sign_ed25519_sk_to_pk(pk.key.data(), key.data());
    return pk;
}

SecretKey generate_secret_key() {
    ensure_sodium();
    SecretKey key;
    std::array<unsigned char, 32> pk{};
    crypto_sign_keypair(pk.data(), key.key.data());
    randombytes_buf(key.id.data(), key.id.size());
    return key;
}

std::string key_id_hex(const KeyId& id) {
    uint64_t value = 0;
    for (size_t i = id.size(); i-- > 0;) {
        value = (value << 8) | id[i];
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016" PRIX64, value);
    return text;
}

std::string public_key_base64(const PublicKey& key) {
    unsigned char blob[k_public_blob];
    std::memcpy(blob, k_alg_legacy.data(), 2);
    std::memcpy(blob + 2, key.id.data(), key.id.size());
    std::memcpy(blob + 10, key.key.data(), key.key.size());
    return to_base64(blob, sizeof blob);
}

std::string format_public_key_file(const PublicKey& key) {
    return std::string(k_untrusted_prefix) + "minisign public key " + key_id_hex(key.id) + "\n" +
           public_key_base64(key) + "\n";
}

std::string format_secret_key_file(const SecretKey& key) {
    ensure_sodium();
    unsigned char blob[k_secret_blob] = {};
    std::memcpy(blob, "Ed\0\0B2", 6);  // algorithm, no key derivation (no password), checksum
    unsigned char* keynum = blob + k_secret_keynum_offset;
    std::memcpy(keynum, key.id.data(), key.id.size());
    std::memcpy(keynum + 8, key.key.data(), key.key.size());
    const auto chk = secret_key_checksum(key);
    std::memcpy(keynum + 8 + 64, chk.data(), chk.size());
    std::string text = std::string(k_untrusted_prefix) + "minisign secret key " +
                       key_id_hex(key.id) +
                       ", not encrypted: keep this file private (mode 0600)\n" +
                       to_base64(blob, sizeof blob) + "\n";
    sodium_memzero(blob, sizeof blob);
    return text;
}

Parsed<PublicKey> parse_public_key(std::string_view text) {
    const std::vector<std::string_view> lines = split_lines(text);
    std::string_view line;
    if (lines.size() >= 2 && lines[0].starts_with(k_untrusted_prefix)) {
        line = trim(lines[1]);
    } else if (lines.size() == 1) {
        line = trim(lines[0]);
    } else {
        return {std::nullopt,
                "expected a minisign public key (a comment line and a base64 line, "
                "or the base64 line alone)"};
    }
    unsigned char blob[k_public_blob];
    if (!from_base64(line, blob, sizeof blob)) {
        return {std::nullopt, "'" + std::string(line.substr(0, 60)) +
                                  "' is not a minisign public key (base64 of 42 bytes, "
                                  "starting with RW)"};
    }
    if (std::memcmp(blob, k_alg_legacy.data(), 2) != 0) {
        return {std::nullopt, "the public key is not an Ed25519 minisign key"};
    }
    PublicKey key;
    std::memcpy(key.id.data(), blob + 2, key.id.size());
    std::memcpy(key.key.data(), blob + 10, key.key.size());
    return {key, {}};
}

Parsed<SecretKey> parse_secret_key(std::string_view text) {
    ensure_sodium();
    const std::vector<std::string_view> lines = split_lines(text);
    if (lines.size() != 2 || !lines[0].starts_with(k_untrusted_prefix)) {
        return {std::nullopt,
                "expected a minisign secret key file (a comment line and a base64 "
                "line), as written by kiosk-publish keygen"};
    }
    unsigned char blob[k_secret_blob];
    if (!from_base64(trim(lines[1]), blob, sizeof blob)) {
        return {std::nullopt, "the secret key is not valid base64 of the expected length"};
    }
    if (std::memcmp(blob, "Ed", 2) != 0 || std::memcmp(blob + 4, "B2", 2) != 0) {
        return {std::nullopt, "the secret key is not an Ed25519 minisign key"};
    }
    if (std::memcmp(blob + 2, "Sc", 2) == 0) {
        return {std::nullopt,
                "this secret key is protected by a password; kiosk-publish needs a "
                "key without one (remove it with: minisign -C -W -s FILE)"};
    }
    if (blob[2] != 0 || blob[3] != 0) {
        return {std::nullopt, "the secret key uses an unknown key-derivation method"};
    }
    SecretKey key;
    const unsigned char* keynum = blob + k_secret_keynum_offset;
    std::memcpy(key.id.data(), keynum, key.id.size());
    std::memcpy(key.key.data(), keynum + 8, key.key.size());
    const unsigned char* stored_chk = keynum + 8 + 64;
    // minisign -W leaves the checksum zero; when present it must match.
    const bool has_chk =
        std::any_of(stored_chk, stored_chk + 32, [](unsigned char c) { return c; });
    const auto chk = secret_key_checksum(key);
    const bool chk_matches = std::memcmp(chk.data(), stored_chk, chk.size()) == 0;
    sodium_memzero(blob, sizeof blob);
    if (has_chk && !chk_matches) {
        return {std::nullopt, "the secret key's checksum does not match (the file is damaged)"};
    }
    std::array<unsigned char, 32> pk{};
    std::array<unsigned char, 64> again{};
    crypto_sign_seed_keypair(pk.data(), again.data(), key.key.data());
    if (again != key.key) {
        return {std::nullopt, "the secret key is inconsistent (the file is damaged)"};
    }
    return {key, {}};
}

std::string sign(std::string_view message, const SecretKey& key, std::string_view trusted_comment,
                 SignatureMode mode) {
    ensure_sodium();
    if (trusted_comment.find_first_of("\r\n") != std::string_view::npos) {
        throw std::invalid_argument("a trusted comment must be a single line");
    }
    const std::string covered = signed_bytes(message, mode);
    unsigned char blob[k_signature_blob];
    std::memcpy(blob, mode == SignatureMode::Prehashed ? "ED" : "Ed", 2);
    std::memcpy(blob + 2, key.id.data(), key.id.size());
    crypto_sign_detached(blob + 10, nullptr, reinterpret_cast<const unsigned char*>(covered.data()),
                         covered.size(), key.key.data());
    std::string global_input(reinterpret_cast<const char*>(blob + 10), 64);
    global_input.append(trusted_comment);
    unsigned char global[64];
    crypto_sign_detached(global, nullptr,
                         reinterpret_cast<const unsigned char*>(global_input.data()),
                         global_input.size(), key.key.data());
    return std::string(k_untrusted_prefix) + "signature from minisign secret key " +
           key_id_hex(key.id) + "\n" + to_base64(blob, sizeof blob) + "\n" +
           std::string(k_trusted_prefix) + std::string(trusted_comment) + "\n" +
           to_base64(global, sizeof global) + "\n";
}

Verification verify(std::string_view message, std::string_view signature_file,
                    const std::vector<PublicKey>& trusted) {
    ensure_sodium();
    Verification out;
    if (signature_file.size() > k_max_signature_file_bytes) {
        out.message = "the signature file is larger than " +
                      std::to_string(k_max_signature_file_bytes) + " bytes";
        return out;
    }
    Parsed<SignatureFile> parsed = parse_signature_file(signature_file);
    if (!parsed.value) {
        out.message = parsed.error;
        return out;
    }
    const SignatureFile& sig = *parsed.value;
    out.key_id = sig.id;
    const auto key = std::find_if(trusted.begin(), trusted.end(),
                                  [&](const PublicKey& k) { return k.id == sig.id; });
    if (key == trusted.end()) {
        out.status = VerifyStatus::UntrustedKey;
        out.message = "signed by key " + key_id_hex(sig.id) + ", which is not a trusted key";
        return out;
    }
    out.status = VerifyStatus::BadSignature;
    if (!ed25519_verify(sig.signature.data(), signed_bytes(message, sig.mode), *key)) {
        out.message =
            "the signature does not match the signed file (altered after signing, or "
            "signed by another key with the same id)";
        return out;
    }
    std::string global_input(reinterpret_cast<const char*>(sig.signature.data()), 64);
    global_input.append(sig.trusted_comment);
    if (!ed25519_verify(sig.global_signature.data(), global_input, *key)) {
        out.message = "the signature's trusted comment was altered after signing";
        return out;
    }
    out.status = VerifyStatus::Verified;
    out.trusted_comment = sig.trusted_comment;
    return out;
}

}  // namespace content::channel::minisign
