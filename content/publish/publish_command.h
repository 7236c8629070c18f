// kiosk-publish's commands and the small helpers they share (exit codes, options, messages).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/channel/minisign.h"
#include "content/source_tree.h"

namespace publish {

// Exit codes: 0 ok, 1 content problems, 2 usage or I/O errors.
inline constexpr int k_ok = 0;
inline constexpr int k_content_problem = 1;
inline constexpr int k_usage = 2;

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;  // "--key" -> "PATH"
    std::set<std::string> flags;                // "--force"
    std::string error;                          // set when the command line is wrong
    std::optional<std::string> value(const std::string& name) const;
};

// `with_value` options take the next word; `flags` take none. Anything else is an error.
Args parse_args(const std::vector<std::string>& words, const std::set<std::string>& with_value,
                const std::set<std::string>& flags = {});

int usage(const std::string& problem = {});

// Prints every diagnostic; k_content_problem when there were any, else k_ok.
int print_diagnostics(const content::SourceTree& tree);

// Reads a key file or says why not on stderr.
std::optional<content::channel::minisign::SecretKey> load_secret_key(const std::string& path);
std::optional<content::channel::minisign::PublicKey> load_public_key(const std::string& path);

int cmd_validate(const std::vector<std::string>& words);
int cmd_import(const std::vector<std::string>& words);
int cmd_keygen(const std::vector<std::string>& words);
int cmd_build(const std::vector<std::string>& words);
int cmd_verify(const std::vector<std::string>& words);
int cmd_list(const std::vector<std::string>& words);
int cmd_proof(const std::vector<std::string>& words);
int cmd_fleet(const std::vector<std::string>& words);
int cmd_report(const std::vector<std::string>& words);
int cmd_user(const std::vector<std::string>& words);
int cmd_audit(const std::vector<std::string>& words);
int cmd_serve(const std::vector<std::string>& words);
int cmd_alert_import(const std::vector<std::string>& words);

}  // namespace publish
