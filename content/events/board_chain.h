// A board's whole record: its verified segments merged into one chain, with duplicates counted,
// declared losses counted and every break in the chain reported.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "content/events/segment.h"

namespace content::events {

struct ChainProblem {
    std::string object;   // the uploaded file it concerns (empty: the chain as a whole)
    std::string message;  // what is wrong, in words
};

struct BoardChain {
    std::string board;
    std::vector<Record> records;     // each seq once, in order, all hash-linked
    uint64_t duplicate_records = 0;  // seen again in an overlapping or repeated segment
    uint64_t declared_lost = 0;      // removed on the board before upload ("unsent_from"), + Lost
    std::vector<ChainProblem> problems;  // any problem means the chain does not verify
    bool verified() const { return problems.empty(); }
};

struct NamedSegment {
    std::string object;  // where it came from, for messages
    Segment segment;
};

// Merges segments of `board` (already signature- and chain-checked one by one, in any order):
// overlaps must agree record by record, each segment must link to the record before it, and
// records missing between segments are a problem (a segment was removed or never arrived while
// later ones did). Missing records at the end are not a problem: they are not uploaded yet.
BoardChain merge_segments(const std::string& board, std::vector<NamedSegment> segments);

}  // namespace content::events
