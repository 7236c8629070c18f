// The only file that sees SDL_Event: touch fingers, the mouse and the keyboard become the app's
// own pointer and key events, in physical pixels.
#pragma once

#include <SDL.h>

#include <optional>
#include <variant>
#include <vector>

#include "display/geometry.h"
#include "kiosk/input/input_event.h"

namespace kiosk {

struct QuitEvent {};
struct ResizeEvent {};

using InputEvent = std::variant<PointerEvent, KeyEvent, QuitEvent, ResizeEvent>;

// `window` is the physical size of the output in pixels (touch coordinates come normalised).
std::vector<InputEvent> translate_sdl_event(const SDL_Event& event, display::Size window);

}  // namespace kiosk
