// The search screen: an on-screen keyboard made for touch and elderly users (pinyin with a
// candidate bar, initials that search as you type, a digit pad), results that update while typing
// with the matches highlighted, 删除 and 清除, the board's hot searches, and advice when nothing
// is found.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/search/searcher.h"
#include "kiosk/input/pinyin_ime.h"
#include "kiosk/navigation.h"
#include "kiosk/screens/ui.h"

namespace kiosk {

// What the screen asks of the search engine and the input method (the App implements it).
class SearchBackend {
public:
    virtual ~SearchBackend() = default;
    virtual bool ime_available() = 0;
    virtual std::vector<kiosk::ImeCandidate> candidates(const std::string& pinyin, size_t max) = 0;
    // nullopt when search is unavailable (no index yet).
    virtual std::optional<content::search::SearchResult> search(const std::string& text,
                                                                size_t offset, size_t limit) = 0;
};

// The text searched for: the committed characters, or while none are chosen yet the letters being
// typed, searched as pinyin, so results follow every key.
std::string search_text(const SearchState& state, SearchBackend& backend);

Screen build_search(const NavState& state, SearchBackend& backend,
                    const std::vector<std::string>& hot_searches, const Theme& theme,
                    const display::FontMetrics& metrics, display::Size size);

}  // namespace kiosk
