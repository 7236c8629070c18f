// Events segments: what verifies, and every way an uploaded segment can be wrong.
#include "content/events/segment.h"

#include <doctest/doctest.h>

#include "content/events/board_chain.h"
#include "tests/content/events/events_fixture.h"

using namespace content::events;
using namespace events_fixture;
namespace minisign = content::channel::minisign;

namespace {
constexpr int64_t k_t0 = 1782864000;  // 2026-07-01 08:00 Beijing

std::string flip_text(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}
}  // namespace

TEST_CASE("a segment round-trips with every record field and verifies with the board key") {
    const auto key = minisign::generate_secret_key();
    const auto records = make_records(1, 9, k_t0);
    const auto file = make_segment("hall-1", records, key, k_genesis_hash);
    const auto parsed = parse_segment(file, key.public_key());
    REQUIRE_MESSAGE(parsed.segment, parsed.error);
    CHECK(parsed.segment->header.board == "hall-1");
    CHECK(parsed.segment->header.first == 1);
    CHECK(parsed.segment->header.last == 9);
    CHECK(parsed.segment->records == records);
    CHECK(peek_segment_board(file) == "hall-1");
}

TEST_CASE("a segment signed by another board's key does not verify") {
    const auto key = minisign::generate_secret_key();
    const auto other = minisign::generate_secret_key();
    const auto file = make_segment("hall-1", make_records(1, 3, k_t0), key, k_genesis_hash);
    const auto parsed = parse_segment(file, other.public_key());
    CHECK_FALSE(parsed.segment);
    CHECK(parsed.error.find("signature does not match") != std::string::npos);
}

TEST_CASE("an edited segment fails: a changed rating, even with the signature line kept") {
    const auto key = minisign::generate_secret_key();
    const auto file = make_segment("hall-1", make_records(1, 3, k_t0), key, k_genesis_hash);
    const auto edited = flip_text(file, "\"level\":4", "\"level\":1");
    CHECK_FALSE(parse_segment(edited, key.public_key()).segment);
}

TEST_CASE("a record edited and re-signed by the board's key still breaks the hash chain") {
    // The chain is made when the kiosk writes; a later rewrite of one record shows even when the
    // segment is signed again (for example by a compromised uploader).
    const auto key = minisign::generate_secret_key();
    auto records = make_records(1, 3, k_t0);
    records[2].level = 1;  // hash left as it was
    const auto parsed =
        parse_segment(make_segment("hall-1", records, key, k_genesis_hash), key.public_key());
    REQUIRE_FALSE(parsed.segment);
    CHECK(parsed.error == "line 4: record 3 does not match its hash chain (edited)");
}

TEST_CASE("a truncated segment is refused, whether cut inside a record or before the signature") {
    const auto key = minisign::generate_secret_key();
    const auto file = make_segment("hall-1", make_records(1, 5, k_t0), key, k_genesis_hash);
    for (const size_t cut : {file.size() - 1, file.size() / 2, size_t{10}, size_t{0}}) {
        const auto parsed = parse_segment(file.substr(0, cut), key.public_key());
        CHECK_FALSE(parsed.segment);
        CHECK(parsed.error.find("truncated") != std::string::npos);
    }
}

TEST_CASE("records reordered or repeated inside a segment are refused with the line") {
    const auto key = minisign::generate_secret_key();
    auto records = make_records(1, 4, k_t0);
    std::swap(records[1], records[2]);
    const auto reordered =
        parse_segment(make_segment("hall-1", records, key, k_genesis_hash), key.public_key());
    REQUIRE_FALSE(reordered.segment);
    CHECK(reordered.error.find("line 3: record 3 where 2 belongs") == 0);

    auto repeated = make_records(1, 4, k_t0);
    repeated[2] = repeated[1];
    SegmentHeader h{"hall-1", 1, 4, k_genesis_hash, std::nullopt};
    const auto parsed = parse_segment(encode_segment(h, lines_of(repeated), key), key.public_key());
    CHECK_FALSE(parsed.segment);
}

