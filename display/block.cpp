// Constructors for the display block model.
#include "display/block.h"

#include <algorithm>

namespace display {

Block Block::heading(int level, Runs content) {
    Block b;
    b.kind = BlockKind::Heading;
    b.level = std::clamp(level, 1, 6);
    b.content = std::move(content);
    return b;
}

Block Block::paragraph(Runs content) {
    Block b;
    b.kind = BlockKind::Paragraph;
    b.content = std::move(content);
    return b;
}

Block Block::list_item(ListKind list, int number, int depth, Runs content) {
    Block b;
    b.kind = BlockKind::ListItem;
    b.list = list;
    b.number = number;
    b.depth = std::max(depth, 0);
    b.content = std::move(content);
    return b;
}

Block Block::table(std::vector<TableRow> rows, std::vector<ColumnAlign> align) {
    Block b;
    b.kind = BlockKind::Table;
    b.rows = std::move(rows);
    b.align = std::move(align);
    return b;
}

Block Block::image(std::string asset, std::string alt, int width, int height,
                   ImagePresence presence) {
    Block b;
    b.kind = BlockKind::Image;
    b.asset = std::move(asset);
    b.alt = std::move(alt);
    b.image_width = std::max(width, 0);
    b.image_height = std::max(height, 0);
    b.presence = presence;
    return b;
}

Block Block::rule() {
    Block b;
    b.kind = BlockKind::Rule;
    return b;
}

Block Block::quote(Runs content) {
    Block b;
    b.kind = BlockKind::Quote;
    b.content = std::move(content);
    return b;
}

}  // namespace display
