// Pinyin query parsing and matching (see search_pinyin.h).
#include "content/search_pinyin.h"

#include <algorithm>

#include "content/search_text.h"

namespace content {
namespace {

constexpr size_t k_max_letters = 48;

// Index after the match of query[j..] starting at text[i], or npos.
size_t match_from(std::u32string_view text, size_t i, const PinyinQuery& q, size_t j,
                  SyllableMatch mode) {
    if (j == q.letters.size()) {
        return i;
    }
    if (i == text.size()) {
        return std::u32string_view::npos;
    }
    const char32_t c = text[i];
    if (c < 0x80) {
        return c == static_cast<char32_t>(q.letters[j]) ? match_from(text, i + 1, q, j + 1, mode)
                                                        : std::u32string_view::npos;
    }
    if ((pinyin::initial_mask(c) >> (q.letters[j] - 'a') & 1) == 0) {
        return std::u32string_view::npos;
    }
    const size_t room = q.group_end[j] - j;
    const pinyin::Readings readings = pinyin::readings(c);
    for (size_t r = 0; r < readings.size(); ++r) {
        const std::string_view syllable = pinyin::syllable_text(readings[r]);
        size_t common = 0;
        while (common < syllable.size() && common < room &&
               syllable[common] == q.letters[j + common]) {
            ++common;
        }
        if (mode == SyllableMatch::Whole) {
            if (common == syllable.size()) {
                const size_t end = match_from(text, i + 1, q, j + common, mode);
                if (end != std::u32string_view::npos) {
                    return end;
                }
            }
            continue;
        }
        // Longest first: "yibao" prefers 医(yi) 保(bao) to 一(y)...
        for (size_t k = common; k >= 1; --k) {
            const size_t end = match_from(text, i + 1, q, j + k, mode);
            if (end != std::u32string_view::npos) {
                return end;
            }
        }
    }
    return std::u32string_view::npos;
}

void split_from(const PinyinQuery& q, size_t j, std::vector<pinyin::SyllableId>& path,
                std::vector<std::vector<pinyin::SyllableId>>& out, size_t max) {
    if (out.size() >= max) {
        return;
    }
    if (j == q.letters.size()) {
        out.push_back(path);
        return;
    }
    const std::string_view letters(q.letters);
    for (size_t length = q.group_end[j] - j; length >= 1; --length) {
        if (auto id = pinyin::syllable_id(letters.substr(j, length))) {
            path.push_back(*id);
            split_from(q, j + length, path, out, max);
            path.pop_back();
        }
    }
}

// Depth-first over cuts into syllable starts; `budget` bounds the work on long strings.
void prefix_split_from(const PinyinQuery& q, size_t j, std::string& initials,
                       std::vector<std::string>& out, size_t max, size_t& budget) {
    if (out.size() >= max || budget == 0) {
        return;
    }
    --budget;
    if (j == q.letters.size()) {
        if (std::find(out.begin(), out.end(), initials) == out.end()) {
            out.push_back(initials);
        }
        return;
    }
    const std::string_view letters(q.letters);
    for (size_t length = q.group_end[j] - j; length >= 1; --length) {
        if (pinyin::is_syllable_prefix(letters.substr(j, length))) {
            initials.push_back(q.letters[j]);
            prefix_split_from(q, j + length, initials, out, max, budget);
            initials.pop_back();
        }
    }
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
    q.group_end.resize(q.letters.size());
    for (size_t g = 0; g + 1 < group_starts.size(); ++g) {
        for (size_t j = group_starts[g]; j < group_starts[g + 1]; ++j) {
            q.group_end[j] = static_cast<uint8_t>(group_starts[g + 1]);
        }
    }
    return q;
}

size_t pinyin_match_at(std::u32string_view text, size_t start, const PinyinQuery& query,
                       SyllableMatch mode) {
    const size_t end = match_from(text, start, query, 0, mode);
    return end == std::u32string_view::npos ? 0 : end - start;
}

std::vector<std::pair<size_t, size_t>> find_pinyin(std::u32string_view text,
                                                   const PinyinQuery& query, SyllableMatch mode,
                                                   size_t max) {
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t i = 0; i < text.size() && out.size() < max;) {
        const size_t length = pinyin_match_at(text, i, query, mode);
        if (length > 0) {
            out.emplace_back(i, i + length);
            i += length;
        } else {
            ++i;
        }
    }
    return out;
}

std::vector<std::vector<pinyin::SyllableId>> whole_syllable_splits(const PinyinQuery& query,
                                                                   size_t max) {
    std::vector<std::vector<pinyin::SyllableId>> out;
    std::vector<pinyin::SyllableId> path;
    split_from(query, 0, path, out, max);
    return out;
}

std::vector<std::string> prefix_split_initials(const PinyinQuery& query, size_t max) {
    std::vector<std::string> out;
    std::string initials;
    size_t budget = 4096;
    prefix_split_from(query, 0, initials, out, max, budget);
    return out;
}

}  // namespace content
