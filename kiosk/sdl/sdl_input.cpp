// SDL events to the app's input events. The mouse stands in for a finger (id -1); SDL's
// synthetic mouse events made from touches are dropped so a touch never counts twice.
#include "kiosk/sdl/sdl_input.h"

namespace kiosk {
namespace {

constexpr int64_t k_mouse_finger = -1;

std::optional<KeyEvent> translate_key(SDL_Keycode key) {
    switch (key) {
        case SDLK_BACKSPACE:
            return KeyEvent{Key::Erase, 0};
        case SDLK_ESCAPE:
        case SDLK_AC_BACK:
            return KeyEvent{Key::Back, 0};
        case SDLK_HOME:
            return KeyEvent{Key::Home, 0};
        case SDLK_LEFT:
        case SDLK_PAGEUP:
            return KeyEvent{Key::Left, 0};
        case SDLK_RIGHT:
        case SDLK_PAGEDOWN:
        case SDLK_SPACE:
            return KeyEvent{Key::Right, 0};
        case SDLK_UP:
            return KeyEvent{Key::Up, 0};
        case SDLK_DOWN:
            return KeyEvent{Key::Down, 0};
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
            return KeyEvent{Key::Enter, 0};
        case SDLK_l:
            return KeyEvent{Key::LargeType, 0};
        default:
            break;
    }
    if (key >= SDLK_0 && key <= SDLK_9) {
        return KeyEvent{Key::Digit, static_cast<int>(key - SDLK_0)};
    }
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9) {
        return KeyEvent{Key::Digit, static_cast<int>(key - SDLK_KP_1 + 1)};
    }
    if (key == SDLK_KP_0) {
        return KeyEvent{Key::Digit, 0};
    }
    return std::nullopt;
}

PointerEvent finger(const SDL_TouchFingerEvent& e, PointerPhase phase, display::Size window) {
    return {phase, static_cast<int64_t>(e.fingerId), e.x * static_cast<float>(window.w),
            e.y * static_cast<float>(window.h), static_cast<int64_t>(e.timestamp)};
}

}  // namespace

std::vector<InputEvent> translate_sdl_event(const SDL_Event& e, display::Size window) {
    std::vector<InputEvent> out;
    switch (e.type) {
        case SDL_QUIT:
            out.push_back(QuitEvent{});
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                e.window.event == SDL_WINDOWEVENT_EXPOSED) {
                out.push_back(ResizeEvent{});
            }
            break;
        case SDL_FINGERDOWN:
            out.push_back(finger(e.tfinger, PointerPhase::Down, window));
            break;
        case SDL_FINGERMOTION:
            out.push_back(finger(e.tfinger, PointerPhase::Move, window));
            break;
        case SDL_FINGERUP:
            out.push_back(finger(e.tfinger, PointerPhase::Up, window));
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT) {
                out.push_back(PointerEvent{
                    e.type == SDL_MOUSEBUTTONDOWN ? PointerPhase::Down : PointerPhase::Up,
                    k_mouse_finger, static_cast<float>(e.button.x), static_cast<float>(e.button.y),
                    static_cast<int64_t>(e.button.timestamp)});
            }
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which != SDL_TOUCH_MOUSEID && (e.motion.state & SDL_BUTTON_LMASK)) {
                out.push_back(PointerEvent{
                    PointerPhase::Move, k_mouse_finger, static_cast<float>(e.motion.x),
                    static_cast<float>(e.motion.y), static_cast<int64_t>(e.motion.timestamp)});
            }
            break;
        case SDL_KEYDOWN:
            if (auto key = translate_key(e.key.keysym.sym)) {
                out.push_back(*key);
            }
            break;
        default:
            break;
    }
    return out;
}

}  // namespace kiosk
