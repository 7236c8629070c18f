// Term generation for the search index (see terms.h).
#include "content/search/terms.h"

#include <array>

#include "content/search/readings.h"
#include "content/search/text.h"
#include "content/utf8.h"

namespace content::search {
namespace {

// Enough for the readings of any character (the most polyphonic have a handful).
constexpr size_t k_max_spellings = 16;

struct Spellings {
    std::array<std::string_view, k_max_spellings> items{};
    size_t size = 0;
};

// "a#" … "z#": a Latin letter spelled as a reading.
std::string_view letter_spelling(char32_t c) {
    static const std::array<std::string, 26> spelled = [] {
        std::array<std::string, 26> out;
        for (size_t i = 0; i < out.size(); ++i) {
            out[i] = std::string(1, static_cast<char>('a' + i)) + k_letter_rest;
        }
        return out;
    }();
    return spelled[c - U'a'];
}

// How a character can be typed as one piece of pinyin; none for anything else.
Spellings spellings(char32_t c) {
    Spellings out;
    if (is_ascii_letter(c)) {
        out.items[out.size++] = letter_spelling(c);
        return out;
    }
    const pinyin::Readings readings = pinyin::readings(c);
    for (size_t r = 0; r < readings.size() && out.size < k_max_spellings; ++r) {
        out.items[out.size++] = pinyin::syllable_text(readings[r]);
    }
    return out;
}

class Emitter {
public:
    Emitter(const TermSink& sink, size_t begin) : m_sink(sink), m_begin(begin) {}
    // `length`: how many characters the term covers.
    bool operator()(std::string_view term, TermPosition position, size_t length) {
        return m_sink.emit(term, position, m_begin, m_begin + length);
    }

private:
    const TermSink& m_sink;
    size_t m_begin;
};

bool emit_singles(char32_t c, Emitter& emit) {
    if (is_ascii_letter(c)) {
        const char letter = static_cast<char>(c);
        return emit(initial_term(std::string_view(&letter, 1)), TermPosition::Same, 1);
    }
    const pinyin::Readings readings = pinyin::readings(c);
    for (size_t r = 0; r < readings.size(); ++r) {
        if (!emit(syllable_term(pinyin::syllable_text(readings[r])), TermPosition::Same, 1)) {
            return false;
        }
    }
    // Each initial once, however many readings share it.
    uint32_t seen = 0;
    bool seen_h[3] = {false, false, false};
    for (size_t r = 0; r < readings.size(); ++r) {
        const std::string_view s = pinyin::syllable_text(readings[r]);
        const uint32_t bit = 1u << (s[0] - 'a');
        if ((seen & bit) == 0) {
            seen |= bit;
            if (!emit(initial_term(s.substr(0, 1)), TermPosition::Same, 1)) {
                return false;
            }
        }
        const size_t h = s[0] == 'z' ? 0 : s[0] == 'c' ? 1 : s[0] == 's' ? 2 : 3;
        if (h < 3 && s.size() > 1 && s[1] == 'h' && !seen_h[h]) {
            seen_h[h] = true;  // zh ch sh
            if (!emit(initial_term(s.substr(0, 2)), TermPosition::Same, 1)) {
                return false;
            }
        }
    }
    return true;
}

bool emit_pairs(char32_t c, char32_t d, Emitter& emit) {
    if (!emit(bigram_term(c, d), TermPosition::Same, 2)) {
        return false;
    }
    const Spellings here = spellings(c);
    if (here.size == 0) {
        return true;
    }
    const Spellings next = spellings(d);
    for (size_t r = 0; r < here.size; ++r) {
        for (size_t s = 0; s < next.size; ++s) {
            if (!emit(reading_pair_term(here.items[r], next.items[s]), TermPosition::Same, 2)) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

std::string char_term(char32_t c) {
    std::string out;
    append_utf8(out, c);
    return out;
}

std::string bigram_term(char32_t a, char32_t b) {
    std::string out;
    append_utf8(out, a);
    append_utf8(out, b);
    return out;
}

std::string reading_pair_term(std::string_view a, std::string_view b) {
    std::string out;
    out.reserve(a.size() + b.size() + 2);
    out += k_pair_mark;
    out += a[0];
    out += b[0];
    out.append(a.substr(1));
    out += k_rest_separator;
    out.append(b.substr(1));
    return out;
}

std::string syllable_term(std::string_view syllable) {
    return std::string(1, k_syllable_mark).append(syllable);
}

std::string initial_term(std::string_view initial) {
    return std::string(1, k_initial_mark).append(initial);
}

bool emit_terms(std::u32string_view folded, Field field, const TermSink& sink) {
    for (size_t i = 0; i < folded.size(); ++i) {
        const char32_t c = folded[i];
        if (is_separator(c)) {
            continue;
        }
        Emitter emit(sink, i);
        if (!emit(char_term(c), TermPosition::Next, 1)) {
            return false;
        }
        if (field == Field::Title && !emit_singles(c, emit)) {
            return false;
        }
        if (i + 1 < folded.size() && !is_separator(folded[i + 1]) &&
            !emit_pairs(c, folded[i + 1], emit)) {
            return false;
        }
    }
    return true;
}

}  // namespace content::search
