// Board signatures on uploaded text files (libsodium Ed25519, detached).
#include "content/events/signed_text.h"

#include <sodium.h>

#include <array>

namespace content::events {
namespace {
constexpr std::string_view k_sig_prefix = "sig ";
}

std::string append_signature(std::string text, const BoardSecretKey& key) {
    std::array<unsigned char, crypto_sign_BYTES> sig{};
    crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(text.data()),
                         text.size(), key.key.data());
    std::string b64(sodium_base64_ENCODED_LEN(sig.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(b64.data(), b64.size(), sig.data(), sig.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    b64.resize(b64.find('\0'));
    text += k_sig_prefix;
    text += b64;
    text += '\n';
    return text;
}

SignedText verify_signed_text(std::string_view file, const BoardPublicKey& key) {
    SignedText out;
    if (file.empty() || file.back() != '\n') {
        out.error = "truncated: the file does not end with a complete signature line";
        return out;
    }
    const size_t line_start = file.rfind('\n', file.size() - 2);
    const size_t sig_at = line_start == std::string_view::npos ? 0 : line_start + 1;
    const std::string_view sig_line = file.substr(sig_at, file.size() - 1 - sig_at);
    if (sig_line.substr(0, k_sig_prefix.size()) != k_sig_prefix) {
        out.error = "truncated or not signed: the last line is not a board signature";
        return out;
    }
    const std::string b64(sig_line.substr(k_sig_prefix.size()));
    std::array<unsigned char, crypto_sign_BYTES> sig{};
    size_t len = 0;
    if (sodium_base642bin(sig.data(), sig.size(), b64.data(), b64.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len != sig.size()) {
        out.error = "the signature line is not a base64 Ed25519 signature";
        return out;
    }
    const std::string_view signed_part = file.substr(0, sig_at);
    if (crypto_sign_verify_detached(sig.data(),
                                    reinterpret_cast<const unsigned char*>(signed_part.data()),
                                    signed_part.size(), key.key.data()) != 0) {
        out.error = "the board's signature does not match (edited, or signed by another key)";
        return out;
    }
    out.text = std::string(signed_part);
    return out;
}

}  // namespace content::events
