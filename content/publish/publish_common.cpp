// Helpers shared by kiosk-publish's commands: option parsing, usage, diagnostics, key files.
#include <iostream>

#include "content/diagnostic.h"
#include "content/publish/publish_command.h"

namespace publish {

std::optional<std::string> Args::value(const std::string& name) const {
    const auto it = values.find(name);
    if (it == values.end()) {
        return std::nullopt;
    }
    return it->second;
}

Args parse_args(const std::vector<std::string>& words, const std::set<std::string>& with_value,
                const std::set<std::string>& flags) {
    Args args;
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (with_value.count(word)) {
            if (i + 1 >= words.size()) {
                args.error = word + " needs a value";
                return args;
            }
            args.values[word] = words[++i];
        } else if (flags.count(word)) {
            args.flags.insert(word);
        } else if (word.starts_with("--")) {
            args.error = "unknown option " + word;
            return args;
        } else {
            args.positional.push_back(word);
        }
    }
    return args;
}

int usage(const std::string& problem) {
    if (!problem.empty()) {
        std::cerr << "kiosk-publish: " << problem << "\n";
    }
    std::cerr
        << "usage: kiosk-publish validate SRC_DIR\n"
           "       kiosk-publish keygen --secret PATH --public PATH [--force]\n"
           "       kiosk-publish build SRC_DIR --key SECRET --out CHANNEL_DIR [--version N]\n"
           "                           [--channel NAME] [--boards ID,ID] [--valid-days N]\n"
           "       kiosk-publish verify CHANNEL_DIR --pub PUBLIC\n"
           "       kiosk-publish list CHANNEL_DIR\n"
           "       kiosk-publish alert-import FILE.xml --into NOTICES_DIR\n"
           "         (a GB/T 35965.1 / CAP early-warning message becomes an emergency notice)\n"
           "       kiosk-publish check [--json] [--rules DIR] PATH...   (content safety)\n"
           "       kiosk-publish user add --root DIR --name NAME --role ROLE [--emergency]\n"
           "         (ROLE: author, reviewer, publisher or supervisor; password on stdin)\n"
           "       kiosk-publish serve --root DIR --key SECRET --out CHANNEL_DIR\n"
           "                           [--listen 127.0.0.1:8470] [--kiosk PATH] [--rules DIR]\n"
           "       kiosk-publish audit verify|list --root DIR\n"
           "       kiosk-publish import SRC_DIR --data DIR [--board ID]\n"
           "         (development only: writes DIR/content.db directly, without a channel)\n"
           "       kiosk-publish proof --uploads DIR --board ID --notice ID [--from T --to T]\n"
           "                           [--registry FILE] [--png FILE]\n"
           "       kiosk-publish fleet --uploads DIR --registry FILE [--html FILE] [--now T]\n"
           "       kiosk-publish report --uploads DIR --year YYYY --out DIR [--registry FILE]\n"
           "         (boards' uploads; the registry defaults to DIR/boards.toml; exit 1 when a\n"
           "          chain does not verify)\n"
           "exit codes: 0 ok, 1 content problems, 2 usage or I/O errors\n";
    return k_usage;
}

int print_diagnostics(const content::SourceTree& tree) {
    for (const content::Diagnostic& d : tree.diagnostics) {
        std::cerr << content::format_diagnostic(d) << "\n";
    }
    if (!tree.diagnostics.empty()) {
        std::cerr << tree.diagnostics.size() << " problem(s) in " << tree.files_read
                  << " file(s); nothing was published\n";
        return k_content_problem;
    }
    return k_ok;
}

std::optional<content::channel::minisign::SecretKey> load_secret_key(const std::string& path) {
    std::string text;
    try {
        text = content::read_file_capped(path, 4096);
    } catch (const std::exception& e) {
        std::cerr << "kiosk-publish: " << e.what() << " (create a key with kiosk-publish keygen)\n";
        return std::nullopt;
    }
    auto parsed = content::channel::minisign::parse_secret_key(text);
    if (!parsed.value) {
        std::cerr << "kiosk-publish: " << path << ": " << parsed.error << "\n";
    }
    return parsed.value;
}

std::optional<content::channel::minisign::PublicKey> load_public_key(const std::string& path) {
    std::string text;
    try {
        text = content::read_file_capped(path, 4096);
    } catch (const std::exception& e) {
        std::cerr << "kiosk-publish: " << e.what() << "\n";
        return std::nullopt;
    }
    auto parsed = content::channel::minisign::parse_public_key(text);
    if (!parsed.value) {
        std::cerr << "kiosk-publish: " << path << ": " << parsed.error << "\n";
    }
    return parsed.value;
}

}  // namespace publish
