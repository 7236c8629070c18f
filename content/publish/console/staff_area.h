// Where the console keeps its own files inside a notice folder: ROOT/.staff/ (accounts, audit
// chain, drafts, workflow state, approvals). Hidden, so load_source_tree never reads drafts.
#pragma once

#include <filesystem>

namespace console {

struct StaffArea {
    std::filesystem::path root;  // the notice folder
    std::filesystem::path dir() const { return root / ".staff"; }
    std::filesystem::path accounts() const { return dir() / "accounts.json"; }
    std::filesystem::path audit_log() const { return dir() / "audit.jsonl"; }
    std::filesystem::path audit_head() const { return dir() / "audit.head"; }
    std::filesystem::path workflow() const { return dir() / "workflow.json"; }
    std::filesystem::path approvals() const { return dir() / "approvals.json"; }
    std::filesystem::path drafts() const { return dir() / "drafts"; }
    std::filesystem::path uploads() const { return root / "images" / "uploads"; }
    std::filesystem::path registry() const { return root / "boards.toml"; }
};

// Creates ROOT/.staff and ROOT/.staff/drafts with mode 0700 when missing. Throws
// content::FileError.
void ensure_staff_area(const StaffArea& area);

}  // namespace console
