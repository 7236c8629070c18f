// Parses the scorer's model file and builds its open-addressing n-gram table.
#include "content/safety/scorer.h"

#include <charconv>
#include <cmath>
#include <optional>

#include "content/safety/unicode.h"
#include "content/text_util.h"
#include "content/utf8.h"

namespace content::safety {
namespace {

constexpr int k_model_version = 1;
constexpr size_t k_max_ngrams = 1'000'000;  // about 12 MB of table: the cap on a model file

std::optional<double> number(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

Scorer Scorer::parse(std::string_view file, std::string_view text,
                     std::vector<Diagnostic>& diagnostics) {
    Scorer s;
    int line_number = 0;
    bool have_version = false, have_threshold = false;
    auto error = [&](std::string message) {
        diagnostics.push_back({std::string(file), line_number, "", std::move(message)});
    };
    for (std::string_view line : split_lines(text)) {
        ++line_number;
        line = trim(line);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const size_t space = line.find(' ');
        const std::string_view word = line.substr(0, space);
        const std::string_view rest =
            space == std::string_view::npos ? "" : trim(line.substr(space));
        const std::optional<double> value = number(rest);
        if (!value) {
            error("expected `key value` or `ngram weight` with a number, as in `官方版 2.31`");
            continue;
        }
        if (word == "version") {
            have_version = true;
            if (*value != k_model_version) {
                error("model version " + std::string(rest) +
                      " is not 1; retrain it with safety-train");
            }
        } else if (word == "window") {
            if (*value < 2 || *value > 32) {
                error("window must be 2 to 32 characters");
            }
            s.m_window = static_cast<int>(*value);
        } else if (word == "threshold") {
            have_threshold = true;
            s.m_threshold = *value;
        } else {
            const std::u32string ngram = content::from_utf8(word);
            if (ngram.size() < 2 || ngram.size() > 3) {
                error("an n-gram is two or three characters: '" + std::string(word) + "'");
            } else if (s.m_pending.size() >= k_max_ngrams) {
                error("more than 1,000,000 n-grams; a model must stay under 20 MB");
                break;
            } else {
                s.add(ngram, static_cast<float>(*value));
            }
        }
    }
    line_number = 0;
    if (!have_version || !have_threshold) {
        error("missing the `version` or `threshold` line; retrain it with safety-train");
    }
    s.finish();
    return s;
}

void Scorer::finish() {
    size_t capacity = 16;
    while (capacity < m_pending.size() * 2) {
        capacity *= 2;
    }
    m_keys.assign(capacity, 0);
    m_weights.assign(capacity, 0);
    m_mask = capacity - 1;
    m_count = 0;
    for (const Pending& p : m_pending) {
        const uint64_t k = p.ngram.size() == 2
                               ? key(symbol(p.ngram[0]), symbol(p.ngram[1]))
                               : key(symbol(p.ngram[0]), symbol(p.ngram[1]), symbol(p.ngram[2]));
        size_t i = hash(k) & m_mask;
        while (m_keys[i] != 0 && m_keys[i] != k) {
            i = (i + 1) & m_mask;
        }
        m_count += m_keys[i] == 0 ? 1 : 0;
        m_keys[i] = k;
        m_weights[i] = p.weight;
    }
    m_pending.clear();
    m_pending.shrink_to_fit();
}

}  // namespace content::safety
