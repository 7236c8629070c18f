// An events segment: a signed run of consecutive records of one board, as uploaded.
//
//   {"board":ID,"first":N,"format":"kiosk-events/1","last":M,"prev":HASH[,"unsent_from":K]}
//   one record line per record, seq N..M (event_record.h), each hashed over the one before
//   sig <base64 Ed25519 signature by the board's key over every byte above>
//
// "prev" is the hash of record N-1 (64 zeros before record 1). "unsent_from" is present when the
// board removed records K..N-1 by retention before they could be uploaded: the loss is declared
// and signed, never silent. The object name is
// boards/<board>/events/<first, 12 digits>-<last, 12 digits>.seg, so a segment sent twice is one
// object, and a retry with more records is a new name whose overlap the reader recognises.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/events/event_record.h"
#include "content/events/signed_text.h"

namespace content::events {

inline constexpr std::string_view k_segment_format = "kiosk-events/1";
inline constexpr size_t k_max_segment_bytes = 16 * 1024 * 1024;
inline constexpr size_t k_max_segment_records = 100000;

struct SegmentHeader {
    std::string board;
    uint64_t first = 0;
    uint64_t last = 0;
    std::string prev;
    std::optional<uint64_t> unsent_from;
};

struct Segment {
    SegmentHeader header;
    std::vector<Record> records;
};

// Board ids: 1..64 of [A-Za-z0-9._-], not starting with '.', so they are safe path parts.
bool is_valid_board_id(std::string_view id);

// `record_lines` are encode_record_line() outputs for seq first..last, hashed in order.
std::string encode_segment(const SegmentHeader& header,
                           const std::vector<std::string>& record_lines, const BoardSecretKey& key);

// "boards/hall-1/events/000000000001-000000000120.seg"
std::string segment_object_name(std::string_view board, uint64_t first, uint64_t last);
struct SegmentName {
    uint64_t first = 0;
    uint64_t last = 0;
};
std::optional<SegmentName> parse_segment_file_name(std::string_view file_name);

// The board the (unverified) header names, to pick the key; nullopt when there is none.
std::optional<std::string> peek_segment_board(std::string_view file);

struct SegmentParse {
    std::optional<Segment> segment;
    std::string error;
};
// Verifies the signature with `key`, then the header, every record line, the sequence numbers
// and the hash chain from "prev". Any failure is reported with the line number.
SegmentParse parse_segment(std::string_view file, const BoardPublicKey& key);

}  // namespace content::events
