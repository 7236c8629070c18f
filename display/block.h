// Display's own model of a notice body: blocks of styled text runs, tables, images and rules.
// The kiosk converts content::Document into these, so display never depends on content/.
#pragma once

#include <string>
#include <vector>

#include "display/font_metrics.h"

namespace display {

// Emphasised runs are drawn in the style's emphasis colour (Chinese has no italics).
enum class Emphasis { None, Emphasis };

// A stretch of UTF-8 text in one style. Invalid UTF-8 is drawn as U+FFFD.
struct Run {
    std::string text;
    Weight weight = Weight::Regular;
    Emphasis emphasis = Emphasis::None;
    bool operator==(const Run&) const = default;
};

using Runs = std::vector<Run>;

enum class BlockKind { Heading, Paragraph, ListItem, Table, Image, Rule, Quote };
enum class ListKind { Bulleted, Numbered };
enum class RowKind { Body, Header };
enum class ColumnAlign { Start, Center, End };
// Whether the image's bytes are available to the painter; absent images get a placeholder box.
enum class ImagePresence { Present, Absent };

struct TableCell {
    Runs content;
};

struct TableRow {
    std::vector<TableCell> cells;
    RowKind kind = RowKind::Body;
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    Runs content;  // headings, paragraphs, list items, quotes

    int level = 1;  // headings: 1..6
    // List items: bullet or number, the item's number, nesting depth from 0.
    ListKind list = ListKind::Bulleted;
    int number = 0;
    int depth = 0;
    // Tables: rows (header rows first) and per-column alignment (missing columns: Start).
    std::vector<TableRow> rows;
    std::vector<ColumnAlign> align;
    // Images: content address (sha256) of the asset, its alternative text, its pixel size when
    // known (0: unknown, a 4:3 box is reserved), and whether the painter can get its bytes.
    std::string asset;
    std::string alt;
    int image_width = 0;
    int image_height = 0;
    ImagePresence presence = ImagePresence::Present;

    static Block heading(int level, Runs content);
    static Block paragraph(Runs content);
    static Block list_item(ListKind list, int number, int depth, Runs content);
    static Block table(std::vector<TableRow> rows, std::vector<ColumnAlign> align = {});
    static Block image(std::string asset, std::string alt, int width, int height,
                       ImagePresence presence);
    static Block rule();
    static Block quote(Runs content);
};

// One plain run, for the common case.
inline Runs plain(std::string text, Weight weight = Weight::Regular) {
    return {Run{std::move(text), weight, Emphasis::None}};
}

}  // namespace display
