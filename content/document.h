// A notice body as blocks (headings, paragraphs, list items, tables, images): what layout consumes.
#pragma once

#include <string>
#include <vector>

namespace content {

enum class SpanStyle { Plain, Strong, Emphasis, Code, Link };

struct Span {
    std::string text;
    SpanStyle style = SpanStyle::Plain;
    bool operator==(const Span&) const = default;
};

using Inline = std::vector<Span>;

enum class BlockKind { Heading, Paragraph, ListItem, Table, Image, Rule, Quote };

struct TableCell {
    Inline content;
};

struct TableRow {
    std::vector<TableCell> cells;
    bool header = false;
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;               // heading level 1..6, or list nesting depth from 0
    bool ordered = false;        // list items: numbered or bulleted
    int number = 0;              // list items: the item's number when ordered
    Inline content;              // headings, paragraphs, list items, quotes
    std::vector<TableRow> rows;  // tables
    std::string image_src;       // images: the path as written
    std::string image_alt;
};

struct Document {
    std::vector<Block> blocks;
};

// Parses GitHub-flavoured Markdown (tables included) with cmark-gfm. Never throws on content:
// raw HTML is dropped, anything else becomes text.
Document parse_markdown(const std::string& markdown);

// The readable text of an inline run, and of a whole document (for search and safety checks).
std::string inline_text(const Inline& content);
std::string document_text(const Document& document);

}  // namespace content
