// Fuzz target: the notice object parser. Whatever it accepts must be exactly canonical.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "content/channel/notice_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const content::channel::NoticeJsonParse parsed = content::channel::parse_notice_json(text);
    if (parsed.notice) {
        if (content::notice_canonical_text(*parsed.notice) != text ||
            content::notice_hash(*parsed.notice) != parsed.notice->content_hash) {
            std::abort();
        }
    } else if (parsed.error.empty()) {
        std::abort();
    }
    return 0;
}
