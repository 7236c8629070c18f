// Fuzz target: the staff notice format (YAML front matter + Markdown). A notice it accepts must
// publish: its canonical JSON must parse back to the same notice.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "content/channel/notice_json.h"
#include "content/notice_source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const content::ParsedNotice parsed =
        content::parse_notice_source("fuzz.md", "fuzz-notice", text);
    if (parsed.notice) {
        content::Notice notice = *parsed.notice;
        for (content::ImageRef& image : notice.images) {
            image.sha256 = std::string(64, 'a');  // what load_source_tree fills in
        }
        const content::channel::NoticeJsonParse back =
            content::channel::parse_notice_json(content::notice_canonical_text(notice));
        if (!back.notice) {
            std::abort();
        }
    } else if (parsed.diagnostics.empty()) {
        std::abort();
    }
    return 0;
}
