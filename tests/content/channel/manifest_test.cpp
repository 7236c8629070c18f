// manifest.json: round trip, and every malformed or oversized form refused with the field named.
#include <doctest/doctest.h>

#include "content/channel/manifest.h"

using namespace content;
using namespace content::channel;

namespace {

ChannelManifest sample() {
    ChannelManifest m;
    m.channel = "guihuali";
    m.version = 3;
    m.issued = 1795000000;
    m.expires = 1795000000 + 86400;
    m.items = {{"a-notice", std::string(64, 'a'), 120, {"all"}},
               {"b-notice", std::string(64, 'b'), 99, {"guihuali-hall", "gate-1"}}};
    m.assets = {{std::string(64, 'c'), 2048, "image/png"}};
    return m;
}

// Replaces the first occurrence of `from` in the sample's JSON and returns the parse error.
std::string error_after(const std::string& from, const std::string& to) {
    std::string text = manifest_json(sample());
    const size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    const ManifestParse p = parse_manifest(text);
    CHECK_FALSE(p.manifest);
    return p.error;
}

}  // namespace

TEST_CASE("a manifest round-trips through its JSON") {
    const ManifestParse p = parse_manifest(manifest_json(sample()));
    REQUIRE_MESSAGE(p.manifest, p.error);
    CHECK(*p.manifest == sample());
}

TEST_CASE("malformed manifests are refused naming the field") {
    CHECK(error_after("kiosk-channel/1", "kiosk-channel/2").starts_with("format"));
    CHECK(error_after("\"version\":3", "\"version\":-3").starts_with("version"));
    CHECK(error_after("\"version\":3", "\"version\":3.5").starts_with("version"));
    CHECK(error_after("\"version\":3", "\"version\":0").starts_with("version"));
    CHECK(error_after("\"version\":3", "\"version\":\"3\"").starts_with("version"));
    CHECK(error_after("\"channel\":\"guihuali\"", "\"channel\":\"Guihuali!\"")
              .starts_with("channel"));
    CHECK(error_after("\"expires\":1795086400", "\"expires\":1795000000").starts_with("expires"));
    CHECK(error_after("\"id\":\"b-notice\"", "\"id\":\"a-notice\"").find("twice") !=
          std::string::npos);
    CHECK(error_after("\"id\":\"b-notice\"", "\"id\":\"../etc\"").starts_with("items[1].id"));
    CHECK(error_after(std::string(64, 'b'), std::string(63, 'b') + "B")
              .starts_with("items[1].sha256"));
    CHECK(error_after("\"size\":99", "\"size\":0").starts_with("items[1].size"));
    CHECK(error_after("\"size\":99", "\"size\":99999999999").starts_with("items[1].size"));
    CHECK(error_after("\"mime\":\"image/png\"", "\"mime\":\"text/html\"")
              .starts_with("assets[0].mime"));
    CHECK(error_after("\"size\":2048", "\"size\":9000000000").starts_with("assets[0].size"));
    CHECK(error_after("\"guihuali-hall\"", "\"Hall 1\"").starts_with("items[1].boards"));
    CHECK(error_after("\"items\":[", "\"items\":{\"x\":[").find("JSON") != std::string::npos);
    CHECK(error_after("\"assets\":", "\"assetz\":").starts_with("assets: missing"));
}

TEST_CASE("entries that are not objects, lists given twice and too many items are refused") {
    CHECK(error_after("\"items\":[", "\"items\":[7,").starts_with("items"));
    CHECK(error_after("\"assets\":[", "\"assets\":[\"x\",").starts_with("assets"));
    CHECK(error_after("\"assets\":[", "\"items\":[],\"assets\":[").find("twice") !=
          std::string::npos);
    CHECK(error_after("\"items\":[", "\"items\":{\"a\":{\"id\":\"x\"}},\"itemz\":[")
              .starts_with("items"));
    std::string many = "[";
    const std::string one =
        "{\"boards\":[],\"id\":\"n\",\"sha256\":\"" + std::string(64, 'a') + "\",\"size\":1},";
    for (size_t i = 0; i <= k_max_manifest_items; ++i)
        many += one;
    many.back() = ']';
    CHECK(error_after("\"items\":[", "\"items\":" + many + ",\"itemz\":[").find("more than") !=
          std::string::npos);
}

TEST_CASE("oversized, deeply nested and non-JSON manifests are refused before parsing") {
    CHECK(parse_manifest(std::string(k_max_manifest_bytes + 1, ' ')).error.find("larger") !=
          std::string::npos);
    CHECK(parse_manifest(std::string(100000, '[')).error.find("nests") != std::string::npos);
    CHECK_FALSE(parse_manifest("").manifest);
    CHECK_FALSE(parse_manifest("[]").manifest);
    CHECK_FALSE(parse_manifest("{\"format\":\"kiosk-channel/1\"").manifest);
}

TEST_CASE("unknown keys are ignored so a later publisher can add optional fields") {
    std::string text = manifest_json(sample());
    text.insert(1, "\"note\":\"added later\",");
    CHECK(parse_manifest(text).manifest);
}

TEST_CASE("board targeting: empty or 'all' means every board") {
    CHECK(boards_include({}, "guihuali-hall"));
    CHECK(boards_include({"all"}, "guihuali-hall"));
    CHECK(boards_include({"gate-1", "guihuali-hall"}, "guihuali-hall"));
    CHECK_FALSE(boards_include({"gate-1"}, "guihuali-hall"));
}
