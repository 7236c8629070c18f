// kiosk-publish fleet: every board in the registry with its last heartbeat, state (ok / late /
// off by schedule / failed / never seen), versions and problems, as a table and (--html FILE) a
// static page that can be served next to the channel.
#include <ctime>
#include <iostream>
#include <sstream>

#include "content/date_time.h"
#include "content/durable_file.h"
#include "content/events/fleet_status.h"
#include "content/publish/publish_command.h"
#include "content/publish/uploads_command.h"

namespace publish {
namespace {

using namespace content::events;

struct Line {
    const content::RegisteredBoard* board;
    const BoardUploads* uploads;
    FleetRow row;
};

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : "; ") + p;
    return out.empty() ? "-" : out;
}

std::string html_escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::vector<std::string> cells(const Line& l) {
    const auto& h = l.uploads->heartbeat;
    return {l.board->id,
            l.board->name,
            std::string(board_state_name(l.row.state)),
            h ? format_time(h->at) : "-",
            h ? h->kiosk_version : "-",
            h ? std::to_string(h->channel_version) : "-",
            h && h->last_sync ? format_time(h->last_sync) : "-",
            h ? std::string(screen_state_name(h->screen)) : "-",
            h ? std::to_string(h->free_disk_bytes / (1024 * 1024)) + " MiB" : "-",
            std::to_string(l.uploads->chain.records.size()),
            join(l.row.problems)};
}

const std::vector<std::string> k_header{"board",     "name",    "state",     "last heartbeat",
                                        "kiosk",     "channel", "last sync", "screen",
                                        "free disk", "records", "problems"};

std::string html_page(const std::vector<Line>& lines, int64_t now) {
    std::ostringstream o;
    o << "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>公示栏运行状态"
         "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
         "td,th{border:1px solid #999;padding:4px "
         "8px}.ok{background:#e8f5e9}.late{background:#fff8e1}"
         ".failed,.never-seen{background:#ffebee}.off-by-schedule{background:#eceff1}</style></"
         "head>"
         "<body>\n<h1>公示栏运行状态</h1>\n<p>生成时间 "
      << html_escape(format_time(now)) << "（北京时间）</p>\n<table>\n<tr>";
    for (const auto& h : k_header)
        o << "<th>" << html_escape(h) << "</th>";
    o << "</tr>\n";
    for (const auto& l : lines) {
        o << "<tr class=\"" << board_state_name(l.row.state) << "\">";
        const auto row = cells(l);
        for (size_t i = 0; i < row.size(); ++i)
            o << "<td>"
              << html_escape(i == 2 ? row[i] + " " + std::string(board_state_chinese(l.row.state))
                                    : row[i])
              << "</td>";
        o << "</tr>\n";
    }
    o << "</table>\n</body></html>\n";
    return o.str();
}

}  // namespace

int cmd_fleet(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {"--uploads", "--registry", "--html", "--now"});
    const auto uploads = args.value("--uploads"), registry_path = args.value("--registry");
    if (!args.error.empty() || !args.positional.empty() || !uploads || !registry_path)
        return usage(args.error.empty() ? "fleet needs --uploads DIR --registry FILE" : args.error);
    int64_t now = std::time(nullptr);
    if (const auto text = args.value("--now")) {
        const auto parsed = content::parse_beijing_time(*text);
        if (!parsed)
            return usage("--now takes " + std::string(content::k_date_forms));
        now = *parsed;
    }
    const auto registry = load_registry_for(*uploads, registry_path);
    if (!registry)
        return k_usage;
    std::vector<std::string> unknown;
    const auto boards = read_registered_uploads(*uploads, *registry, unknown);
    std::vector<Line> lines;
    bool verified = true;
    for (size_t i = 0; i < boards.size(); ++i) {
        const auto& up = boards[i];
        verified &= report_chain_problems(up) && up.heartbeat_problem.empty();
        FleetInput in{registry->boards[i].heartbeat_minutes,
                      up.heartbeat,
                      up.heartbeat_problem,
                      up.chain.verified(),
                      up.chain.problems.size(),
                      up.chain.records.size(),
                      up.chain.declared_lost};
        lines.push_back({&registry->boards[i], &up, assess_board(in, now)});
    }
    for (const auto& u : unknown)
        std::cerr << u << "\n";
    for (size_t i = 0; i < k_header.size(); ++i)
        std::cout << (i ? "\t" : "") << k_header[i];
    std::cout << "\n";
    for (const auto& l : lines) {
        const auto row = cells(l);
        for (size_t i = 0; i < row.size(); ++i)
            std::cout << (i ? "\t" : "") << row[i];
        std::cout << "\n";
    }
    if (const auto html = args.value("--html"))
        content::write_file_atomically(*html, html_page(lines, now));
    return verified ? k_ok : k_content_problem;
}

}  // namespace publish
