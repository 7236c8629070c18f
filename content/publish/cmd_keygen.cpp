// kiosk-publish keygen: a new signing key pair in minisign's formats (secret key mode 0600).
#include <filesystem>
#include <iostream>

#include "content/durable_file.h"
#include "content/publish/publish_command.h"

namespace publish {
namespace fs = std::filesystem;

int cmd_keygen(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {"--secret", "--public"}, {"--force"});
    if (!args.error.empty() || !args.positional.empty() || !args.value("--secret") ||
        !args.value("--public")) {
        return usage(args.error);
    }
    const fs::path secret_path = *args.value("--secret");
    const fs::path public_path = *args.value("--public");
    const bool force = args.flags.count("--force") > 0;
    for (const fs::path& path : {secret_path, public_path}) {
        std::error_code ec;
        if (!force && fs::exists(path, ec)) {
            std::cerr << "kiosk-publish: " << path.string()
                      << " already exists; keygen never replaces a key silently (boards trust "
                         "the old one). Add --force to replace it.\n";
            return k_usage;
        }
        if (path.has_parent_path()) {
            fs::create_directories(path.parent_path());
        }
    }
    const content::channel::minisign::SecretKey key = content::channel::minisign::generate_secret_key();
    const content::Replace replace = force ? content::Replace::Allow : content::Replace::Refuse;
    try {
        content::write_file_atomically(secret_path, content::channel::minisign::format_secret_key_file(key),
                                       0600, replace);
        content::write_file_atomically(public_path,
                                       content::channel::minisign::format_public_key_file(key.public_key()),
                                       0644, replace);
    } catch (const content::FileError& e) {
        std::cerr << "kiosk-publish: " << e.what() << "\n";
        return k_usage;
    }
    std::cout << "key " << content::channel::minisign::key_id_hex(key.id) << "\n"
              << "secret key: " << secret_path.string() << " (mode 0600; keep it private)\n"
              << "public key: " << public_path.string() << "\n"
              << "trust it on a board (kiosk.toml, [sync] trusted_keys): \""
              << content::channel::minisign::public_key_base64(key.public_key()) << "\"\n";
    return k_ok;
}

}  // namespace publish
