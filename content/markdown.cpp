// Markdown to blocks through cmark-gfm and its table extension.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "content/document.h"

namespace content {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};

bool is_type(cmark_node* node, const char* name) {
    const char* type = cmark_node_get_type_string(node);
    return type && std::strcmp(type, name) == 0;
}

void append(Inline& out, std::string text, SpanStyle style) {
    if (text.empty()) {
        return;
    }
    if (!out.empty() && out.back().style == style) {
        out.back().text += text;
    } else {
        out.push_back({std::move(text), style});
    }
}

void collect_inline(cmark_node* node, SpanStyle style, Inline& out) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                append(out, cmark_node_get_literal(child) ? cmark_node_get_literal(child) : "",
                       cmark_node_get_type(child) == CMARK_NODE_CODE ? SpanStyle::Code : style);
                break;
            case CMARK_NODE_SOFTBREAK:
                // A soft break inside Chinese text joins without a space; see join rule below.
                append(out, "\n", style);
                break;
            case CMARK_NODE_LINEBREAK:
                append(out, "\n", style);
                break;
            case CMARK_NODE_STRONG:
                collect_inline(child, SpanStyle::Strong, out);
                break;
            case CMARK_NODE_EMPH:
                collect_inline(child, style == SpanStyle::Strong ? style : SpanStyle::Emphasis,
                               out);
                break;
            case CMARK_NODE_LINK:
                collect_inline(child, SpanStyle::Link, out);
                break;
            case CMARK_NODE_HTML_INLINE:
                break;  // raw HTML is never shown
            case CMARK_NODE_IMAGE:
                break;  // images become blocks of their own (collect_images)
            default:
                collect_inline(child, style, out);
                break;
        }
    }
}

// Soft line breaks in the source are spaces in Latin text but nothing between Chinese
// characters: "社区\n居委会" reads 社区居委会, "WiFi\nAccess" reads "WiFi Access".
void resolve_soft_breaks(Inline& content) {
    for (size_t i = 0; i < content.size(); ++i) {
        std::string& text = content[i].text;
        for (size_t pos = text.find('\n'); pos != std::string::npos; pos = text.find('\n', pos)) {
            const bool ascii_before = pos > 0 && static_cast<unsigned char>(text[pos - 1]) < 0x80;
            const bool ascii_after =
                pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) < 0x80;
            if (ascii_before && ascii_after) {
                text[pos] = ' ';
                ++pos;
            } else {
                text.erase(pos, 1);
            }
        }
    }
}

Inline inline_of(cmark_node* node) {
    Inline out;
    collect_inline(node, SpanStyle::Plain, out);
    resolve_soft_breaks(out);
    return out;
}

void collect_images(cmark_node* node, std::vector<Block>& blocks) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        if (cmark_node_get_type(child) == CMARK_NODE_IMAGE) {
            Block image;
            image.kind = BlockKind::Image;
            image.image_src = cmark_node_get_url(child) ? cmark_node_get_url(child) : "";
            image.image_alt = inline_text(inline_of(child));
            blocks.push_back(std::move(image));
        } else {
            collect_images(child, blocks);
        }
    }
}

void walk_blocks(cmark_node* parent, int list_depth, std::vector<Block>& blocks);

void add_table(cmark_node* table, std::vector<Block>& blocks) {
    Block block;
    block.kind = BlockKind::Table;
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
        TableRow out_row;
        out_row.header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
            out_row.cells.push_back({inline_of(cell)});
        }
        block.rows.push_back(std::move(out_row));
    }
    blocks.push_back(std::move(block));
}

void add_list(cmark_node* list, int depth, std::vector<Block>& blocks) {
    const bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
    int number = ordered ? cmark_node_get_list_start(list) : 0;
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        bool first = true;
        for (cmark_node* child = cmark_node_first_child(item); child;
             child = cmark_node_next(child)) {
            if (first && cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH) {
                Block block;
                block.kind = BlockKind::ListItem;
                block.level = depth;
                block.ordered = ordered;
                block.number = number;
                block.content = inline_of(child);
                blocks.push_back(std::move(block));
                collect_images(child, blocks);
                first = false;
            } else {
                cmark_node* holder = child;
                // Nested lists and further paragraphs keep the item's depth.
                if (cmark_node_get_type(holder) == CMARK_NODE_LIST) {
                    add_list(holder, depth + 1, blocks);
                } else {
                    Block block;
                    block.kind = BlockKind::Paragraph;
                    block.level = depth + 1;
                    block.content = inline_of(holder);
                    blocks.push_back(std::move(block));
                }
            }
        }
        ++number;
    }
}

void walk_blocks(cmark_node* parent, int list_depth, std::vector<Block>& blocks) {
    for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
        if (is_type(node, "table")) {
            add_table(node, blocks);
            continue;
        }
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_HEADING: {
                Block block;
                block.kind = BlockKind::Heading;
                block.level = cmark_node_get_heading_level(node);
                block.content = inline_of(node);
                blocks.push_back(std::move(block));
                break;
            }
            case CMARK_NODE_PARAGRAPH: {
                Block block;
                block.kind = BlockKind::Paragraph;
                block.content = inline_of(node);
                if (!inline_text(block.content).empty()) {
                    blocks.push_back(std::move(block));
                }
                collect_images(node, blocks);
                break;
            }
            case CMARK_NODE_LIST:
                add_list(node, list_depth, blocks);
                break;
            case CMARK_NODE_BLOCK_QUOTE: {
                std::vector<Block> inner;
                walk_blocks(node, list_depth, inner);
                for (Block& b : inner) {
                    if (b.kind == BlockKind::Paragraph) {
                        b.kind = BlockKind::Quote;
                    }
                    blocks.push_back(std::move(b));
                }
                break;
            }
            case CMARK_NODE_CODE_BLOCK: {
                Block block;
                block.kind = BlockKind::Paragraph;
                const char* literal = cmark_node_get_literal(node);
                block.content.push_back({literal ? literal : "", SpanStyle::Code});
                blocks.push_back(std::move(block));
                break;
            }
            case CMARK_NODE_THEMATIC_BREAK: {
                Block block;
                block.kind = BlockKind::Rule;
                blocks.push_back(std::move(block));
                break;
            }
            default:
                break;  // raw HTML blocks are never shown
        }
    }
}

}  // namespace

Document parse_markdown(const std::string& markdown) {
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });

    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
    if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
        cmark_parser_attach_syntax_extension(parser.get(), table);
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));

    Document document;
    if (root) {
        walk_blocks(root.get(), 0, document.blocks);
    }
    return document;
}

std::string inline_text(const Inline& content) {
    std::string out;
    for (const Span& span : content) {
        out += span.text;
    }
    return out;
}

std::string document_text(const Document& document) {
    std::string out;
    for (const Block& block : document.blocks) {
        std::string text = inline_text(block.content);
        for (const TableRow& row : block.rows) {
            for (const TableCell& cell : row.cells) {
                text += inline_text(cell.content) + " ";
            }
            text += "\n";
        }
        text += block.image_alt;
        if (!text.empty()) {
            out += text;
            out += "\n";
        }
    }
    return out;
}

}  // namespace content
