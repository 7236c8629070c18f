// content::Document to display blocks.
#include "kiosk/screens/document_adapter.h"

#include "kiosk/screens/image_size.h"

namespace kiosk {
namespace {

display::Runs runs_of(const content::Inline& content) {
    display::Runs out;
    for (const content::Span& span : content) {
        display::Run run{span.text, display::Weight::Regular, display::Emphasis::None};
        if (span.style == content::SpanStyle::Strong) {
            run.weight = display::Weight::Bold;
        } else if (span.style == content::SpanStyle::Emphasis) {
            run.emphasis = display::Emphasis::Emphasis;
        }
        out.push_back(std::move(run));
    }
    return out;
}

display::Block image_block(const content::Block& b, const content::Notice& notice,
                           const AssetLookup& assets) {
    std::string sha;
    for (const content::ImageRef& ref : notice.images) {
        if (ref.path == b.image_src) {
            sha = ref.sha256;
        }
    }
    std::optional<std::string> bytes = sha.empty() ? std::nullopt : assets(sha);
    const auto size = bytes ? image_size(*bytes) : std::nullopt;
    return display::Block::image(
        sha, b.image_alt, size ? size->w : 0, size ? size->h : 0,
        size ? display::ImagePresence::Present : display::ImagePresence::Absent);
}

display::Block table_block(const content::Block& b) {
    std::vector<display::TableRow> rows;
    for (const content::TableRow& row : b.rows) {
        display::TableRow out;
        out.kind = row.header ? display::RowKind::Header : display::RowKind::Body;
        for (const content::TableCell& cell : row.cells) {
            out.cells.push_back({runs_of(cell.content)});
        }
        rows.push_back(std::move(out));
    }
    return display::Block::table(std::move(rows));
}

}  // namespace

std::vector<display::Block> notice_blocks(const content::Notice& notice,
                                          const content::Document& body,
                                          const AssetLookup& assets) {
    std::vector<display::Block> blocks;
    blocks.push_back(
        display::Block::heading(1, display::plain(notice.title, display::Weight::Bold)));
    for (const content::Block& b : body.blocks) {
        switch (b.kind) {
            case content::BlockKind::Heading:
                // The notice title is level 1; body headings start one level below it.
                blocks.push_back(
                    display::Block::heading(std::min(6, b.level + 1), runs_of(b.content)));
                break;
            case content::BlockKind::Paragraph:
                blocks.push_back(display::Block::paragraph(runs_of(b.content)));
                break;
            case content::BlockKind::ListItem:
                blocks.push_back(display::Block::list_item(
                    b.ordered ? display::ListKind::Numbered : display::ListKind::Bulleted, b.number,
                    b.level, runs_of(b.content)));
                break;
            case content::BlockKind::Table:
                blocks.push_back(table_block(b));
                break;
            case content::BlockKind::Image:
                blocks.push_back(image_block(b, notice, assets));
                break;
            case content::BlockKind::Rule:
                blocks.push_back(display::Block::rule());
                break;
            case content::BlockKind::Quote:
                blocks.push_back(display::Block::quote(runs_of(b.content)));
                break;
        }
    }
    return blocks;
}

}  // namespace kiosk
