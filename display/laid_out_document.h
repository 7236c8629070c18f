// The result of laying out a notice body: a column of unbreakable slices (a line of text, a
// table row, an image, a rule) that pagination distributes over pages.
#pragma once

#include <vector>

#include "display/draw_list.h"

namespace display {

// A heading's lines keep with what follows, so a heading never ends a page.
enum class Keep { None, WithNext };

struct Slice {
    float height = 0;
    float space_before = 0;  // blank above it; dropped when the slice starts a page
    Keep keep = Keep::None;
    // Offsets from the slice's top where it may be cut when it is taller than a page (the line
    // boundaries of a table row). Empty: never cut.
    std::vector<float> cuts;
    // What to draw, relative to the slice's top-left corner.
    std::vector<DrawCommand> commands;
    size_t block = 0;  // index of the source block
};

struct LaidOutDocument {
    float width = 0;
    std::vector<Slice> slices;

    // Height of the whole column, with every space kept.
    float height() const {
        float h = 0;
        for (const Slice& s : slices) {
            h += s.space_before + s.height;
        }
        return h;
    }
};

}  // namespace display
