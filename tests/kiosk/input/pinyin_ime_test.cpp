// The pinyin input method behind the keyboard: libgooglepinyin with Debian's dictionary.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "kiosk/input/pinyin_ime.h"

using namespace kiosk;

namespace {

bool dictionary_present() {
    return std::filesystem::exists(PinyinIme::default_dictionary_path());
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("the IME offers 医保 for yibao") {
    if (!dictionary_present()) {
        MESSAGE("skipped: no libgooglepinyin dictionary at "
                << PinyinIme::default_dictionary_path() << " (Debian package libgooglepinyin0)");
        return;
    }
    PinyinIme ime;
    REQUIRE_MESSAGE(ime.open(), ime.error());
    const std::vector<std::string> candidates = ime.candidates("yibao", 10);
    CHECK(contains(candidates, "医保"));
    CHECK(candidates.size() <= 10);
    CHECK(contains(ime.candidates("tingshui", 10), "停水"));
    CHECK(contains(ime.candidates("di'bao", 10), "低保"));
    // Its sentence guess may be wrong (假装电梯), so the words come too: 加装, then 电梯.
    const std::vector<ImeCandidate> words = ime.candidate_details("JiaZhuang DianTi", 10);
    const auto jiazhuang = std::find_if(words.begin(), words.end(),
                                        [](const ImeCandidate& c) { return c.text == "加装"; });
    REQUIRE(jiazhuang != words.end());
    CHECK(jiazhuang->letters == 10);  // "jiazhuang" and the space
    CHECK(contains(ime.candidates("dianti", 10), "电梯"));

    // Later candidates may cover only the first syllables: the keyboard keeps the rest.
    bool partial = false;
    for (const ImeCandidate& c : ime.candidate_details("yibaotingshui", 20)) {
        if (c.text == "医保") {
            partial = true;
            CHECK(c.letters == 5);
        }
    }
    CHECK(partial);
    CHECK(ime.candidates("", 10).empty());
    CHECK(ime.candidates("yibao", 0).empty());
}

TEST_CASE("only one IME is open at a time, and a missing dictionary says what to install") {
    PinyinIme missing("/nonexistent/dict_pinyin.dat");
    CHECK_FALSE(missing.open());
    CHECK(missing.error().find("libgooglepinyin0") != std::string::npos);
    CHECK(missing.candidates("yibao", 5).empty());
    if (!dictionary_present()) {
        return;
    }
    PinyinIme first;
    REQUIRE(first.open());
    PinyinIme second;
    CHECK_FALSE(second.open());
    CHECK(second.error().find("already open") != std::string::npos);
}
