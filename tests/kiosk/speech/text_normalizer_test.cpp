// Text normalisation for speech, table by table: what the board says for what it shows.
#include <doctest/doctest.h>

#include "kiosk/speech/text_normalizer.h"

using namespace kiosk::speech;

namespace {

struct Row {
    const char* written;
    const char* spoken;
};

void check_rows(const Row* begin, const Row* end) {
    for (const Row* row = begin; row != end; ++row) {
        CAPTURE(row->written);
        CHECK(normalize_for_speech(row->written) == row->spoken);
    }
}

}  // namespace

TEST_CASE("money, percentages and per-mille") {
    const Row rows[] = {
        {"￥217,477.62元", "二十一万七千四百七十七点六二元"},
        {"￥86,215.40", "八万六千二百一十五点四零元"},
        {"拨付15万元", "拨付十五万元"},
        {"约8.6万元", "约八点六万元"},
        {"增长12.5%", "增长百分之十二点五"},
        {"占3‰", "占千分之三"},
        {"满意率98％", "满意率百分之九十八"},
    };
    check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("years digit by digit, dates and times as spoken") {
    const Row rows[] = {
        {"2026年", "二零二六年"},
        {"2025—2026年度", "二零二五至二零二六年度"},
        {"11月24日", "十一月二十四日"},
        {"2026-11-24", "二零二六年十一月二十四日"},
        {"2026/11/24", "二零二六年十一月二十四日"},
        {"9:30", "九点三十分"},
        {"9:00", "九点"},
        {"9:05", "九点零五分"},
        {"上午9:00至11:30", "上午九点至十一点三十分"},
        {"9:00—17:00", "九点至十七点"},
        {"9：30开始", "九点三十分开始"},
    };
    check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("ranges read 至") {
    const Row rows[] = {
        {"7—9月", "七至九月"},
        {"1—24幢", "一至二十四幢"},
        {"3~5人", "三至五人"},
        {"第1-3期", "第一至三期"},
    };
    check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("phone numbers and hotlines digit by digit with 幺") {
    const Row rows[] = {
        {"电话0571-86971234", "电话零五七幺，八六九七幺二三四"},
        {"拨打12345", "拨打幺二三四五"},
        {"13812345678", "幺三八幺二三四五六七八"},
        {"138-1234-5678", "幺三八，幺二三四，五六七八"},
        {"400-800-1234", "四零零，八零零，幺二三四"},
        {"3幢201室", "三幢二零幺室"},
        {"报警电话110", "报警电话幺幺零"},
        {"共12345人", "共一万二千三百四十五人"},
    };
    check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("list markers at a line start read as a number and a pause") {
    const Row rows[] = {
        {"一、工作目标", "一，工作目标"}, {"（一）申请条件", "一，申请条件"},
        {"(2)材料", "二，材料"},          {"1.携带身份证", "一，携带身份证"},
        {"2、提前预约", "二，提前预约"},  {"①本人申请", "一，本人申请"},
        {"版本1.5", "版本一点五"},
    };
    check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("Latin abbreviations, units, addresses and symbols") {
    const Row rows[] = {
        {"下载APP", "下载APP"},
        {"扫描QR码", "扫描QR码"},
        {"PM2.5浓度", "PM二点五浓度"},
        {"面积120㎡", "面积一百二十平方米"},
        {"面积120m²", "面积一百二十平方米"},
        {"气温25℃", "气温二十五摄氏度"},
        {"500元/月", "五百元每月"},
        {"全长3km", "全长三公里"},
        {"详见https://www.qinghe.gov.cn/notice。", "详见网址。"},
        {"邮箱gh@example.gov.cn", "邮箱邮箱地址"},
        {"《通知》", "通知"},
        {"党员/群众", "党员或群众"},
    };
    check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("bad input: only digits and Latin, invalid bytes, a long unbroken run") {
    CHECK(normalize_for_speech("123 ABC") == "一百二十三ABC");
    CHECK(normalize_for_speech(std::string("电\xff话")) == "电话");
    const std::string long_digits(3000, '7');
    const std::string spoken = normalize_for_speech(long_digits);
    CHECK(spoken.size() == 3000 * 3);  // 七 three thousand times, digit by digit
}
