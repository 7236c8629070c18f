// The staff-facing notice format: one Markdown file with YAML front matter per notice.
//
//   ---
//   title: 关于加装电梯意见征询的通知
//   category: 事务            (the Chinese name or the key: affairs)
//   department: 桂花里社区居民委员会
//   date: 2026-11-20          (or 2026-11-20 09:30; Beijing time)
//   starts: 2026-11-21 08:00  (optional)
//   expires: 2026-12-31       (optional)
//   priority: normal          (normal | pinned | emergency)
//   boards: [all]             (optional board ids)
//   source_url: https://...   (optional)
//   images: [images/plan.png] (optional, relative to the source folder)
//   ---
//   Markdown body
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/diagnostic.h"
#include "content/notice.h"

namespace content {

struct ParsedNotice {
    std::optional<Notice> notice;  // set only when there are no diagnostics
    std::vector<Diagnostic> diagnostics;
};

// `file` names the file in messages; `id` is the notice id (the file's stem).
// Pure: no file system access. Image paths are checked for form only.
ParsedNotice parse_notice_source(const std::string& file, const std::string& id,
                                 std::string_view text);

}  // namespace content
