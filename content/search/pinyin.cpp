// Pinyin query parsing and matching (see search_pinyin.h).
#include "content/search/pinyin.h"

#include <algorithm>

#include "content/search/text.h"

namespace content::search {
namespace {

constexpr size_t k_max_letters = 48;
constexpr size_t k_max_splits = 16;
// Bounds the search for splits of long strings of letters.
constexpr size_t k_split_budget = 20000;

struct SplitSearch {
    const std::string& letters;
    const std::vector<size_t>& group_end;  // for each letter, where its group ends
    std::vector<PinyinSplit> found;
    size_t fewest = SIZE_MAX;
    size_t budget = k_split_budget;
};

bool is_initial(std::string_view letters) {
    return (letters.size() == 1 && pinyin::is_syllable_prefix(letters)) || letters == "zh" ||
           letters == "ch" || letters == "sh";
}

// The pieces that can start at `j`: whole syllables, initials, and at the very end any start of
// a syllable.
std::vector<PinyinPiece> pieces_at(const SplitSearch& s, size_t j) {
    std::vector<PinyinPiece> out;
    const std::string_view rest = std::string_view(s.letters).substr(j, s.group_end[j] - j);
    const bool last_group = s.group_end[j] == s.letters.size();
    for (size_t length = rest.size(); length >= 1; --length) {
        const std::string_view piece = rest.substr(0, length);
        if (length > 1) {
            if (const auto id = pinyin::syllable_id(piece)) {
                out.push_back({std::string(piece), PieceKind::Whole, *id});
                continue;
            }
        }
        if (is_initial(piece)) {
            out.push_back({std::string(piece), PieceKind::Initial, 0});
        } else if (last_group && length == rest.size() && pinyin::is_syllable_prefix(piece)) {
            out.push_back({std::string(piece), PieceKind::Prefix, 0});
        }
    }
    return out;
}

void find_splits(SplitSearch& s, size_t j, PinyinSplit& path) {
    if (s.budget == 0 || path.size() > s.fewest ||
        (path.size() == s.fewest && j < s.letters.size())) {
        return;
    }
    --s.budget;
    if (j == s.letters.size()) {
        if (path.size() < s.fewest) {
            s.fewest = path.size();
            s.found.clear();
        }
        if (s.found.size() < k_max_splits) {
            s.found.push_back(path);
        }
        return;
    }
    for (PinyinPiece& piece : pieces_at(s, j)) {
        const size_t next = j + piece.letters.size();
        path.push_back(std::move(piece));
        find_splits(s, next, path);
        path.pop_back();
    }
}

bool split_matches_at(std::u32string_view text, size_t start, const PinyinSplit& split) {
    if (text.size() - start < split.size()) {
        return false;
    }
    for (size_t k = 0; k < split.size(); ++k) {
        if (!piece_matches(text[start + k], split[k])) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<PinyinQuery> parse_pinyin_query(std::u32string_view folded) {
    PinyinQuery q;
    std::vector<size_t> group_starts{0};
    for (char32_t c : folded) {
        if (is_ascii_letter(c)) {
            q.letters += static_cast<char>(c);
        } else if (c == U' ' || c == U'\'') {
            if (group_starts.back() != q.letters.size()) {
                group_starts.push_back(q.letters.size());
            }
        } else {
            return std::nullopt;
        }
    }
    if (q.letters.empty() || q.letters.size() > k_max_letters) {
        return std::nullopt;
    }
    group_starts.push_back(q.letters.size());
    std::vector<size_t> group_end(q.letters.size());
    for (size_t g = 0; g + 1 < group_starts.size(); ++g) {
        std::fill(group_end.begin() + static_cast<std::ptrdiff_t>(group_starts[g]),
                  group_end.begin() + static_cast<std::ptrdiff_t>(group_starts[g + 1]),
                  group_starts[g + 1]);
    }
    SplitSearch search{q.letters, group_end, {}, SIZE_MAX, k_split_budget};
    PinyinSplit path;
    find_splits(search, 0, path);
    if (search.found.empty()) {
        return std::nullopt;
    }
    q.splits = std::move(search.found);
    return q;
}

bool piece_matches(char32_t c, const PinyinPiece& piece) {
    if (c < 0x80) {
        return piece.letters.size() == 1 && c == static_cast<char32_t>(piece.letters[0]);
    }
    if ((pinyin::initial_mask(c) >> (piece.letters[0] - 'a') & 1) == 0) {
        return false;
    }
    const pinyin::Readings readings = pinyin::readings(c);
    for (size_t r = 0; r < readings.size(); ++r) {
        if (piece.kind == PieceKind::Whole
                ? readings[r] == piece.syllable
                : pinyin::syllable_text(readings[r]).starts_with(piece.letters)) {
            return true;
        }
    }
    return false;
}

size_t pinyin_match_at(std::u32string_view text, size_t start, const PinyinQuery& query) {
    for (const PinyinSplit& split : query.splits) {
        if (split_matches_at(text, start, split)) {
            return split.size();
        }
    }
    return 0;
}

std::vector<std::pair<size_t, size_t>> find_pinyin(std::u32string_view text,
                                                   const PinyinQuery& query, size_t max) {
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t i = 0; i < text.size() && out.size() < max;) {
        const size_t length = pinyin_match_at(text, i, query);
        if (length > 0) {
            out.emplace_back(i, i + length);
            i += length;
        } else {
            ++i;
        }
    }
    return out;
}

}  // namespace content::search
