// PinyinIme over libgooglepinyin's C-style API (one global decoder per process).
#include "kiosk/input/pinyin_ime.h"

#include <pinyinime.h>

#include <filesystem>
#include <system_error>

#include "content/search/text.h"

#ifndef KIOSK_GOOGLEPINYIN_DICT
#define KIOSK_GOOGLEPINYIN_DICT "/usr/lib/x86_64-linux-gnu/googlepinyin/data/dict_pinyin.dat"
#endif

namespace kiosk {
namespace {

// The decoder is global inside the library.
bool g_decoder_taken = false;

// The decoder's spelling buffer holds this many letters; longer input is cut.
constexpr size_t k_max_letters = 28;

std::string utf8_of(const ime_pinyin::char16* text) {
    std::string out;
    for (const ime_pinyin::char16* p = text; p && *p; ++p) {
        content::append_utf8(
            out, static_cast<char32_t>(*p));  // the dictionary holds BMP characters only
    }
    return out;
}

std::string spelling_of(std::string_view pinyin) {
    std::string out;
    for (char c : pinyin) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        if ((c >= 'a' && c <= 'z') ||
            ((c == '\'' || c == ' ') && !out.empty() && out.back() != '\'')) {
            out += c == ' ' ? '\'' : c;
        }
        if (out.size() == k_max_letters) {
            break;
        }
    }
    return out;
}

}  // namespace

std::string PinyinIme::default_dictionary_path() {
    return KIOSK_GOOGLEPINYIN_DICT;
}

PinyinIme::PinyinIme(std::string dictionary_path) : m_path(std::move(dictionary_path)) {}

PinyinIme::~PinyinIme() {
    if (m_open) {
        ime_pinyin::im_close_decoder();
        g_decoder_taken = false;
    }
}

bool PinyinIme::open() {
    if (m_open) {
        return true;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(m_path, ec)) {
        m_error = "pinyin dictionary " + m_path +
                  " is missing: install the Debian package libgooglepinyin0";
        return false;
    }
    if (g_decoder_taken) {
        m_error = "another PinyinIme is already open (libgooglepinyin has one decoder)";
        return false;
    }
    // An empty user dictionary path: the engine learns nothing and writes no file.
    if (!ime_pinyin::im_open_decoder(m_path.c_str(), "")) {
        m_error = "libgooglepinyin could not load " + m_path + "; reinstall libgooglepinyin0";
        return false;
    }
    g_decoder_taken = true;
    m_open = true;
    m_error.clear();
    return true;
}

std::vector<std::string> PinyinIme::candidates(std::string_view pinyin, size_t max) {
    std::vector<std::string> out;
    for (ImeCandidate& c : candidate_details(pinyin, max)) {
        out.push_back(std::move(c.text));
    }
    return out;
}

std::vector<ImeCandidate> PinyinIme::candidate_details(std::string_view pinyin, size_t max) {
    std::vector<ImeCandidate> out;
    const std::string spelling = spelling_of(pinyin);
    if (!m_open || spelling.empty() || max == 0) {
        return out;
    }
    ime_pinyin::im_reset_search();
    const size_t count = ime_pinyin::im_search(spelling.c_str(), spelling.size());
    const ime_pinyin::uint16* starts = nullptr;
    const size_t syllables = ime_pinyin::im_get_spl_start_pos(starts);
    ime_pinyin::char16 buffer[64];
    for (size_t i = 0; i < count && out.size() < max; ++i) {
        const ime_pinyin::char16* text = ime_pinyin::im_get_candidate(i, buffer, 63);
        ImeCandidate candidate{utf8_of(text), 0};
        if (candidate.text.empty()) {
            continue;
        }
        size_t length = 0;  // in characters: one per syllable
        for (const ime_pinyin::char16* p = text; *p; ++p) {
            ++length;
        }
        candidate.letters = starts && length <= syllables ? starts[length] : spelling.size();
        out.push_back(std::move(candidate));
    }
    return out;
}

}  // namespace kiosk
