// Merging a board's uploaded segments: duplicates recognised, gaps and forks reported.
#include "content/events/board_chain.h"

#include <doctest/doctest.h>

#include "tests/content/events/events_fixture.h"

using namespace content::events;
using namespace events_fixture;
namespace minisign = content::channel::minisign;

namespace {
constexpr int64_t k_t0 = 1782864000;

NamedSegment named(const std::string& board, const std::vector<Record>& records, std::string prev,
                   const BoardSecretKey& key, std::optional<uint64_t> unsent_from = std::nullopt) {
    SegmentHeader h{board, records.front().seq, records.back().seq, prev, unsent_from};
    auto parsed = parse_segment(encode_segment(h, lines_of(records), key), key.public_key());
    REQUIRE_MESSAGE(parsed.segment, parsed.error);
    return {segment_object_name(board, h.first, h.last), std::move(*parsed.segment)};
}

std::vector<Record> slice(const std::vector<Record>& all, uint64_t first, uint64_t last) {
    return {all.begin() + static_cast<long>(first - 1), all.begin() + static_cast<long>(last)};
}
}  // namespace

TEST_CASE("segments in any order, overlapping and sent twice, give every record exactly once") {
    const auto key = minisign::generate_secret_key();
    const auto all = make_records(1, 30, k_t0);
    std::vector<NamedSegment> segments;
    segments.push_back(named("b", slice(all, 21, 30), all[19].hash, key));
    segments.push_back(named("b", slice(all, 1, 10), k_genesis_hash, key));
    segments.push_back(named("b", slice(all, 1, 10), k_genesis_hash, key));  // sent twice
    segments.push_back(named("b", slice(all, 5, 20), all[3].hash, key));     // retry with more
    const auto chain = merge_segments("b", std::move(segments));
    CHECK(chain.verified());
    REQUIRE(chain.records.size() == 30);
    for (size_t i = 0; i < 30; ++i)
        CHECK(chain.records[i].seq == i + 1);
    CHECK(chain.duplicate_records == 16);  // 10 again, then 5..10 again
}

TEST_CASE("a removed middle segment is a missing-records problem; a missing tail is not") {
    const auto key = minisign::generate_secret_key();
    const auto all = make_records(1, 30, k_t0);
    std::vector<NamedSegment> segments;
    segments.push_back(named("b", slice(all, 1, 10), k_genesis_hash, key));
    segments.push_back(named("b", slice(all, 21, 30), all[19].hash, key));
    const auto chain = merge_segments("b", std::move(segments));
    REQUIRE(chain.problems.size() == 1);
    CHECK(chain.problems[0].message.find("records 11..20 are missing") == 0);

    std::vector<NamedSegment> head;
    head.push_back(named("b", slice(all, 1, 10), k_genesis_hash, key));
    CHECK(merge_segments("b", std::move(head)).verified());
}

TEST_CASE("a segment from another chain (a reset or forged board) does not link") {
    const auto key = minisign::generate_secret_key();
    const auto all = make_records(1, 20, k_t0);
    const auto other = make_records(11, 10, k_t0 + 5, std::string(64, 'f'));
    std::vector<NamedSegment> segments;
    segments.push_back(named("b", slice(all, 1, 10), k_genesis_hash, key));
    segments.push_back(named("b", other, std::string(64, 'f'), key));
    const auto chain = merge_segments("b", std::move(segments));
    REQUIRE(chain.problems.size() == 1);
    CHECK(chain.problems[0].message.find("does not link to record 10") == 0);
}

TEST_CASE("an overlapping segment whose copy of a record differs is reported as edited") {
    const auto key = minisign::generate_secret_key();
    const auto all = make_records(1, 10, k_t0);
    auto forged = make_records(1, 10, k_t0 + 1);
    std::vector<NamedSegment> segments;
    segments.push_back(named("b", all, k_genesis_hash, key));
    segments.push_back(named("b", slice(forged, 1, 10), k_genesis_hash, key));
    const auto chain = merge_segments("b", std::move(segments));
    REQUIRE_FALSE(chain.verified());
    CHECK(chain.problems[0].message.find("differs from the same record") != std::string::npos);
}

TEST_CASE("records the board declared unsent are counted, not a failure") {
    const auto key = minisign::generate_secret_key();
    const auto all = make_records(1, 30, k_t0);
    std::vector<NamedSegment> segments;
    segments.push_back(named("b", slice(all, 1, 10), k_genesis_hash, key));
    segments.push_back(named("b", slice(all, 21, 30), all[19].hash, key, 11));
    const auto chain = merge_segments("b", std::move(segments));
    CHECK(chain.verified());
    CHECK(chain.declared_lost == 10);
    CHECK(chain.records.size() == 20);
}

TEST_CASE("a segment naming another board inside this board's folder is refused") {
    const auto key = minisign::generate_secret_key();
    std::vector<NamedSegment> segments;
    segments.push_back(named("intruder", make_records(1, 3, k_t0), k_genesis_hash, key));
    const auto chain = merge_segments("b", std::move(segments));
    REQUIRE_FALSE(chain.verified());
    CHECK(chain.problems[0].message == "the segment belongs to board 'intruder', not 'b'");
}
