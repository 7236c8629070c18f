// kiosk-layout: lays out a text file with the product's fonts and body style (no first-line
// indent) and prints one laid-out line per output line, to reproduce typesetting bugs.
//
//   kiosk-layout --width 600 --size 32 notice.txt
//   echo '第一段。\n\n第二段。' | kiosk-layout --width 300 --size 30 --json -
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "display/char_class.h"
#include "display/font_metrics.h"
#include "display/layout_style.h"
#include "display/paragraph_layout.h"
#include "display/utf8.h"
#include "fonts/font_set.h"

namespace {

constexpr const char* k_usage =
    "usage: kiosk-layout --width PX --size PX [--font PATH] [--json] FILE|-\n"
    "Lays out FILE (or standard input), paragraphs separated by blank lines, with the kiosk's\n"
    "fonts and body style without the first-line indent, and prints one laid-out line per\n"
    "output line. --json prints one list of {\"text\", \"width\", \"paragraph\"}: the line's\n"
    "text, its set width in pixels before justification (a closing mark at the line end\n"
    "counts half-width), and the paragraph's index from 0.\n"
    "--font replaces the main font (a .ttc of Noto CJK uses its SC face, others face 0).\n";

struct Options {
    float width = 0;
    float size = 0;
    std::string font;
    bool json = false;
    std::string input;
};

std::optional<float> parse_px(const std::string& text) {
    try {
        size_t used = 0;
        const float value = std::stof(text, &used);
        if (used == text.size() && std::isfinite(value) && value > 0) {
            return value;
        }
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::optional<Options> parse(int argc, char** argv, std::string& error) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if ((arg == "--width" || arg == "--size") && has_value) {
            const auto px = parse_px(argv[++i]);
            if (!px) {
                error = arg + " needs a positive number of pixels";
                return std::nullopt;
            }
            (arg == "--width" ? o.width : o.size) = *px;
        } else if (arg == "--font" && has_value) {
            o.font = argv[++i];
        } else if (arg == "--help" || arg == "-h") {
            std::fputs(k_usage, stdout);
            std::exit(0);
        } else if (arg == "--json") {
            o.json = true;
        } else if ((arg == "-" || arg.rfind("--", 0) != 0) && o.input.empty()) {
            o.input = arg;
        } else {
            error = "unexpected argument " + arg;
            return std::nullopt;
        }
    }
    if (o.width <= 0 || o.size <= 0 || o.input.empty()) {
        error = "--width, --size and a FILE (or -) are required";
        return std::nullopt;
    }
    return o;
}

// Paragraphs are separated by blank lines. Inside one, a line break between two CJK
// characters vanishes (社区\n居委会 → 社区居委会) and between Latin words becomes a space.
std::vector<std::string> paragraphs(std::istream& in) {
    std::vector<std::string> out;
    std::string line, current;
    auto flush = [&] {
        if (!current.empty()) {
            out.push_back(current);
        }
        current.clear();
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            flush();
            continue;
        }
        if (!current.empty()) {
            const std::u32string before = display::decode_utf8(current);
            const std::u32string after = display::decode_utf8(line);
            if (!display::is_wide(before.back()) && !display::is_wide(after.front())) {
                current += ' ';
            }
        }
        current += line;
    }
    flush();
    return out;
}

fonts::FontConfig font_config(const std::string& path) {
    fonts::FontConfig config;
    if (!path.empty()) {
        const bool noto_ttc = path.find("CJK") != std::string::npos && path.size() > 4 &&
                              path.substr(path.size() - 4) == ".ttc";
        config.regular = {path, noto_ttc ? 2 : 0};
    }
    return config;
}

double rounded(float px) {
    return std::round(static_cast<double>(px) * 100.0) / 100.0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string error;
    const std::optional<Options> options = parse(argc, argv, error);
    if (!options) {
        std::fprintf(stderr, "kiosk-layout: %s\n%s", error.c_str(), k_usage);
        return 2;
    }
    std::vector<std::string> warnings;
    const auto fonts = fonts::FontSet::open(font_config(options->font), error, warnings);
    if (!fonts) {
        std::fprintf(stderr, "kiosk-layout: %s\n", error.c_str());
        return 1;
    }
    std::vector<std::string> texts;
    if (options->input == "-") {
        texts = paragraphs(std::cin);
    } else {
        std::ifstream file(options->input, std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "kiosk-layout: cannot read %s\n", options->input.c_str());
            return 1;
        }
        texts = paragraphs(file);
    }
    const display::FontSetMetrics metrics(*fonts);
    display::LayoutStyle style = display::notice_style(options->size);
    style.indent = display::FirstLineIndent::None;
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (size_t p = 0; p < texts.size(); ++p) {
        const auto lines =
            display::layout_paragraph(texts[p], metrics, options->size, display::Weight::Regular,
                                      options->width, style.body_options());
        for (const display::Line& line : lines) {
            const std::string text = display::encode_utf8(display::line_text(line));
            if (options->json) {
                list.push_back({{"text", text}, {"width", rounded(line.width)}, {"paragraph", p}});
            } else {
                std::cout << text << '\n';
            }
        }
    }
    if (options->json) {
        std::cout << list.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                  << '\n';
    }
    return 0;
}
