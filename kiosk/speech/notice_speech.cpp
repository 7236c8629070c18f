// The parts of a notice that read-aloud speaks (see notice_speech.h).
#include "kiosk/speech/notice_speech.h"

#include "content/date_time.h"

namespace kiosk::speech {

namespace {

std::string table_text(const content::Block& table) {
    std::vector<std::string> headers;
    std::string out;
    for (const content::TableRow& row : table.rows) {
        if (row.header) {
            headers.clear();
            for (const content::TableCell& cell : row.cells) {
                headers.push_back(content::inline_text(cell.content));
            }
            continue;
        }
        std::string line;
        for (size_t c = 0; c < row.cells.size(); ++c) {
            const std::string value = content::inline_text(row.cells[c].content);
            if (value.empty()) {
                continue;
            }
            if (!line.empty()) {
                line += "，";
            }
            if (c < headers.size() && !headers[c].empty()) {
                line += headers[c] + "：";
            }
            line += value;
        }
        if (!line.empty()) {
            out += line + "。\n";
        }
    }
    return out;
}

}  // namespace

std::vector<SpeechPart> notice_speech_parts(const content::Notice& notice,
                                            const content::Document& body, size_t first_block) {
    std::vector<SpeechPart> parts;
    parts.push_back({PartKind::Title, 0, notice.title + "。"});
    std::string details;
    if (!notice.department.empty()) {
        details += "发布单位：" + notice.department + "。";
    }
    if (notice.published_at > 0) {
        details += "发布日期：" + content::format_date_chinese(notice.published_at) + "。";
    }
    if (!details.empty()) {
        parts.push_back({PartKind::Details, 0, details});
    }
    for (size_t b = first_block; b < body.blocks.size(); ++b) {
        const content::Block& block = body.blocks[b];
        std::string text;
        switch (block.kind) {
            case content::BlockKind::Table:
                text = table_text(block);
                break;
            case content::BlockKind::Image:
                text = block.image_alt.empty() ? "" : "图片：" + block.image_alt + "。";
                break;
            case content::BlockKind::Rule:
                break;
            case content::BlockKind::ListItem:
                text = (block.ordered ? std::to_string(block.number) + "、" : std::string()) +
                       content::inline_text(block.content);
                break;
            default:
                text = content::inline_text(block.content);
                break;
        }
        if (!text.empty()) {
            parts.push_back({PartKind::Block, b, std::move(text)});
        }
    }
    return parts;
}

}  // namespace kiosk::speech
