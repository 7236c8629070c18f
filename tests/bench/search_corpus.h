// Search benchmark fixture: generated notices of realistic length and varied vocabulary, composed
// from a lexicon of words cut from the sample notices plus words made of Unihan characters drawn by
// their frequency (kHanyuPinlu), used with a Zipf distribution; several title and body templates.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "content/notice.h"
#include "content/search/readings.h"
#include "content/search/text.h"
#include "content/source_tree.h"

namespace bench {

using Rng = std::mt19937_64;

inline size_t uniform(Rng& rng, size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(rng);
}
inline bool chance(Rng& rng, double p) {
    return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

// Picks indices with given weights (cumulative table, binary search).
class WeightedPicker {
public:
    void add(double weight) {
        m_cumulative.push_back((m_cumulative.empty() ? 0 : m_cumulative.back()) + weight);
    }
    size_t pick(Rng& rng) const {
        const double x = std::uniform_real_distribution<double>(0, m_cumulative.back())(rng);
        return static_cast<size_t>(std::upper_bound(m_cumulative.begin(), m_cumulative.end(), x) -
                                   m_cumulative.begin());
    }
    size_t size() const { return m_cumulative.size(); }
    double weight(size_t i) const { return m_cumulative[i] - (i == 0 ? 0 : m_cumulative[i - 1]); }

private:
    std::vector<double> m_cumulative;
};

// Han characters weighted by kHanyuPinlu counts (read with bzcat from unicode-data); every other
// URO character with a reading gets a tiny weight, so rare characters occur too.
struct CharTable {
    std::vector<char32_t> chars;
    WeightedPicker picker;
    size_t with_frequency = 0;
};

inline CharTable load_char_table(const std::string& unihan) {
    std::map<char32_t, double> counts;
    const std::string command = "bzcat '" + unihan + "' 2>/dev/null";
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char line[4096];
        while (std::fgets(line, sizeof line, pipe)) {
            const std::string text(line);
            const size_t field = text.find("\tkHanyuPinlu\t");
            if (text.rfind("U+", 0) != 0 || field == std::string::npos) {
                continue;
            }
            const auto c =
                static_cast<char32_t>(std::stoul(text.substr(2, field - 2), nullptr, 16));
            for (size_t open = text.find('('); open != std::string::npos;
                 open = text.find('(', open + 1)) {
                counts[c] += std::stod(text.substr(open + 1));
            }
        }
        pclose(pipe);
    }
    CharTable table;
    table.with_frequency = counts.size();
    for (char32_t c = 0x4E00; c <= 0x9FA5; ++c) {
        const auto it = counts.find(c);
        if (it != counts.end() || !content::search::pinyin::readings(c).empty()) {
            table.chars.push_back(c);
            table.picker.add(it != counts.end() ? it->second : 0.05);
        }
    }
    return table;
}

inline std::string utf8(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) {
        content::append_utf8(out, c);
    }
    return out;
}

// Words by rank: the most frequent pieces of the sample notices first, then made-up words.
struct Lexicon {
    std::vector<std::string> words;
    size_t sample_words = 0;
    WeightedPicker zipf;

    const std::string& pick(Rng& rng) const { return words[zipf.pick(rng)]; }
};

inline std::vector<std::u32string> han_runs(const std::string& text) {
    std::vector<std::u32string> runs(1);
    for (char32_t c : content::search::fold_string(text)) {
        if (!content::search::pinyin::readings(c).empty()) {
            runs.back() += c;
        } else if (!runs.back().empty()) {
            runs.emplace_back();
        }
    }
    return runs;
}

inline Lexicon build_lexicon(const content::SourceTree& sample, const CharTable& chars, Rng& rng) {
    std::map<std::string, int> pieces;
    for (const content::Notice& n : sample.notices) {
        for (const std::u32string& run :
             han_runs(n.title + "\n" + content::search::body_plain_text(n.body))) {
            for (size_t at = 0; at + 1 < run.size();) {
                const size_t length = std::min(run.size() - at, 2 + uniform(rng, 3));
                ++pieces[utf8(std::u32string_view(run).substr(at, length))];
                at += length;
            }
        }
    }
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [word, count] : pieces) {
        ranked.emplace_back(-count, word);
    }
    std::sort(ranked.begin(), ranked.end());
    Lexicon lexicon;
    for (const auto& entry : ranked) {
        lexicon.words.push_back(entry.second);
    }
    lexicon.sample_words = lexicon.words.size();
    for (int i = 0; i < 40000; ++i) {
        std::u32string word;
        for (size_t length = 2 + uniform(rng, 2) * (chance(rng, 0.3) ? 1 : 0);
             word.size() < length;) {
            word += chars.chars[chars.picker.pick(rng)];
        }
        lexicon.words.push_back(utf8(word));
    }
    for (size_t rank = 0; rank < lexicon.words.size(); ++rank) {
        lexicon.zipf.add(1.0 / std::pow(static_cast<double>(rank) + 20.0, 1.0));
    }
    return lexicon;
}

inline constexpr const char* k_function_words[] = {"的", "了", "和", "在", "是", "为",
                                                   "对", "将", "并", "及", "与", "由"};
inline constexpr const char* k_surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄",
                                             "赵", "吴", "周", "徐", "孙", "马", "朱",
                                             "胡", "郭", "何", "林", "高", "罗"};

class NoticeGenerator {
public:
    NoticeGenerator(const Lexicon& lexicon, const CharTable& chars, Rng& rng)
        : m_lexicon(lexicon), m_chars(chars), m_rng(rng) {}

