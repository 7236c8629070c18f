// The pinyin input method behind the kiosk's keyboard: letters to candidate words through
// libgooglepinyin and its dictionary (Debian: libgooglepinyin0), not a hand-made word list.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct ImeCandidate {
    std::string text;  // UTF-8
    // How many leading characters of the input it stands for, separators included (for input
    // of letters and single separators, as the keyboard produces).
    size_t letters = 0;
};

// libgooglepinyin keeps one decoder per process, so only one PinyinIme can be open at a time; a
// second open() fails and says so. Not thread-safe, like the library.
class PinyinIme {
public:
    // Where libgooglepinyin0 installs its dictionary.
    static std::string default_dictionary_path();

    explicit PinyinIme(std::string dictionary_path = default_dictionary_path());
    ~PinyinIme();
    PinyinIme(const PinyinIme&) = delete;
    PinyinIme& operator=(const PinyinIme&) = delete;

    // False, with error() saying what to do, when the dictionary is missing or unreadable; the
    // keyboard should then offer the initials mode only. Learns nothing and writes no file.
    bool open();
    bool is_open() const { return m_open; }
    const std::string& error() const { return m_error; }

    // Candidates for the letters typed (a-z; ' or a space splits syllables), best first, at most
    // `max`. The first usually covers every letter; later ones may cover only the first
    // syllables (see candidate_details). Empty when closed or nothing matches.
    std::vector<std::string> candidates(std::string_view pinyin, size_t max);
    std::vector<ImeCandidate> candidate_details(std::string_view pinyin, size_t max);

private:
    std::string m_path;
    std::string m_error;
    bool m_open = false;
};

}  // namespace kiosk
