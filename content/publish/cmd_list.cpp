// kiosk-publish list: what a channel folder holds, one notice a line (the signature is not
// checked).
#include <ctime>
#include <iostream>

#include "content/channel/reader.h"
#include "content/channel/writer.h"
#include "content/date_time.h"
#include "content/publish/publish_command.h"

namespace publish {
namespace {

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
        out += (out.empty() ? "" : ",") + w;
    }
    return out.empty() ? "all" : out;
}

}  // namespace

int cmd_list(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {});
    if (!args.error.empty() || args.positional.size() != 1) {
        return usage(args.error);
    }
    try {
        const content::channel::ChannelReport report = content::channel::read_channel_folder(
            args.positional[0], {}, content::channel::SignatureCheck::Skipped, std::time(nullptr));
        if (report.manifest) {
            const content::channel::ChannelManifest& m = *report.manifest;
            std::cout << "channel " << m.channel << " version " << m.version << " for boards "
                      << join(m.boards) << ", issued " << content::format_date_time(m.issued)
                      << ", valid until " << content::format_date_time(m.expires)
                      << " (signature not checked; use verify)\n";
            for (const content::Notice& n : report.notices) {
                std::cout << n.id << "\t" << content::category_key(n.category) << "\t"
                          << join(n.boards) << "\t" << n.title << "\n";
            }
            std::cout << m.items.size() << " notice(s), " << m.assets.size() << " asset(s)\n";
        }
        for (const std::string& problem : report.problems) {
            std::cerr << args.positional[0] << ": " << problem << "\n";
        }
        return report.problems.empty() ? k_ok : k_content_problem;
    } catch (const content::channel::ChannelError& e) {
        std::cerr << "kiosk-publish: " << e.what() << "\n";
        return k_usage;
    }
}

}  // namespace publish