    content::Notice make(size_t index, int64_t from, int64_t until);

private:
    std::string word() { return m_lexicon.pick(m_rng); }
    std::string name();
    std::string fact();
    std::string sentence();
    std::string paragraph(size_t sentences);
    std::string title();
    std::string body(size_t target_chars);

    const Lexicon& m_lexicon;
    const CharTable& m_chars;
    Rng& m_rng;
};

inline std::string NoticeGenerator::name() {
    std::u32string given;
    for (size_t n = 1 + uniform(m_rng, 2); given.size() < n;) {
        given += m_chars.chars[m_chars.picker.pick(m_rng)];
    }
    return std::string(k_surnames[uniform(m_rng, std::size(k_surnames))]) + utf8(given);
}

// Times, dates, phone numbers, amounts and names: what residents also search for.
inline std::string NoticeGenerator::fact() {
    char buffer[64];
    switch (uniform(m_rng, 6)) {
        case 0:
            std::snprintf(buffer, sizeof buffer, "%zu:%02zu", 7 + uniform(m_rng, 12),
                          uniform(m_rng, 4) * 15);
            return buffer;
        case 1:
            std::snprintf(buffer, sizeof buffer, "%zu年%zu月%zu日", 2024 + uniform(m_rng, 3),
                          1 + uniform(m_rng, 12), 1 + uniform(m_rng, 28));
            return buffer;
        case 2:
            std::snprintf(buffer, sizeof buffer, "0571-869%05zu", uniform(m_rng, 100000));
            return buffer;
        case 3:
            std::snprintf(buffer, sizeof buffer, "%zu元", 10 * (1 + uniform(m_rng, 500)));
            return buffer;
        case 4:
            return "联系人：" + name();
        default:
            std::snprintf(buffer, sizeof buffer, "%zu幢%zu单元", 1 + uniform(m_rng, 30),
                          1 + uniform(m_rng, 4));
            return buffer;
    }
}

inline std::string NoticeGenerator::sentence() {
    std::string out;
    const size_t words = 4 + uniform(m_rng, 14);
    for (size_t i = 0; i < words; ++i) {
        out += chance(m_rng, 0.04) ? fact() : word();
        if (chance(m_rng, 0.25)) {
            out += k_function_words[uniform(m_rng, std::size(k_function_words))];
        } else if (i + 1 < words && chance(m_rng, 0.12)) {
            out += "，";
        }
    }
    return out + (chance(m_rng, 0.1) ? "！" : "。");
}

inline std::string NoticeGenerator::paragraph(size_t sentences) {
    std::string out;
    for (size_t i = 0; i < sentences; ++i) {
        out += chance(m_rng, 0.05) ? "**" + sentence() + "**" : sentence();
    }
    return out;
}

inline std::string NoticeGenerator::title() {
    const std::string a = word();
    const std::string b = word();
    switch (uniform(m_rng, 10)) {
        case 0:
            return "关于" + a + b + "的通知";
        case 1:
            return a + b + "情况公示";
        case 2:
            return "关于开展" + a + b + "活动的通知";
        case 3:
            return "办事指南：" + a + b;
        case 4:
            return "政策解读：" + a + b + word() + "问答";
        case 5:
            return std::to_string(2024 + uniform(m_rng, 3)) + "年" +
                   std::to_string(1 + uniform(m_rng, 12)) + "月" + a + b + "公告";
        case 6:
            return "紧急" + a + "通知";
        case 7:
            return a + b + "意见征询";
        case 8:
            return a + word() + b + "安排";
        default:
            return a + b + "招募公告";
    }
}

inline std::string NoticeGenerator::body(size_t target_chars) {
    std::string out = "各位居民：\n\n" + paragraph(1 + uniform(m_rng, 3)) + "\n\n";
    while (content::search::fold_string(out).size() < target_chars) {
        switch (uniform(m_rng, 8)) {
            case 0:
                out += "## " + word() + word() + "\n\n";
                break;
            case 1:
                for (size_t i = 1, n = 2 + uniform(m_rng, 4); i <= n; ++i) {
                    out += std::to_string(i) + ". " + sentence() + "\n";
                }
                out += "\n";
                break;
            case 2:
                out += "| " + word() + " | " + word() + " | " + word() + " |\n|---|---|---|\n";
                for (size_t i = 0, n = 2 + uniform(m_rng, 4); i < n; ++i) {
                    out += "| " + word() + " | " + fact() + " | " + word() + " |\n";
                }
                out += "\n";
                break;
            default:
                out += paragraph(1 + uniform(m_rng, 5)) + "\n\n";
        }
    }
    return out + "特此通知。\n";
}

inline content::Notice NoticeGenerator::make(size_t index, int64_t from, int64_t until) {
    content::Notice n;
    n.id = "bench-" + std::to_string(index);
    n.category = content::k_categories[uniform(m_rng, content::k_categories.size())].category;
    n.title = title();
    // Lengths as in the sample: mostly a few hundred to 1,500 characters, a few long reports.
    const double length = std::exp(std::normal_distribution<double>(std::log(650.0), 0.6)(m_rng));
    n.body = body(static_cast<size_t>(std::clamp(length, 120.0, 8000.0)));
    n.department = word() + "社区居民委员会";
    n.published_at = from + static_cast<int64_t>(uniform(m_rng, static_cast<size_t>(until - from)));
    if (chance(m_rng, 0.08)) {
        n.expires_at = n.published_at + 86400 * static_cast<int64_t>(1 + uniform(m_rng, 60));
    }
    if (chance(m_rng, 0.01)) {
        n.starts_at = until + 86400 * static_cast<int64_t>(1 + uniform(m_rng, 30));
    }
    n.content_hash = content::notice_hash(n);
    return n;
}

}  // namespace bench
