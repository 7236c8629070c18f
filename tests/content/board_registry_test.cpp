// The board registry (boards.toml): boards parse, mistakes name the board and the key.
#include "content/board_registry.h"

#include <doctest/doctest.h>

using content::parse_board_registry;

namespace {
const std::string k_key = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
}

TEST_CASE("registry: boards with names, sizes and keys parse") {
    const auto r = parse_board_registry("boards.toml",
                                        "[[board]]\nid = \"hall-1\"\nname = \"服务大厅\"\n"
                                        "size = \"1920x1080\"\npublic_key = \"" +
                                            k_key + "\"\nheartbeat_minutes = 5\n");
    REQUIRE(r.registry);
    REQUIRE(r.registry->boards.size() == 1);
    const auto* b = r.registry->find("hall-1");
    REQUIRE(b);
    CHECK(b->name == "服务大厅");
    CHECK(b->width == 1920);
    CHECK(b->height == 1080);
    CHECK(b->heartbeat_minutes == 5);
}

TEST_CASE(
    "registry: a bad id, a missing key, a typo and a duplicate are each reported with the line") {
    const auto r = parse_board_registry(
        "boards.toml",
        "[[board]]\nid = \"../x\"\nname = \"a\"\npublic_key = \"" + k_key +
            "\"\n[[board]]\nid = \"b\"\nname = \"b\"\nsize = \"big\"\n"
            "[[board]]\nid = \"c\"\nname = \"c\"\npublic_key = \"" +
            k_key + "\"\nlocaton = \"x\"\n[[board]]\nid = \"c\"\nname = \"c\"\npublic_key = \"" +
            k_key + "\"\n");
    CHECK_FALSE(r.registry);
    std::vector<std::string> fields;
    for (const auto& d : r.diagnostics)
        fields.push_back(d.field);
    CHECK(fields == std::vector<std::string>{"board[1].id", "board[2].public_key", "board[2].size",
                                             "board[3].locaton", "board[4].id"});
    CHECK(r.diagnostics[0].line == 1);
}
