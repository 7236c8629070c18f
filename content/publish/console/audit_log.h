// The console's tamper-evident audit chain: ROOT/.staff/audit.jsonl, one JSON object a line, each
// carrying the hash of the one before, plus ROOT/.staff/audit.head naming the last entry, so an
// edited, inserted, reordered or deleted entry (the last one too) breaks verification.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace console {

struct AuditEntry {
    uint64_t seq = 0;  // 1, 2, 3...
    int64_t at = 0;    // Unix seconds
    std::string user;
    std::string role;
    std::string action;  // "login", "save", "submit", "approve", "approve-emergency", ...
    std::string notice;  // notice id, or empty
    std::string text_sha256;
    std::string reason;
    std::string prev;  // hash of the entry before (64 zeros for the first)
    std::string hash;  // sha256 of this entry's canonical JSON without "hash"
};

// An entry to append (seq, prev and hash are filled in by AuditLog::append).
AuditEntry audit_entry(int64_t at, std::string user, std::string role, std::string action,
                       std::string notice = {}, std::string text_sha256 = {},
                       std::string reason = {});

struct AuditVerdict {
    bool ok = true;
    uint64_t entries = 0;
    uint64_t bad_line = 0;  // the first line that breaks the chain (0: the head or none)
    std::string problem;    // Chinese, for staff
};

class AuditLog {
public:
    explicit AuditLog(std::filesystem::path log, std::filesystem::path head);

    // Appends one entry (seq, prev and hash filled in), syncs the file and updates the head.
    // Serialised across processes with a lock file beside the log. Throws content::FileError.
    AuditEntry append(AuditEntry entry);

    // Every entry, oldest first, as read (unverified); at most `limit` from the end.
    std::vector<AuditEntry> read(size_t limit = SIZE_MAX) const;

    AuditVerdict verify() const;

private:
    std::filesystem::path m_log;
    std::filesystem::path m_head;
};

}  // namespace console
