// Highlight spans and excerpts (see search_excerpt.h).
#include "content/search/excerpt.h"

#include <algorithm>

namespace content::search {
namespace {

constexpr std::string_view k_ellipsis = "…";

bool is_line_break(std::string_view original, const FoldedText& folded, size_t i) {
    return original[folded.offsets[i]] == '\n';
}

// First character of the excerpt: the start of the anchor's line when that is within half the
// excerpt before it (the reader gets the whole sentence), otherwise a quarter of the excerpt
// before the anchor; never a space.
size_t excerpt_start(std::string_view original, const FoldedText& folded, size_t anchor,
                     size_t length) {
    size_t line = anchor;
    while (line > 0 && !is_line_break(original, folded, line - 1)) {
        --line;
    }
    size_t start = anchor - line <= length / 2 ? line : anchor - length / 4;
    while (start < anchor && folded.chars[start] == U' ') {
        ++start;
    }
    return start;
}

}  // namespace

std::vector<TextSpan> byte_spans(const FoldedText& folded, CharSpanList chars) {
    std::sort(chars.begin(), chars.end());
    std::vector<TextSpan> out;
    for (const auto& [begin, end] : chars) {
        if (begin >= end || end > folded.chars.size()) {
            continue;
        }
        const TextSpan span{folded.offsets[begin], folded.offsets[end]};
        if (!out.empty() && span.begin <= out.back().end) {
            out.back().end = std::max(out.back().end, span.end);
        } else {
            out.push_back(span);
        }
    }
    return out;
}

Excerpt make_excerpt(std::string_view original, const FoldedText& folded,
                     const CharSpanList& matches, size_t length) {
    Excerpt out;
    const size_t n = folded.chars.size();
    size_t anchor = n;
    for (const auto& m : matches) {
        anchor = std::min(anchor, m.first);
    }
    if (anchor == n) {
        anchor = 0;
        while (anchor < n && folded.chars[anchor] == U' ') {
            ++anchor;
        }
    }
    const size_t start = excerpt_start(original, folded, anchor, length);
    size_t end = std::min(n, start + length);
    while (end > start && folded.chars[end - 1] == U' ') {
        --end;
    }
    if (start > 0 && !is_line_break(original, folded, start - 1)) {
        out.text = k_ellipsis;
    }
    const size_t prefix = out.text.size();
    for (size_t b = folded.offsets[start]; b < folded.offsets[end]; ++b) {
        const char c = original[b];
        out.text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    if (end < n) {
        out.text += k_ellipsis;
    }
    for (const auto& [begin, finish] : matches) {
        const size_t b = std::max(begin, start);
        const size_t e = std::min(finish, end);
        if (b < e) {
            out.spans.push_back({prefix + folded.offsets[b] - folded.offsets[start],
                                 prefix + folded.offsets[e] - folded.offsets[start]});
        }
    }
    std::sort(out.spans.begin(), out.spans.end(),
              [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
    return out;
}

}  // namespace content::search
