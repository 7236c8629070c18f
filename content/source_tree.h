// Reads a staff folder of notice files (and the images they name) from disk.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "content/diagnostic.h"
#include "content/file_read.h"
#include "content/notice.h"

namespace content {

inline constexpr size_t k_max_image_bytes = 8 * 1024 * 1024;

struct AssetFile {
    std::string sha256;
    std::string mime;
    std::string bytes;
};

struct SourceTree {
    std::vector<Notice> notices;              // valid notices, image hashes filled in, sorted by id
    std::map<std::string, AssetFile> assets;  // by sha256
    std::vector<Diagnostic> diagnostics;      // every problem in every file
    int files_read = 0;
};

// Every *.md file below `dir` except README.md and those in hidden folders (.staff, .git) is one
// notice; its stem is the notice id.
SourceTree load_source_tree(const std::filesystem::path& dir);

}  // namespace content
