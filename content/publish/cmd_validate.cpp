// kiosk-publish validate: check every notice of a staff folder and say what to fix.
#include <iostream>

#include "content/publish/publish_command.h"

namespace publish {

int cmd_validate(const std::vector<std::string>& words) {
    const Args args = parse_args(words, {});
    if (!args.error.empty() || args.positional.size() != 1) {
        return usage(args.error);
    }
    const content::SourceTree tree = content::load_source_tree(args.positional[0]);
    if (tree.files_read == 0 && !tree.diagnostics.empty()) {
        print_diagnostics(tree);
        return k_usage;
    }
    const int rc = print_diagnostics(tree);
    if (rc == k_ok) {
        std::cout << tree.notices.size() << " notice(s) are valid\n";
    }
    return rc;
}

}  // namespace publish
