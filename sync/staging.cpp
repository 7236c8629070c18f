// Staging folder housekeeping and read-back of staged files.
#include "sync/staging.h"

#include "content/file_read.h"
#include "content/sha256.h"
#include "sync/sync_problem.h"

namespace sync_core {
namespace fs = std::filesystem;

Staging::Staging(fs::path dir) : m_dir(std::move(dir)) {
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    if (ec) {
        throw SyncError(
            ec == std::errc::no_space_on_device ? Problem::DiskFull : Problem::LocalError,
            "cannot create the staging folder " + m_dir.string() + ": " + ec.message());
    }
}

std::string Staging::read(std::string_view name, uint64_t cap) const {
    try {
        return content::read_file_capped(path(name), cap, content::FollowLinks::No);
    } catch (const std::exception& e) {
        throw SyncError(Problem::LocalError,
                        std::string("cannot read back a staged file: ") + e.what());
    }
}

bool Staging::holds(std::string_view name, uint64_t size, std::string_view sha256) const {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(path(name), ec);
    if (ec || !fs::is_regular_file(st) || fs::file_size(path(name), ec) != size || ec) {
        return false;
    }
    try {
        return content::sha256_hex(
                   content::read_file_capped(path(name), size, content::FollowLinks::No)) == sha256;
    } catch (const std::exception&) {
        return false;
    }
}

void Staging::clear() {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
        fs::remove_all(entry.path(), ec);
    }
}

}  // namespace sync_core
