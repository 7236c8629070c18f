// A built screen: what to draw and where the touch targets are.
#pragma once

#include <string>
#include <vector>

#include "display/draw_list.h"

namespace kiosk {

enum class ActionKind { None, OpenCategory, OpenNotice, Back, Home, PageNext, PagePrev, ToggleLargeType, Stay };

struct Action {
    ActionKind kind = ActionKind::None;
    std::string target;  // category key or notice id
    bool operator==(const Action&) const = default;
};

struct TouchTarget {
    display::Rect rect;
    Action action;
    std::string label;
};

struct Screen {
    std::string name;  // "home", "category", "notice", ...
    display::DrawList draw;
    std::vector<TouchTarget> targets;
};

}  // namespace kiosk
