// Test fixture: the product's fonts (fonts-noto-cjk and the fallbacks, see ./dev deps), loaded
// once per test process.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "display/font_metrics.h"
#include "fonts/font_set.h"

namespace test_display {

inline const fonts::FontSet& real_fonts() {
    static std::unique_ptr<fonts::FontSet> fonts = [] {
        std::string error;
        std::vector<std::string> warnings;
        auto set = fonts::FontSet::open(fonts::FontConfig{}, error, warnings);
        if (!set) {
            FAIL("the product's fonts are missing (run ./dev deps): ", error);
        }
        return set;
    }();
    return *fonts;
}

inline const display::FontMetrics& real_metrics() {
    static const display::FontSetMetrics metrics(real_fonts());
    return metrics;
}

}  // namespace test_display
