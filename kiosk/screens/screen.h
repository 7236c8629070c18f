// A built screen: what to draw and where the touch targets are.
#pragma once

#include <string>
#include <vector>

#include "display/draw_list.h"

namespace kiosk {

enum class ActionKind {
    None,
    OpenCategory,  // target: category key
    OpenNotice,    // target: notice id
    Back,
    Home,
    PageNext,
    PagePrev,
    ToggleLargeType,
    Stay,      // the idle warning's "继续浏览"
    PinDigit,  // target: "0".."9"
    PinErase,
    OpenTouchTest,
    TouchCell,  // target: cell index
    ExitTechnician,
    OpenSearch,
    TypeLetter,     // target: "a".."z"
    TypeDigit,      // target: "0".."9"
    PickCandidate,  // target: "<letters consumed>:<text>"
    SearchErase,
    SearchClear,
    SearchMode,  // target: "pinyin", "initials" or "digits"
    HotSearch,   // target: the words
};

struct Action {
    ActionKind kind = ActionKind::None;
    std::string target;
    bool operator==(const Action&) const = default;
};

struct TouchTarget {
    display::Rect rect;
    Action action;
    std::string label;
};

struct Screen {
    std::string name;  // "home", "category", "notice", "attract", "pin", "technician", ...
    display::DrawList draw;
    std::vector<TouchTarget> targets;
    int page = 0;        // the page shown, after clamping
    int page_count = 1;  // pages of the list or the notice
    int missing_glyphs = 0;

    // The topmost target under a point, or nullptr.
    const TouchTarget* hit(float x, float y) const {
        for (auto it = targets.rbegin(); it != targets.rend(); ++it) {
            if (it->rect.contains(x, y)) {
                return &*it;
            }
        }
        return nullptr;
    }
};

}  // namespace kiosk
