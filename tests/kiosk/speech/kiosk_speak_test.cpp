// kiosk-speak as staff and tests use it: pinyin and words per sentence, WAV files that sound.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

#include "tests/sync/test_process.h"
#include "tests/test_paths.h"

namespace {

std::string speak() {
    return (test_paths::bin_dir() / "kiosk-speak").string();
}

// RMS of a 16-bit mono WAV's samples, 0..1.
double wav_rms(const std::filesystem::path& path, size_t& samples) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() > 44);
    REQUIRE(bytes.substr(0, 4) == "RIFF");
    REQUIRE(bytes.substr(8, 4) == "WAVE");
    samples = (bytes.size() - 44) / 2;
    double sum = 0;
    for (size_t i = 0; i < samples; ++i) {
        const auto lo = static_cast<unsigned char>(bytes[44 + 2 * i]);
        const auto hi = static_cast<unsigned char>(bytes[45 + 2 * i]);
        const auto s = static_cast<int16_t>(lo | (hi << 8));
        sum += (s / 32768.0) * (s / 32768.0);
    }
    return samples > 0 ? std::sqrt(sum / static_cast<double>(samples)) : 0.0;
}

}  // namespace

TEST_CASE("kiosk-speak --pinyin prints one line of syllables per sentence") {
    const auto r = test_process::run({speak(), "--pinyin", "银行的行长。拨打12345！"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "yin2 hang2 de5 hang2 zhang3\nbo1 da3 yao1 er4 san1 si4 wu3\n");
}

TEST_CASE("kiosk-speak --words prints the normalised text") {
    const auto r = test_process::run({speak(), "--words", "￥217,477.62元"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "二十一万七千四百七十七点六二元\n");
}

TEST_CASE("kiosk-speak --wav writes speech that is not silence") {
    const auto dir = test_paths::scratch_dir("kiosk-speak-wav");
    const auto wav = dir / "out.wav";
    const auto r = test_process::run({speak(), "--wav", wav.string(), "社区居民委员会通知。"});
    CHECK(r.exit_code == 0);
    size_t samples = 0;
    CHECK(wav_rms(wav, samples) > 0.02);
    CHECK(samples > 22050 / 2);  // more than half a second
}

TEST_CASE("kiosk-speak refuses unclear usage with exit 2") {
    CHECK(test_process::run({speak(), "--pinyin"}).exit_code == 2);
    CHECK(test_process::run({speak(), "文字"}).exit_code == 2);
    CHECK(test_process::run({speak(), "--notice", "x", "--pinyin"}).exit_code == 2);
}

TEST_CASE("kiosk-speak with the voice missing says so and exits 1") {
    const auto dir = test_paths::scratch_dir("kiosk-speak-novoice");
    test_process::Options options;
    options.environment = {{"ESPEAK_DATA_PATH", dir.string()}};
    const auto r = test_process::run({speak(), "--wav", (dir / "x.wav").string(), "通知"}, options);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("espeak") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "x.wav"));
}
