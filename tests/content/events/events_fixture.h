// Test helpers: a board key and chains of records hashed the way the kiosk writes them.
#pragma once

#include <string>
#include <vector>

#include "content/events/segment.h"

namespace events_fixture {

using namespace content::events;

inline std::vector<Record> make_records(uint64_t first, uint64_t count, int64_t at,
                                        std::string previous = k_genesis_hash) {
    std::vector<Record> out;
    for (uint64_t i = 0; i < count; ++i) {
        Record r;
        r.seq = first + i;
        r.at = at + static_cast<int64_t>(i) * 60;
        if (i % 3 == 0) {
            r.kind = Kind::Display;
            r.notice = "finance-q3";
            r.detail = "open";
            r.from = r.at - 30;
            r.to = r.at;
        } else if (i % 3 == 1) {
            r.kind = Kind::View;
            r.notice = "finance-q3";
        } else {
            r.kind = Kind::Rating;
            r.notice = "finance-q3";
            r.level = 4;
            r.reasons = {"内容看不懂"};
            r.comment = "字太小，看不清";
        }
        r.hash = record_hash(r, previous);
        previous = r.hash;
        out.push_back(r);
    }
    return out;
}

inline std::vector<std::string> lines_of(const std::vector<Record>& records) {
    std::vector<std::string> out;
    for (const auto& r : records)
        out.push_back(encode_record_line(r));
    return out;
}

inline std::string make_segment(const std::string& board, const std::vector<Record>& records,
                                const BoardSecretKey& key, const std::string& prev) {
    SegmentHeader h;
    h.board = board;
    h.first = records.front().seq;
    h.last = records.back().seq;
    h.prev = prev;
    return encode_segment(h, lines_of(records), key);
}

}  // namespace events_fixture
