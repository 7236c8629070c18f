// What 朗读 reads for a notice, in order: the title, the issuing department and date, the body.
#pragma once

#include <string>
#include <vector>

#include "content/document.h"
#include "content/notice.h"

namespace kiosk::speech {

enum class PartKind { Title, Details, Block };

struct SpeechPart {
    PartKind kind = PartKind::Block;
    size_t block = 0;  // the body block this part reads (PartKind::Block)
    std::string text;  // written text; plan_sentences() turns it into sentences
};

// Tables are read row by row with their column headers
// ("项目：街道拨付社区工作经费，金额：十五万元"); a list item keeps its number ("1.") and headings
// and paragraphs are read as written; images read their caption. Blocks before `first_block` are
// skipped (reading from the current page).
std::vector<SpeechPart> notice_speech_parts(const content::Notice& notice,
                                            const content::Document& body, size_t first_block = 0);

}  // namespace kiosk::speech
