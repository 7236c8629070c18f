// kiosk-publish build: validate a staff folder, then write the next signed version of a channel.
#include <sys/stat.h>

#include <charconv>
#include <ctime>
#include <iostream>

#include "content/channel/writer.h"
#include "content/date_time.h"
#include "content/publish/publish_command.h"
#include "content/publish/safety_gate.h"

namespace publish {
namespace {

std::optional<uint64_t> parse_number(const std::string& text) {
    uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find(',', start), text.size());
        if (end > start) {
            out.push_back(text.substr(start, end - start));
        }
        start = end + 1;
    }
    return out;
}

void warn_if_key_readable(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
        std::cerr << "kiosk-publish: warning: " << path
                  << " can be read by other users; chmod 600 it\n";
    }
}

// Fills `options` from the command line; returns an error message or empty.
std::string read_options(const Args& args, content::channel::ChannelBuildOptions& options) {
    if (auto version = args.value("--version")) {
        options.version = parse_number(*version);
        if (!options.version || *options.version == 0) {
            return "--version expects a whole number from 1";
        }
    }
    if (auto days = args.value("--valid-days")) {
        const auto n = parse_number(*days);
        if (!n || *n == 0 || *n > 3660) {
            return "--valid-days expects a number of days from 1 to 3660";
        }
        options.valid_seconds = static_cast<int64_t>(*n) * 86400;
    }
    options.channel = args.value("--channel").value_or("");
    if (auto boards = args.value("--boards")) {
        options.boards = split_commas(*boards);
    }
    options.now = std::time(nullptr);
    return {};
}

}  // namespace

int cmd_build(const std::vector<std::string>& words) {
    const Args args = parse_args(
        words, {"--key", "--out", "--version", "--channel", "--boards", "--valid-days", "--rules"});
    if (!args.error.empty() || args.positional.size() != 1 || !args.value("--key") ||
        !args.value("--out")) {
        return usage(args.error);
    }
    content::channel::ChannelBuildOptions options;
    if (const std::string problem = read_options(args, options); !problem.empty()) {
        return usage(problem);
    }
    const content::SourceTree tree = content::load_source_tree(args.positional[0]);
    if (tree.files_read == 0 && !tree.diagnostics.empty()) {
        print_diagnostics(tree);
        return k_usage;
    }
    if (const int rc = print_diagnostics(tree); rc != k_ok) {
        return rc;
    }
    if (const int rc = check_before_publishing(tree, args.positional[0], args.value("--rules"));
        rc != k_ok) {
        return rc;
    }
    warn_if_key_readable(*args.value("--key"));
    const auto key = load_secret_key(*args.value("--key"));
    if (!key) {
        return k_usage;
    }
    try {
        const content::channel::ChannelBuildResult r =
            content::channel::build_channel(tree, *key, *args.value("--out"), options);
        std::cout << "channel " << r.manifest.channel << " version " << r.manifest.version << ": "
                  << r.manifest.items.size() << " notice(s), " << r.manifest.assets.size()
                  << " asset(s); " << r.objects_written << " object(s) written, " << r.objects_kept
                  << " unchanged; signed by key " << content::channel::minisign::key_id_hex(key->id)
                  << "; valid until " << content::format_date_time(r.manifest.expires)
                  << " (Beijing time)\n";
    } catch (const content::channel::ChannelError& e) {
        std::cerr << "kiosk-publish: " << e.what() << "\n";
        return e.kind() == content::channel::ChannelError::Kind::Content ? k_content_problem : k_usage;
    }
    return k_ok;
}

}  // namespace publish
