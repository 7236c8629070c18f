// Parsing of scripted sessions, pure.
#include "kiosk/script.h"

#include <sstream>

#include "kiosk/options.h"

namespace kiosk {
namespace {

std::optional<KeyEvent> parse_key(const std::string& name) {
    if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') {
        return KeyEvent{Key::Digit, name[0] - '0'};
    }
    const std::pair<const char*, Key> names[] = {
        {"back", Key::Back},   {"home", Key::Home},       {"left", Key::Left},
        {"right", Key::Right}, {"up", Key::Up},           {"down", Key::Down},
        {"enter", Key::Enter}, {"large", Key::LargeType}, {"erase", Key::Erase}};
    for (const auto& [n, k] : names) {
        if (name == n) {
            return KeyEvent{k, 0};
        }
    }
    return std::nullopt;
}

bool numbers(std::istringstream& in, std::initializer_list<float*> out) {
    for (float* f : out) {
        if (!(in >> *f)) {
            return false;
        }
    }
    return true;
}

std::string rest_of(std::istringstream& in) {
    std::string rest;
    std::getline(in, rest);
    const size_t first = rest.find_first_not_of(' ');
    return first == std::string::npos ? "" : rest.substr(first);
}

// Parses one non-empty line; returns an error message or "".
std::string parse_line(const std::string& verb, std::istringstream& in, ScriptStep& step) {
    float ms = 0;
    if (verb == "size") {
        std::string text;
        in >> text;
        auto size = parse_size(text);
        if (!size)
            return "size needs WIDTHxHEIGHT, such as 1920x1080";
        step.kind = StepKind::Size;
        step.size = *size;
    } else if (verb == "tap") {
        step.kind = StepKind::Tap;
        if (!numbers(in, {&step.x, &step.y}))
            return "tap needs X Y";
    } else if (verb == "tap-target") {
        step.kind = StepKind::TapTarget;
        step.text = rest_of(in);
        if (step.text.empty())
            return "tap-target needs the text of a target's label";
    } else if (verb == "long-press") {
        step.kind = StepKind::LongPress;
        if (!numbers(in, {&step.x, &step.y, &ms}) || ms <= 0)
            return "long-press needs X Y MS";
        step.ms = static_cast<int64_t>(ms);
    } else if (verb == "swipe") {
        step.kind = StepKind::Swipe;
        if (!numbers(in, {&step.x, &step.y, &step.x2, &step.y2}))
            return "swipe needs X1 Y1 X2 Y2 [MS]";
        step.ms = (in >> ms) ? static_cast<int64_t>(ms) : 250;
    } else if (verb == "key") {
        std::string name;
        in >> name;
        auto key = parse_key(name);
        if (!key)
            return "unknown key '" + name +
                   "'; use back, home, left, right, up, down, enter, large, erase or 0-9";
        step.kind = StepKind::Key;
        step.key = *key;
    } else if (verb == "wait") {
        step.kind = StepKind::Wait;
        if (!(in >> ms) || ms < 0)
            return "wait needs a time in milliseconds";
        step.ms = static_cast<int64_t>(ms);
    } else if (verb == "screenshot" || verb == "expect-screen" || verb == "expect-text") {
        step.kind = verb == "screenshot"      ? StepKind::Screenshot
                    : verb == "expect-screen" ? StepKind::ExpectScreen
                                              : StepKind::ExpectText;
        step.text = rest_of(in);
        if (step.text.empty())
            return verb + " needs an argument";
    } else if (verb == "expect-no-missing-glyphs") {
        step.kind = StepKind::ExpectNoMissingGlyphs;
    } else if (verb == "log-memory") {
        step.kind = StepKind::LogMemory;
    } else if (verb == "repeat") {
        step.kind = StepKind::Repeat;
        if (!(in >> step.count) || step.count < 1 || step.count > 1000000)
            return "repeat needs a count";
    } else if (verb == "end") {
        step.kind = StepKind::Repeat;
        step.count = 0;  // marks the end of a repeat block
    } else {
        return "unknown step '" + verb + "'";
    }
    return "";
}

}  // namespace

ParsedScript parse_script(const std::string& file, const std::string& text) {
    ParsedScript out;
    std::istringstream lines(text);
    std::string raw;
    int number = 0;
    while (std::getline(lines, raw)) {
        ++number;
        const size_t hash = raw.find('#');
        const std::string line = hash == std::string::npos ? raw : raw.substr(0, hash);
        std::istringstream in(line);
        std::string verb;
        if (!(in >> verb)) {
            continue;
        }
        ScriptStep step;
        step.line = number;
        const std::string error = parse_line(verb, in, step);
        if (!error.empty()) {
            out.errors.push_back(file + ":" + std::to_string(number) + ": " + error);
        } else {
            out.steps.push_back(step);
        }
    }
    // Pair each repeat with its end.
    std::vector<size_t> open;
    for (size_t i = 0; i < out.steps.size(); ++i) {
        ScriptStep& step = out.steps[i];
        if (step.kind != StepKind::Repeat) {
            continue;
        }
        if (step.count > 0) {
            open.push_back(i);
        } else if (open.empty()) {
            out.errors.push_back(file + ":" + std::to_string(step.line) + ": end without repeat");
        } else {
            out.steps[open.back()].end = i;
            step.end = open.back();
            open.pop_back();
        }
    }
    for (size_t i : open) {
        out.errors.push_back(file + ":" + std::to_string(out.steps[i].line) +
                             ": repeat without end");
    }
    return out;
}

}  // namespace kiosk
