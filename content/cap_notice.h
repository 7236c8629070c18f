// Turning an early-warning message (cap_message.h) into a staff notice source file.
#pragma once

#include <string>

#include "content/cap_message.h"

namespace content {

// The notice id: "alert-" and the message identifier folded to the id alphabet (lowercase
// letters, digits, '-', '_'), at most 64. An Update or Cancel takes the id of the message it
// refers to (its last reference), so an updated warning replaces its notice and re-alerts.
std::string cap_notice_id(const CapMessage& message);

// The notice file (notice_source.h): category 公告, priority emergency, the level, department
// from the sender, date from sent, starts from effective, expires from expires, the headline as
// title, and a body with the description, 防御指南 (instruction), 影响区域 (areas), 事件类型 and
// the message identifier. Text from the message is escaped so it reads as plain text.
std::string cap_notice_source(const CapMessage& message);

}  // namespace content