TEST_CASE("a header claiming more records than it holds is truncated") {
    const auto key = minisign::generate_secret_key();
    SegmentHeader h{"hall-1", 1, 5, k_genesis_hash, std::nullopt};
    const auto parsed =
        parse_segment(encode_segment(h, lines_of(make_records(1, 4, k_t0)), key), key.public_key());
    REQUIRE_FALSE(parsed.segment);
    CHECK(parsed.error == "the segment ends at record 4, its header says 5 (truncated)");
}

TEST_CASE("segment object names are fixed-width and parse back") {
    CHECK(segment_object_name("hall-1", 1, 120) ==
          "boards/hall-1/events/000000000001-000000000120.seg");
    const auto name = parse_segment_file_name("000000000001-000000000120.seg");
    REQUIRE(name);
    CHECK(name->first == 1);
    CHECK(name->last == 120);
    CHECK_FALSE(parse_segment_file_name("1-120.seg"));
    CHECK_FALSE(parse_segment_file_name("00000000000a-000000000120.seg"));
    CHECK_FALSE(is_valid_board_id("../etc"));
    CHECK_FALSE(is_valid_board_id(""));
    CHECK(is_valid_board_id("guihuali-hall_2.east"));
}

TEST_CASE("clocks at 1970 and 2099 are recorded as implausible, a jump as jumped") {
    CHECK(classify_clock({0, 5}, std::nullopt) == ClockState::Implausible);
    CHECK(classify_clock({4070908800, 5}, std::nullopt) == ClockState::Implausible);  // 2099
    CHECK(classify_clock({k_t0, 100}, ClockSample{k_t0 - 60, 40}) == ClockState::Trusted);
    CHECK(classify_clock({k_t0 + 3600, 100}, ClockSample{k_t0 - 60, 40}) == ClockState::Jumped);
    CHECK(classify_clock({k_t0 - 3600, 100}, ClockSample{k_t0, 40}) == ClockState::Jumped);

    // Such records still chain and verify; the state travels with them.
    const auto key = minisign::generate_secret_key();
    auto records = make_records(1, 2, 0);
    records[0].clock = ClockState::Implausible;
    records[1].at = 4070908800;
    records[1].clock = ClockState::Implausible;
    records[0].hash = record_hash(records[0], k_genesis_hash);
    records[1].hash = record_hash(records[1], records[0].hash);
    const auto parsed =
        parse_segment(make_segment("hall-1", records, key, k_genesis_hash), key.public_key());
    REQUIRE_MESSAGE(parsed.segment, parsed.error);
    CHECK(parsed.segment->records[0].clock == ClockState::Implausible);
    CHECK(parsed.segment->records[1].at == 4070908800);
}

TEST_CASE("record lines with wrong types or oversized text are refused, never thrown") {
    CHECK(parse_record_line("[]").error == "not a JSON object");
    CHECK(parse_record_line("{\"seq\":\"1\"}").error == "field 'seq' must be an integer");
    const std::string big(k_max_comment_bytes + 1, 'x');
    const auto line =
        "{\"seq\":1,\"at\":1,\"clock\":\"trusted\",\"kind\":\"rating\",\"level\":2,"
        "\"comment\":\"" +
        big + "\",\"h\":\"" + std::string(64, 'a') + "\"}";
    CHECK(parse_record_line(line).error.find("'comment'") != std::string::npos);
    CHECK(parse_record_line("{\"seq\":1,\"at\":1,\"clock\":\"trusted\",\"kind\":\"rating\","
                            "\"level\":9,\"h\":\"" +
                            std::string(64, 'a') + "\"}")
              .error == "field 'level' must be 1..5");
    CHECK(
        parse_record_line("{\"seq\":1,\"at\":1,\"clock\":\"sometimes\",\"kind\":\"view\"}").error ==
        "unknown clock state 'sometimes'");
}
