// kiosk-publish report --year: the year's disclosure statistics from the verified uploads, as
// report.md and report.csv shaped like the tables of a 政府信息公开工作年度报告, and chart.png
// (notices per category and month, drawn with the project's renderer).
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "content/date_time.h"
#include "content/durable_file.h"
#include "content/events/annual_report.h"
#include "content/publish/publish_command.h"
#include "content/publish/report_image.h"
#include "content/publish/uploads_command.h"

namespace publish {
namespace {

using namespace content::events;

std::string fixed(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string levels_md(const RatingCounts& r) {
    std::string out;
    for (const auto n : r.per_level)
        out += " " + std::to_string(n) + " |";
    return out;
}

std::string markdown(const AnnualReport& r) {
    std::ostringstream o;
    o << "# " << r.year << "年度信息公开工作统计（公示栏）\n\n"
      << "统计口径：各公示栏上传、校验通过的展示与评价记录；时间按北京时间；时钟不可信的记录不计入"
         "。\n\n"
      << "## 一、主动公开情况\n\n"
      << "| 类别 | 公开数量 | 其中紧急通知 | 平均展示天数 | 浏览次数 | 评价数 | 满意率 | 意见条数 "
         "|\n"
      << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    CategoryRow total;
    for (size_t i = 0; i < k_report_categories; ++i) {
        const CategoryRow& c = r.categories[i];
        if (i + 1 == k_report_categories && c.notices == 0)
            continue;
        o << "| " << report_category_name(i) << " | " << c.notices << " | " << c.emergencies
          << " | " << fixed(c.average_days()) << " | " << c.views << " | " << c.ratings.total()
          << " | " << fixed(c.ratings.satisfaction_percent()) << "% | " << c.ratings.comments
          << " |\n";
        total.notices += c.notices;
        total.emergencies += c.emergencies;
        total.days_displayed += c.days_displayed;
        total.views += c.views;
    }
    o << "| 合计 | " << total.notices << " | " << total.emergencies << " | "
      << fixed(total.average_days()) << " | " << total.views << " | " << r.ratings.total() << " | "
      << fixed(r.ratings.satisfaction_percent()) << "% | " << r.ratings.comments << " |\n\n"
      << "## 二、群众评价（好差评）情况\n\n| 非常满意 | 满意 | 基本满意 | 不满意 | 非常不满意 | "
         "合计 | "
         "满意率 | 意见条数 |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n|"
      << levels_md(r.ratings) << " " << r.ratings.total() << " | "
      << fixed(r.ratings.satisfaction_percent()) << "% | " << r.ratings.comments << " |\n\n"
      << "## 三、各公示栏情况\n\n| 公示栏 | 名称 | 展示公告数 | 展示区间数 | 浏览次数 | 非常满意 | "
         "满意 | "
         "基本满意 | 不满意 | 非常不满意 | 满意率 | 意见条数 | 时钟不可信记录 |\n"
         "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& b : r.boards)
        o << "| " << b.board << " | " << b.name << " | " << b.notices_shown << " | "
          << b.display_intervals << " | " << b.views << " |" << levels_md(b.ratings) << " "
          << fixed(b.ratings.satisfaction_percent()) << "% | " << b.ratings.comments << " | "
          << b.untrusted_clock_records << " |\n";
    o << "\n## 四、差评整改跟踪（不满意、非常不满意，15个工作日内回访整改）\n\n";
    if (r.bad_ratings.empty())
        o << "本年度无差评。\n";
    else
        o << "| 时间 | 公示栏 | 公告 | 评价 | 原因 | 意见 | 整改期限 "
             "|\n|---|---|---|---|---|---|---|\n";
    for (const auto& b : r.bad_ratings) {
        std::string reasons;
        for (const auto& x : b.reasons)
            reasons += (reasons.empty() ? "" : "、") + x;
        o << "| " << format_time(b.at) << " | " << b.board << " | "
          << (b.title.empty() ? b.notice : b.title + "（" + b.notice + "）") << " | "
          << level_name(b.level) << " | " << reasons << " | " << b.comment << " | "
          << content::format_date(b.follow_up_by) << " |\n";
    }
    return o.str();
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (const char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv(const AnnualReport& r) {
    std::ostringstream o;
    o << "表,项目,公开数量,紧急通知,平均展示天数,浏览次数,非常满意,满意,基本满意,不满意,非常不满意,"
         "满意率,意见条数\n";
    auto levels = [](const RatingCounts& c) {
        std::string out;
        for (const auto n : c.per_level)
            out += "," + std::to_string(n);
        return out + "," + fixed(c.satisfaction_percent()) + "," + std::to_string(c.comments);
    };
    for (size_t i = 0; i < k_report_categories; ++i) {
        const CategoryRow& c = r.categories[i];
        o << "主动公开," << report_category_name(i) << "," << c.notices << "," << c.emergencies
          << "," << fixed(c.average_days()) << "," << c.views << levels(c.ratings) << "\n";
    }
    o << "好差评,合计,,,,," << levels(r.ratings).substr(1) << "\n";
    for (const auto& b : r.boards)
        o << "公示栏," << csv_field(b.board) << "," << b.notices_shown << ",,," << b.views
          << levels(b.ratings) << "\n";
    for (size_t i = 0; i < k_report_categories; ++i)
        for (size_t m = 0; m < 12; ++m)
            if (r.notices_per_month[i][m])
                o << "月度公开," << report_category_name(i) << " " << (m + 1) << "月,"
                  << r.notices_per_month[i][m] << ",,,,,,,,,,\n";
    for (const auto& b : r.bad_ratings)
        o << "差评," << csv_field(b.board + " " + b.notice + " " + format_time(b.at)) << ",,,,,,,,,"
          << level_name(b.level) << ",," << csv_field(b.comment) << "\n";
    return o.str();
}

void draw_chart(const AnnualReport& r, const std::string& path) {
    ReportCanvas c(1600, 900);
    const display::Color ink{20, 20, 20, 255};
    const display::Color colours[k_report_categories] = {
        {198, 40, 40, 255},  {21, 101, 192, 255}, {46, 125, 50, 255},  {239, 108, 0, 255},
        {106, 27, 154, 255}, {0, 131, 143, 255},  {158, 158, 158, 255}};
    c.text(std::to_string(r.year) + "年各类公开事项月度数量", 0, 30, 40, ink, 1600,
           display::Align::Center, display::Weight::Bold);
    uint64_t peak = 1;
    for (size_t m = 0; m < 12; ++m) {
        uint64_t sum = 0;
        for (size_t i = 0; i < k_report_categories; ++i)
            sum += r.notices_per_month[i][m];
        peak = std::max(peak, sum);
    }
    const float left = 120, bottom = 760, height = 600, slot = 110;
    c.box({left, bottom, 12 * slot, 2}, ink);
    for (int tick = 0; tick <= 4; ++tick) {
        const float y = bottom - height * static_cast<float>(tick) / 4;
        c.box({left, y, 12 * slot, 1}, {200, 200, 200, 255});
        c.text(fixed(static_cast<double>(peak) * tick / 4), 10, y - 16, 22, ink, 100,
               display::Align::End);
    }
    for (size_t m = 0; m < 12; ++m) {
        float y = bottom;
        for (size_t i = 0; i < k_report_categories; ++i) {
            const float h =
                height * static_cast<float>(r.notices_per_month[i][m]) / static_cast<float>(peak);
            if (h > 0)
                c.box({left + slot * static_cast<float>(m) + 20, y - h, slot - 40, h}, colours[i]);
            y -= h;
        }
        c.text(std::to_string(m + 1) + "月", left + slot * static_cast<float>(m), bottom + 10, 24,
               ink, slot, display::Align::Center);
    }
    float lx = left;
    for (size_t i = 0; i < k_report_categories; ++i) {
        c.box({lx, 836, 26, 26}, colours[i]);
        const std::string name(report_category_name(i));
        c.text(name, lx + 34, 830, 26, ink);
        lx += 60 + c.text_width(name, 26) + 40;
    }
    c.save_png(path);
}

}  // namespace

int cmd_report(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {"--uploads", "--year", "--out", "--registry"});
    const auto uploads = args.value("--uploads"), year_text = args.value("--year"),
               out = args.value("--out");
    if (!args.error.empty() || !args.positional.empty() || !uploads || !year_text || !out)
        return usage(args.error.empty() ? "report needs --uploads DIR --year YYYY --out DIR"
                                        : args.error);
    int year = 0;
    if (std::sscanf(year_text->c_str(), "%d", &year) != 1 || year < 2000 || year > 2200 ||
        year_text->size() != 4)
        return usage("--year takes a year like 2026");
    const auto registry = load_registry_for(*uploads, args.value("--registry"));
    if (!registry)
        return k_usage;
    std::vector<std::string> unknown;
    const auto boards = read_registered_uploads(*uploads, *registry, unknown);
    for (const auto& u : unknown)
        std::cerr << u << "\n";
    bool verified = true;
    std::vector<BoardRecords> inputs;
    for (size_t i = 0; i < boards.size(); ++i) {
        verified &= report_chain_problems(boards[i]);
        inputs.push_back({boards[i].board, registry->boards[i].name, &boards[i].chain.records});
    }
    const AnnualReport report = build_annual_report(year, inputs);
    std::filesystem::create_directories(*out);
    const std::filesystem::path dir(*out);
    content::write_file_atomically(dir / "report.md", markdown(report));
    content::write_file_atomically(dir / "report.csv", csv(report));
    draw_chart(report, (dir / "chart.png").string());
    uint64_t notices = 0;
    for (const auto& c : report.categories)
        notices += c.notices;
    std::cout << "report " << year << ": " << notices << " notices, " << report.display_intervals
              << " display intervals, " << report.ratings.total() << " ratings ("
              << report.bad_ratings.size() << " to follow up), " << report.ratings.comments
              << " comments; wrote report.md, report.csv, chart.png in " << *out << "\n";
    return verified ? k_ok : k_content_problem;
}

}  // namespace publish
