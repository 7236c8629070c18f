// Text files a board signs with its own Ed25519 key (events segments, heartbeats): the text, then
// one last line "sig <base64 of the detached signature over every byte before that line>".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/channel/minisign.h"

namespace content::events {

using BoardSecretKey = content::channel::minisign::SecretKey;
using BoardPublicKey = content::channel::minisign::PublicKey;

// `text` must end with '\n'.
std::string append_signature(std::string text, const BoardSecretKey& key);

struct SignedText {
    std::optional<std::string> text;  // the signed part, when the signature verifies
    std::string error;                // why not, in words
};
SignedText verify_signed_text(std::string_view file, const BoardPublicKey& key);

}  // namespace content::events
