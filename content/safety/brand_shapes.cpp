// The brand-shape layer: a name the lists do not know, with a suffix of the trade (娱乐, 体育,
// 棋牌, 电子, 国际, 彩票, 平台), next to a word of the trade (注册, 官网入口, 彩金, 提现…) in the
// same sentence, when the name is not an institution's (中国体育彩票, 全民健身体育, 区体育中心).
#include <algorithm>

#include "content/safety/context.h"

namespace content::safety {
namespace {

constexpr uint32_t k_min_name = 2;      // 金樽娱乐, 九州国际
constexpr uint32_t k_max_name = 4;      // 盛世皇朝娱乐
constexpr uint32_t k_trade_reach = 12;  // characters either side, within the sentence

bool breaks(const SkeletonChar& c, uint8_t flags) {
    return (c.gap & flags) != 0;
}

// How many characters of a name stand right before the suffix, in its clause.
uint32_t name_length(const std::vector<SkeletonChar>& s, uint32_t suffix_start) {
    uint32_t n = 0;
    uint32_t k = suffix_start;
    while (n < k_max_name && k > 0 && !breaks(s[k], k_gap_hard | k_gap_sentence | k_gap_block)) {
        --k;
        ++n;
    }
    return n;
}

// The trade word nearest the suffix in its sentence, or nothing.
const PhraseHit* trade_word(const MatchContext& context, uint32_t from, uint32_t to) {
    const auto& s = context.text().skeleton;
    const uint32_t sentence = context.sentence_of(from);
    const uint32_t low = from > k_trade_reach ? from - k_trade_reach : 0;
    const uint32_t high = std::min<uint32_t>(to + k_trade_reach, static_cast<uint32_t>(s.size()));
    for (const PhraseHit& hit : context.hits()) {
        if (hit.end <= low || hit.start >= high || context.sentence_of(hit.start) != sentence) {
            continue;
        }
        for (const PhraseRef& use : context.rules().uses[hit.phrase]) {
            if (use.use == PhraseUse::TradeWord && context.gaps_ok(hit.start, hit.end)) {
                return &hit;
            }
        }
    }
    return nullptr;
}

}  // namespace

void detect_brand_shapes(const MatchContext& context, std::vector<SafetyFinding>& out) {
    const auto& s = context.text().skeleton;
    for (const PhraseHit& hit : context.hits()) {
        bool suffix = false;
        for (const PhraseRef& use : context.rules().uses[hit.phrase]) {
            suffix = suffix || use.use == PhraseUse::TradeSuffix;
        }
        if (!suffix || !context.gaps_ok(hit.start, hit.end)) {
            continue;
        }
        const uint32_t n = name_length(s, hit.start);
        if (n < k_min_name) {
            continue;
        }
        const uint32_t start = hit.start - n;
        if (context.phrase_in(PhraseUse::Institution, start, hit.end) ||
            context.allowed(start, hit.end) ||
            context.condemned(context.sentence_of(hit.start), "gambling")) {
            continue;
        }
        const PhraseHit* word = trade_word(context, start, hit.end);
        if (word == nullptr) {
            continue;
        }
        const auto& t = context.text();
        SafetyFinding f = context.finding("gambling", std::min(start, word->start),
                                          std::max(hit.end, word->end), "");
        std::string name, suffix_text, word_text;
        for (uint32_t k = start; k < hit.start; ++k) {
            append_utf8(name, t.skeleton[k].cp);
        }
        for (uint32_t k = hit.start; k < hit.end; ++k) {
            append_utf8(suffix_text, t.skeleton[k].cp);
        }
        for (uint32_t k = word->start; k < word->end; ++k) {
            append_utf8(word_text, t.skeleton[k].cp);
        }
        f.term = name + suffix_text + " + " + word_text;
        f.layer = "brand-shape";
        f.reason = "\"" + name + suffix_text +
                   "\" is shaped like a gambling brand (a name the lists "
                   "do not know with the trade suffix \"" +
                   suffix_text +
                   "\", trade.txt) and its "
                   "sentence holds the trade word \"" +
                   word_text + "\"; no institution is named";
        out.push_back(std::move(f));
    }
}

}  // namespace content::safety
