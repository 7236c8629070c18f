// Merging a board's segments into one verified chain.
#include "content/events/board_chain.h"

#include <algorithm>

namespace content::events {
namespace {

// Adds the records of `s` beyond the chain's tip, after checking the overlap and the link.
void add_segment(BoardChain& chain, std::string& tip_hash, NamedSegment& named) {
    Segment& s = named.segment;
    const uint64_t tip = chain.records.empty() ? 0 : chain.records.back().seq;
    if (s.header.board != chain.board) {
        chain.problems.push_back({named.object, "the segment belongs to board '" + s.header.board +
                                                    "', not '" + chain.board + "'"});
        return;
    }
    if (s.header.first > tip + 1) {
        const bool declared = s.header.unsent_from && *s.header.unsent_from <= tip + 1;
        if (!declared) {
            chain.problems.push_back(
                {named.object, "records " + std::to_string(tip + 1) + ".." +
                                   std::to_string(s.header.first - 1) +
                                   " are missing before this segment (a segment was removed or "
                                   "lost; later ones arrived)"});
            return;
        }
        chain.declared_lost += s.header.first - (tip + 1);
    } else if (s.header.first == tip + 1 && s.header.prev != tip_hash) {
        chain.problems.push_back({named.object, "does not link to record " + std::to_string(tip) +
                                                    " (a different chain: forged or reset board)"});
        return;
    }
    for (auto& r : s.records) {
        if (r.seq <= tip) {
            const auto known =
                std::lower_bound(chain.records.begin(), chain.records.end(), r.seq,
                                 [](const Record& k, uint64_t seq) { return k.seq < seq; });
            if (known == chain.records.end() || known->seq != r.seq || known->hash != r.hash) {
                chain.problems.push_back({named.object, "record " + std::to_string(r.seq) +
                                                            " differs from the same record in "
                                                            "another segment (edited)"});
                return;
            }
            ++chain.duplicate_records;
            continue;
        }
        if (r.kind == Kind::Lost)
            chain.declared_lost += r.count;
        tip_hash = r.hash;
        chain.records.push_back(std::move(r));
    }
}

}  // namespace

BoardChain merge_segments(const std::string& board, std::vector<NamedSegment> segments) {
    BoardChain chain;
    chain.board = board;
    std::sort(segments.begin(), segments.end(), [](const NamedSegment& a, const NamedSegment& b) {
        if (a.segment.header.first != b.segment.header.first)
            return a.segment.header.first < b.segment.header.first;
        return a.segment.header.last > b.segment.header.last;
    });
    std::string tip_hash = k_genesis_hash;
    for (auto& named : segments)
        add_segment(chain, tip_hash, named);
    return chain;
}

}  // namespace content::events
