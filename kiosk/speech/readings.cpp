// Dictionary readings for speech (see readings.h).
#include "kiosk/speech/readings.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "content/utf8.h"

namespace kiosk::speech {

namespace data {
extern const char k_char_readings[];
extern const char k_word_readings[];
extern const char k_curated_overrides[];
}  // namespace data

namespace {

constexpr size_t k_longest_word = 7;  // the dictionaries' max_phrase_length

// Spoken names of Latin letters as Mandarin speakers say them (A 诶, B 必, … as syllables).
constexpr std::array<const char*, 26> k_letters = {
    "ei1",     "bi4",          "xi1",         "di4",    "yi4",     "ai2 fu5", "ji4",
    "ai2 qi1", "ai4",          "jie4",        "kai4",   "ai2 ou5", "ai2 mu5", "en1",
    "ou1",     "pi4",          "qiu1",        "a4 er5", "ai2 si1", "ti4",     "you1",
    "wei1",    "da2 bu5 liu5", "ai2 ke4 si1", "wai1",   "zei4"};

std::vector<std::string> split_syllables(std::string_view text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        if (end > start) {
            out.emplace_back(text.substr(start, end - start));
        }
        start = end + 1;
    }
    return out;
}

bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x3134F) || (c >= 0xF900 && c <= 0xFAFF) || c == U'〇';
}

}  // namespace

bool is_tone_syllable(std::string_view s) {
    if (s.size() < 2 || s.size() > 7 || s.back() < '1' || s.back() > '5') {
        return false;
    }
    return std::all_of(s.begin(), s.end() - 1, [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string_view Readings::Table::find(std::string_view key) const {
    auto line_key = [&](uint32_t offset) {
        const char* p = blob + offset;
        const char* tab = std::strchr(p, '\t');
        return std::string_view(p, static_cast<size_t>(tab - p));
    };
    auto it =
        std::lower_bound(lines.begin(), lines.end(), key,
                         [&](uint32_t offset, std::string_view k) { return line_key(offset) < k; });
    if (it == lines.end() || line_key(*it) != key) {
        return {};
    }
    const char* value = blob + *it + key.size() + 1;
    const char* end = std::strchr(value, '\n');
    return {value, static_cast<size_t>(end - value)};
}

Readings::Readings() {
    auto index = [](Table& table, const char* blob) {
        table.blob = blob;
        const char* p = blob;
        while (*p != '\0') {
            table.lines.push_back(static_cast<uint32_t>(p - blob));
            p = std::strchr(p, '\n');
            if (p == nullptr) {
                break;
            }
            ++p;
        }
    };
    index(m_chars, data::k_char_readings);
    index(m_words, data::k_word_readings);
    add_overrides(data::k_curated_overrides);
}

const Readings& Readings::builtin() {
    static const Readings readings;
    return readings;
}

std::vector<OverrideProblem> Readings::add_overrides(std::string_view text) {
    std::vector<OverrideProblem> problems;
    int line_no = 0;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
            line = line.substr(0, hash);
        }
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            continue;
        }
        const size_t tab = line.find('\t');
        if (tab == std::string_view::npos) {
            problems.push_back(
                {line_no, "expected a word, a tab and its pinyin (银行\tyin2 hang2)"});
            continue;
        }
        const std::u32string word = content::from_utf8(line.substr(0, tab));
        std::vector<std::string> syllables = split_syllables(line.substr(tab + 1));
        const bool ok = !word.empty() && syllables.size() == word.size() &&
                        std::all_of(syllables.begin(), syllables.end(),
                                    [](const std::string& s) { return is_tone_syllable(s); });
        if (!ok) {
            problems.push_back({line_no,
                                "give one pinyin syllable with a tone number (1-5) for "
                                "each character, separated by spaces"});
            continue;
        }
        m_longest_override = std::max(m_longest_override, word.size());
        m_overrides[word] = std::move(syllables);
    }
    return problems;
}

std::string_view Readings::character_reading(char32_t c) const {
    std::string key;
    content::append_utf8(key, c);
    return m_chars.find(key);
}

std::vector<Syllable> Readings::read(std::u32string_view text) const {
    std::vector<Syllable> out;
    size_t i = 0;
    while (i < text.size()) {
        const char32_t c = text[i];
        if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) {
            const size_t letter = static_cast<size_t>((c | 0x20) - U'a');
            for (std::string& s : split_syllables(k_letters[letter])) {
                out.push_back({std::move(s), i, SyllableSource::Letter});
            }
            ++i;
            continue;
        }
        if (!is_han(c)) {
            ++i;
            continue;
        }
        // Longest match: overrides first at each length, then the dictionary.
        size_t matched = 0;
        const size_t longest =
            std::min(text.size() - i, std::max(k_longest_word, m_longest_override));
        for (size_t len = longest; len >= 2 && matched == 0; --len) {
            const std::u32string_view piece = text.substr(i, len);
            if (auto it = m_overrides.find(std::u32string(piece)); it != m_overrides.end()) {
                for (size_t k = 0; k < len; ++k) {
                    out.push_back({it->second[k], i + k, SyllableSource::Override});
                }
                matched = len;
                break;
            }
            if (len > k_longest_word) {
                continue;
            }
            const std::string key = content::to_utf8(piece);
            const std::string_view value = m_words.find(key);
            if (!value.empty()) {
                const std::vector<std::string> syllables = split_syllables(value);
                if (syllables.size() == len) {
                    for (size_t k = 0; k < len; ++k) {
                        out.push_back({syllables[k], i + k, SyllableSource::Word});
                    }
                    matched = len;
                }
            }
        }
        if (matched > 0) {
            i += matched;
            continue;
        }
        if (auto it = m_overrides.find(std::u32string(1, c)); it != m_overrides.end()) {
            out.push_back({it->second[0], i, SyllableSource::Override});
        } else if (const std::string_view reading = character_reading(c); !reading.empty()) {
            out.push_back({std::string(reading), i, SyllableSource::Character});
        }
        ++i;
    }
    return out;
}

}  // namespace kiosk::speech
