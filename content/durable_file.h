// Writing files so that a crash or power cut leaves either the old file or the new one.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace content {

class FileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Replace { Allow, Refuse };
enum class Durability { Synced, Unsynced };

// Writes `bytes` to a temporary file beside `path`, syncs it (when Synced), then renames it into
// place and syncs the folder. With Replace::Refuse an existing `path` is an error and is left
// alone. `mode` is the new file's permission bits. Throws FileError naming the path and reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           unsigned mode = 0644, Replace replace = Replace::Allow,
                           Durability durability = Durability::Synced);

// fsync() on a file or folder, so renames and new entries in it survive a power cut.
void sync_path(const std::filesystem::path& path);

}  // namespace content
