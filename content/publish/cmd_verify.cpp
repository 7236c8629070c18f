// kiosk-publish verify: check a channel folder (a USB stick) exactly as a board would.
#include <ctime>
#include <iostream>

#include "content/channel/reader.h"
#include "content/channel/writer.h"
#include "content/date_time.h"
#include "content/publish/publish_command.h"

namespace publish {

int cmd_verify(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {"--pub"});
    if (!args.error.empty() || args.positional.size() != 1 || !args.value("--pub")) {
        return usage(args.error);
    }
    const auto key = load_public_key(*args.value("--pub"));
    if (!key) {
        return k_usage;
    }
    try {
        const content::channel::ChannelReport report = content::channel::read_channel_folder(
            args.positional[0], {*key}, content::channel::SignatureCheck::Required, std::time(nullptr));
        for (const std::string& problem : report.problems) {
            std::cerr << args.positional[0] << ": " << problem << "\n";
        }
        if (!report.problems.empty()) {
            std::cerr << report.problems.size()
                      << " problem(s); boards would refuse this channel\n";
            return k_content_problem;
        }
        const content::channel::ChannelManifest& m = *report.manifest;
        std::cout << "OK: channel " << m.channel << " version " << m.version << ", "
                  << m.items.size() << " notice(s), " << m.assets.size()
                  << " asset(s), signed by key " << report.signer_key_id << ", issued "
                  << content::format_date_time(m.issued) << ", valid until "
                  << content::format_date_time(m.expires) << " (Beijing time)\n";
    } catch (const content::channel::ChannelError& e) {
        std::cerr << "kiosk-publish: " << e.what() << "\n";
        return k_usage;
    }
    return k_ok;
}

}  // namespace publish
