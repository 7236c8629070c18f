// The sample community is the fixture set: every notice loads, and it has what the tests and the
// demo rely on (six categories, a table, an emergency, an expired notice, a long report, rare
// characters, an image).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "content/date_time.h"
#include "content/document.h"
#include "content/source_tree.h"
#include "tests/test_paths.h"

using namespace content;

namespace {

const SourceTree& sample() {
    static const SourceTree tree = load_source_tree(test_paths::sample_dir());
    return tree;
}

const Notice* find(const std::string& id) {
    for (const Notice& n : sample().notices) {
        if (n.id == id) {
            return &n;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("every sample notice loads without a diagnostic") {
    for (const Diagnostic& d : sample().diagnostics) {
        FAIL_CHECK(format_diagnostic(d));
    }
    CHECK(sample().files_read == static_cast<int>(sample().notices.size()));
    CHECK(sample().notices.size() >= 30);
}

TEST_CASE("the sample has at least five notices in each of the six publics") {
    std::map<Category, int> counts;
    for (const Notice& n : sample().notices) {
        ++counts[n.category];
    }
    for (const CategoryInfo& info : k_categories) {
        CAPTURE(info.name);
        CHECK(counts[info.category] >= 5);
    }
}

TEST_CASE("the sample covers the special cases the screens need") {
    const int64_t now = *parse_beijing_time("2026-11-27 10:00");
    int emergencies = 0, expired = 0, not_started = 0, with_table = 0, with_image = 0;
    size_t longest = 0;
    std::string all_text;
    for (const Notice& n : sample().notices) {
        emergencies += n.priority == Priority::Emergency;
        expired += n.expires_at && *n.expires_at <= now;
        not_started += n.starts_at && *n.starts_at > now;
        with_image += !n.images.empty();
        longest = std::max(longest, n.body.size());
        const Document doc = parse_markdown(n.body);
        with_table += std::any_of(doc.blocks.begin(), doc.blocks.end(),
                                  [](const Block& b) { return b.kind == BlockKind::Table; });
        all_text += n.title + n.body;
    }
    CHECK(emergencies >= 1);
    CHECK(expired >= 1);
    CHECK(not_started >= 1);
    CHECK(with_table >= 1);
    CHECK(with_image >= 1);
    CHECK(longest >= 10 * 1024);
    for (const char* rare : {"堃", "喆", "㑇"}) {
        CAPTURE(rare);
        CHECK(all_text.find(rare) != std::string::npos);
    }
}

TEST_CASE("the financial disclosure's table survives Markdown parsing") {
    const Notice* n = find("finance-2026-q3-accounts");
    REQUIRE(n);
    const Document doc = parse_markdown(n->body);
    const auto table = std::find_if(doc.blocks.begin(), doc.blocks.end(),
                                    [](const Block& b) { return b.kind == BlockKind::Table; });
    REQUIRE(table != doc.blocks.end());
    REQUIRE(table->rows.size() >= 3);
    CHECK(table->rows[0].header);
    CHECK(table->rows[0].cells.size() >= 3);
    CHECK_FALSE(table->rows[1].header);
}

TEST_CASE("sample images are read, hashed and recognised") {
    const Notice* n = find("government-2026-guiyuan-5-elevator");
    REQUIRE(n);
    REQUIRE(n->images.size() == 1);
    const auto asset = sample().assets.find(n->images[0].sha256);
    REQUIRE(asset != sample().assets.end());
    CHECK(asset->second.mime == "image/png");
}

TEST_CASE("a duplicate id and a missing image are refused by file") {
    const auto dir = test_paths::scratch_dir("sample-dupes");
    std::filesystem::create_directories(dir / "a");
    std::filesystem::create_directories(dir / "b");
    const std::string body =
        "---\ntitle: 测试通知\ncategory: 公告\ndepartment: 居委会\ndate: 2026-11-20\n"
        "images: [images/none.png]\n---\n正文。\n";
    for (const char* sub : {"a", "b"}) {
        std::ofstream(dir / sub / "same.md") << body;
    }
    const SourceTree tree = load_source_tree(dir);
    CHECK(tree.notices.empty());
    bool duplicate = false, missing = false;
    for (const Diagnostic& d : tree.diagnostics) {
        duplicate |=
            d.field == "id" && d.message.find("already used by a/same.md") != std::string::npos;
        missing |= d.field == "images" && d.message.find("none.png") != std::string::npos;
    }
    CHECK(duplicate);
    CHECK(missing);
}
