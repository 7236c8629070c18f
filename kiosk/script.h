// Scripted sessions: a file of steps that drives the kiosk headless, for CI and the demo tour.
//
//   # comments and blank lines are ignored
//   size 1920x1080            display size from here on
//   tap 960 540               a tap at logical pixels
//   tap-target 财务           a tap in the middle of the first target whose label contains the text
//   long-press 20 20 5200     hold still for 5.2 s
//   swipe 1500 600 300 600    a swipe (optional duration in ms, default 250)
//   key back                  back, home, left, right, up, down, enter, large, erase, 0..9
//   wait 91000                let time pass (idle, attract)
//   screenshot out/home.png
//   expect-screen notice      fails the run unless this screen is shown
//   expect-text 第 1 /        fails unless some drawn text contains this
//   expect-no-missing-glyphs  fails if any drawn character had no font
//   log-memory                logs the resident memory (for soak runs)
//   repeat 100                runs the steps after it up to `end` 100 times
//   end
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "display/geometry.h"
#include "kiosk/input/input_event.h"

namespace kiosk {

enum class StepKind {
    Size,
    Tap,
    TapTarget,
    LongPress,
    Swipe,
    Key,
    Wait,
    Screenshot,
    ExpectScreen,
    ExpectText,
    ExpectNoMissingGlyphs,
    LogMemory,
    Repeat
};

struct ScriptStep {
    StepKind kind = StepKind::Wait;
    int line = 0;
    float x = 0, y = 0, x2 = 0, y2 = 0;
    int64_t ms = 0;
    KeyEvent key;
    display::Size size;
    std::string text;  // path, screen name, target label or expected text
    int count = 0;     // repeat
    size_t end = 0;    // repeat: index of the matching end step
};

struct ParsedScript {
    std::vector<ScriptStep> steps;
    std::vector<std::string> errors;  // "FILE:LINE: what is wrong"
};

ParsedScript parse_script(const std::string& file, const std::string& text);

}  // namespace kiosk
