// The search screen driven by taps on its keyboard, as a resident would: pinyin with candidates,
// initials that search as you type, the digit pad, 删除 and 清除, hot searches, no results.
#include <doctest/doctest.h>

#include "kiosk/input/pinyin_ime.h"
#include "tests/kiosk/kiosk_harness.h"
#include "tests/sample_db.h"

using kiosk_test::all_text;
using kiosk_test::Harness;

namespace {

bool has_target(const kiosk::Screen& s, const std::string& label) {
    return std::any_of(s.targets.begin(), s.targets.end(),
                       [&](const auto& t) { return t.label == label; });
}

bool opens(const kiosk::Screen& s, const std::string& id) {
    return std::any_of(s.targets.begin(), s.targets.end(), [&](const auto& t) {
        return t.action.kind == kiosk::ActionKind::OpenNotice && t.action.target == id;
    });
}

void type(Harness& h, const std::string& keys) {
    for (char c : keys) {
        const std::string label(1, c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
        REQUIRE_MESSAGE(h.tap(label), "no key " << label);
    }
}

}  // namespace

TEST_CASE("initials search as they are typed, and 删除 / 清除 edit the query") {
    Harness h(test_fixtures::sample_data_dir("search-initials"));
    REQUIRE(h.tap("查找内容"));
    REQUIRE(h.app->screen().name == "search");
    REQUIRE(h.tap("首字母"));
    type(h, "ts");
    CHECK(h.app->nav().search.query == "ts");
    CHECK(opens(h.app->screen(), "announcement-2026-11-emergency-water-outage"));  // 停水
    type(h, "t");
    REQUIRE(h.tap("删除"));
    CHECK(h.app->nav().search.query == "ts");
    REQUIRE(h.tap("清除"));
    CHECK(h.app->nav().search.query.empty());
    CHECK(all_text(h.app->screen()).find("大家常搜") != std::string::npos);
}

TEST_CASE("pinyin letters become characters through the candidate bar") {
    if (!kiosk::PinyinIme().open()) {
        MESSAGE("libgooglepinyin's dictionary is missing; ./dev deps installs libgooglepinyin0");
        return;
    }
    Harness h(test_fixtures::sample_data_dir("search-pinyin"));
    REQUIRE(h.tap("查找内容"));
    type(h, "yibao");
    CHECK(h.app->nav().search.pinyin == "yibao");
    REQUIRE(has_target(h.app->screen(), "医保"));
    // Results already follow the best reading while the letters are still being typed.
    CHECK(opens(h.app->screen(), "government-2027-medical-insurance-faq"));
    REQUIRE(h.tap("医保"));
    CHECK(h.app->nav().search.query == "医保");
    CHECK(h.app->nav().search.pinyin.empty());
    CHECK(all_text(h.app->screen()).find("找到 ") != std::string::npos);
    // A result opens the notice, and 返回 comes back to the same search.
    REQUIRE(h.tap("政策解读"));
    CHECK(h.app->screen().name == "notice");
    h.key(kiosk::Key::Back);
    CHECK(h.app->screen().name == "search");
    CHECK(h.app->nav().search.query == "医保");
}

TEST_CASE("matches are highlighted in titles and excerpts") {
    Harness h(test_fixtures::sample_data_dir("search-highlight"));
    REQUIRE(h.tap("查找内容"));
    REQUIRE(h.tap("停水"));  // a hot search from the configuration
    CHECK(h.app->nav().search.query == "停水");
    int markers = 0;
    for (const auto& command : h.app->screen().draw.commands) {
        if (const auto* f = std::get_if<display::FillCommand>(&command)) {
            markers += f->color == display::Color{255, 226, 140, 255};
        }
    }
    CHECK(markers >= 2);
}

TEST_CASE("the digit pad finds numbers, and an empty result suggests what to try") {
    Harness h(test_fixtures::sample_data_dir("search-digits"));
    REQUIRE(h.tap("查找内容"));
    REQUIRE(h.tap("数字"));
    type(h, "9999999");
    const std::string text = all_text(h.app->screen());
    CHECK(text.find("没有找到与“9999999”相关的内容") != std::string::npos);
    CHECK(text.find("拼音首字母") != std::string::npos);
    REQUIRE(h.tap("清除"));
    type(h, "12345");
    CHECK(all_text(h.app->screen()).find("找到") != std::string::npos);
}
