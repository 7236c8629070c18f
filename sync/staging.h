// The staging folder under the data dir: fetched files land here and are checked here, so what is
// applied is exactly what was verified.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace sync_core {

class Staging {
public:
    // Creates the folder if needed; keeps files a previous interrupted run left (they are
    // re-verified before use, so a download can resume).
    explicit Staging(std::filesystem::path dir);

    const std::filesystem::path& dir() const { return m_dir; }
    std::filesystem::path path(std::string_view name) const { return m_dir / std::string(name); }

    // The whole staged file, refusing more than `cap` bytes. Throws SyncError(LocalError).
    std::string read(std::string_view name, uint64_t cap) const;

    // Whether `name` is staged with exactly these size and sha256.
    bool holds(std::string_view name, uint64_t size, std::string_view sha256) const;

    // Removes every staged file.
    void clear();

private:
    std::filesystem::path m_dir;
};

}  // namespace sync_core
