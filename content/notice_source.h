// The staff-facing notice format: one Markdown file with YAML front matter per notice.
//
//   ---
//   title: 关于加装电梯意见征询的通知
//   category: 事务            (the Chinese name or the key: affairs)
//   department: 桂花里社区居民委员会
//   date: 2026-11-20          (or 2026-11-20 09:30; Beijing time)
//   starts: 2026-11-21 08:00  (optional; a date alone means from 00:00 that day)
//   expires: 2026-12-31       (optional; a date alone means through the end of that day,
//                              2026-12-31 12:00 means the notice is gone from 12:00)
//   priority: normal          (normal | pinned | emergency)
//   level: orange             (emergency only: red | orange | yellow | blue, or 红/橙/黄/蓝;
//                              red when absent)
//   schedule:                 (optional display windows; each part restricts, all must match)
//     days: mon-fri           (mon..sun, ranges such as sat-sun, 周一至周五, 工作日, 周末)
//     times: [07:00-09:00, 11:00-13:00]   (HH:MM-HH:MM; 22:00-06:00 runs past midnight)
//     dates: [2026-12-01..2026-12-24]     (both days included; or one day 2026-12-25)
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
