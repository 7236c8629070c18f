// Fuzz target: minisign signature and key file parsing; nothing random may ever verify.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "content/channel/minisign.h"

namespace {

// A fixed key, so runs are reproducible.
const content::channel::minisign::PublicKey& fixed_key() {
    static const content::channel::minisign::PublicKey key = [] {
        content::channel::minisign::PublicKey k;
        for (size_t i = 0; i < k.key.size(); ++i)
            k.key[i] = static_cast<unsigned char>(i * 7 + 1);
        k.id = {1, 2, 3, 4, 5, 6, 7, 8};
        return k;
    }();
    return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto v = content::channel::minisign::verify("manifest", text, {fixed_key()});
    if (v.status == content::channel::minisign::VerifyStatus::Verified || (v.message.empty())) {
        std::abort();
    }
    (void)content::channel::minisign::parse_public_key(text);
    (void)content::channel::minisign::parse_secret_key(text);
    return 0;
}
