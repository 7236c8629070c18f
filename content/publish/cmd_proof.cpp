// kiosk-publish proof: verifies a board's uploaded chain and answers "was notice X displayed on
// board Y from A to B?" with the shown intervals and every gap; --png writes a report to pin up.
#include <cstdio>
#include <iostream>

#include "content/date_time.h"
#include "content/events/display_proof.h"
#include "content/publish/publish_command.h"
#include "content/publish/report_image.h"
#include "content/publish/uploads_command.h"

namespace publish {
namespace {

using namespace content::events;

std::string hours(int64_t seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f h", static_cast<double>(seconds) / 3600.0);
    return text;
}

void print_proof(const DisplayProof& p, const BoardUploads& up, const std::string& name) {
    std::cout << "board " << p.board << " (" << name << "), notice " << p.notice;
    if (!p.title.empty())
        std::cout << " 「" << p.title << "」";
    std::cout << "\nperiod " << format_time(p.period.from) << " to " << format_time(p.period.to)
              << " (Beijing time)\nchain: "
              << (up.chain.verified() ? "verified" : "DOES NOT VERIFY") << ", "
              << up.chain.records.size() << " records in " << up.segment_files
              << " segment file(s), " << up.chain.duplicate_records << " duplicate(s) ignored, "
              << up.chain.declared_lost << " declared lost\n";
    for (const auto& part : p.timeline)
        std::printf("%-14s %s  %s  %10s\n", std::string(coverage_name(part.coverage)).c_str(),
                    format_time(part.span.from).c_str(), format_time(part.span.to).c_str(),
                    hours(part.span.length()).c_str());
    const double share = p.period.length() > 0 ? 100.0 * static_cast<double>(p.seconds[0]) /
                                                     static_cast<double>(p.period.length())
                                               : 0;
    std::printf(
        "summary: shown %.1f%% of the period (%s); scheduled-off %s; failed %s; "
        "not listed %s; no data %s\n",
        share, hours(p.seconds[0]).c_str(), hours(p.seconds[1]).c_str(),
        hours(p.seconds[2]).c_str(), hours(p.seconds[3]).c_str(), hours(p.seconds[4]).c_str());
    if (p.untrusted_clock_records > 0)
        std::cout << "warning: " << p.untrusted_clock_records
                  << " display record(s) were made with an untrusted board clock\n";
}

void draw_proof(const DisplayProof& p, const BoardUploads& up, const std::string& name,
                const std::string& path) {
    ReportCanvas c(1240, 1754);  // A4 at 150 dpi
    const display::Color ink{20, 20, 20, 255}, grey{90, 90, 90, 255};
    c.text("公示展示证明", 0, 80, 56, ink, 1240, display::Align::Center, display::Weight::Bold);
    float y = 200;
    auto line = [&](const std::string& text, float size = 30,
                    display::Color color = {20, 20, 20, 255}) {
        c.text(text, 100, y, size, color, 1040);
        y += size * 1.7f;
    };
    line("公示栏：" + name + "（" + p.board + "）");
    line("公告：" + (p.title.empty() ? p.notice : p.title + "（" + p.notice + "）"));
    line("核查时段：" + format_time(p.period.from) + " 至 " + format_time(p.period.to));
    line(std::string("记录校验：") +
         (up.chain.verified() ? "通过（哈希链与公示栏签名完整）" : "未通过"));
    // The timeline bar: one colour per kind of time.
    const display::Color colours[5] = {{46, 125, 50, 255},
                                       {120, 144, 156, 255},
                                       {198, 40, 40, 255},
                                       {249, 168, 37, 255},
                                       {224, 224, 224, 255}};
    y += 20;
    const float bar_x = 100, bar_w = 1040;
    const double len = static_cast<double>(std::max<int64_t>(1, p.period.length()));
    for (const auto& part : p.timeline) {
        const float x0 = bar_x + bar_w * static_cast<float>((part.span.from - p.period.from) / len);
        const float x1 = bar_x + bar_w * static_cast<float>((part.span.to - p.period.from) / len);
        c.box({x0, y, std::max(1.0f, x1 - x0), 60}, colours[static_cast<size_t>(part.coverage)]);
    }
    c.frame({bar_x, y, bar_w, 60}, ink);
    y += 90;
    float lx = 100;
    for (size_t k = 0; k < 5; ++k) {
        c.box({lx, y + 6, 28, 28}, colours[k]);
        const std::string label =
            std::string(coverage_chinese(static_cast<Coverage>(k))) + " " + hours(p.seconds[k]);
        c.text(label, lx + 36, y, 26, grey);
        lx += 40 + c.text_width(label, 26) + 30;
    }
    y += 80;
    line("明细（北京时间）", 32, ink);
    size_t shown_lines = 0;
    for (const auto& part : p.timeline) {
        if (y > 1600) {
            line("……其余 " + std::to_string(p.timeline.size() - shown_lines) + " 段见命令行输出",
                 26, grey);
            break;
        }
        line(std::string(coverage_chinese(part.coverage)) + "  " + format_time(part.span.from) +
                 " 至 " + format_time(part.span.to) + "  " + hours(part.span.length()),
             26, grey);
        ++shown_lines;
    }
    const int missing = c.save_png(path);
    std::cerr << "<6>wrote " << path
              << (missing ? " (" + std::to_string(missing) + " glyphs missing)" : "") << "\n";
}

}  // namespace

int cmd_proof(const std::vector<std::string>& words) {
    const Args args = parse_args(
        words, {"--uploads", "--board", "--notice", "--from", "--to", "--registry", "--png"});
    const auto uploads = args.value("--uploads"), board = args.value("--board"),
               notice = args.value("--notice");
    if (!args.error.empty() || !args.positional.empty() || !uploads || !board || !notice)
        return usage(args.error.empty() ? "proof needs --uploads DIR --board ID --notice ID"
                                        : args.error);
    std::optional<Interval> period;
    if (args.value("--from") || args.value("--to")) {
        const auto from = content::parse_beijing_time(args.value("--from").value_or(""));
        const auto to = content::parse_beijing_time(args.value("--to").value_or(""));
        if (!from || !to || *to <= *from)
            return usage("--from and --to go together, as " + std::string(content::k_date_forms) +
                         " (Beijing time), with --to after --from");
        period = Interval{*from, *to};
    }
    const auto registry = load_registry_for(*uploads, args.value("--registry"));
    if (!registry)
        return k_usage;
    const auto* entry = registry->find(*board);
    if (!entry) {
        std::cerr << "kiosk-publish: board '" << *board
                  << "' is not in the registry, so its uploads cannot be verified\n";
        return k_content_problem;
    }
    const BoardUploads up = read_board_uploads(*uploads, *board, entry->public_key);
    const bool verified = report_chain_problems(up);
    const DisplayProof proof = prove_display(*board, *notice, up.chain.records, period);
    print_proof(proof, up, entry->name);
    if (const auto png = args.value("--png"))
        draw_proof(proof, up, entry->name, *png);
    return verified ? k_ok : k_content_problem;
}

}  // namespace publish
