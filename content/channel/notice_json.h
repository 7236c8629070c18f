// Reading a notice object of a channel: the canonical JSON that notice_canonical_text() writes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content/notice.h"

namespace content::channel {

struct NoticeJsonParse {
    std::optional<Notice> notice;  // content_hash filled in
    std::string error;             // what is wrong, naming the field; empty when parsed
};

// Strict: every field present with its type, the same caps as the source format, valid UTF-8,
// and the text must be exactly the canonical form, so its sha256 is the notice's content hash.
NoticeJsonParse parse_notice_json(std::string_view bytes);

}  // namespace content::channel
