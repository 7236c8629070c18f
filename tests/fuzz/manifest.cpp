// Fuzz target: the manifest parser (untrusted bytes from a mirror reach it only after a good
// signature, but it must survive anything). A parsed manifest must survive a round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "content/channel/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const content::channel::ManifestParse parsed = content::channel::parse_manifest(text);
    if (parsed.manifest) {
        const content::channel::ManifestParse again =
            content::channel::parse_manifest(content::channel::manifest_json(*parsed.manifest));
        if (!again.manifest || !(*again.manifest == *parsed.manifest)) {
            std::abort();
        }
    } else if (parsed.error.empty()) {
        std::abort();  // every refusal must say why
    }
    return 0;
}
