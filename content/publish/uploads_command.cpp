// Loading the registry and the verified uploads for kiosk-publish proof, fleet and report.
#include "content/publish/uploads_command.h"

#include <filesystem>
#include <iostream>

#include "content/date_time.h"

namespace publish {

std::optional<content::BoardRegistry> load_registry_for(
    const std::string& uploads, const std::optional<std::string>& registry) {
    const std::string path =
        registry ? *registry : (std::filesystem::path(uploads) / "boards.toml").string();
    auto result = content::load_board_registry(path);
    for (const auto& d : result.diagnostics)
        std::cerr << content::format_diagnostic(d) << "\n";
    if (!result.registry && !registry)
        std::cerr << "kiosk-publish: give the board registry with --registry FILE\n";
    return std::move(result.registry);
}

std::vector<content::events::BoardUploads> read_registered_uploads(
    const std::string& uploads, const content::BoardRegistry& registry,
    std::vector<std::string>& unknown) {
    std::vector<content::events::BoardUploads> out;
    for (const auto& b : registry.boards)
        out.push_back(content::events::read_board_uploads(uploads, b.id, b.public_key));
    for (const auto& id : content::events::list_uploaded_boards(uploads))
        if (!registry.find(id))
            unknown.push_back("boards/" + id +
                              "/: uploads from a board that is not in the registry "
                              "(not read; add it to boards.toml with its public key)");
    return out;
}

bool report_chain_problems(const content::events::BoardUploads& board) {
    for (const auto& p : board.chain.problems)
        std::cerr << (p.object.empty() ? "boards/" + board.board : p.object) << ": " << p.message
                  << "\n";
    return board.chain.verified();
}

std::string format_time(int64_t unix_seconds) {
    return content::format_date_time(unix_seconds);
}

}  // namespace publish
