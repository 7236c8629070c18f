// A text cut into the sentences speech reads one at a time, each with its words and syllables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/speech/readings.h"

namespace kiosk::speech {

struct SpokenSentence {
    size_t begin = 0;  // byte range of the sentence in the source text (for read-along)
    size_t end = 0;
    std::string words;                   // the normalised text (numbers as words)
    std::vector<std::string> syllables;  // pinyin with tone numbers, punctuation dropped
    std::string engine_text;             // what the engine is given: syllables with pauses
};

// Sentences end at 。！？；!?; and line breaks (closing quotes stay with their sentence); a run
// longer than k_max_sentence_chars is cut at a comma, or hard, so one 3,000-character string
// never becomes one utterance. Sentences with nothing to say are left out.
inline constexpr size_t k_max_sentence_chars = 120;

std::vector<SpokenSentence> plan_sentences(std::string_view text, const Readings& readings);

}  // namespace kiosk::speech
