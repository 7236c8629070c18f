// Paths the tests use: the source tree (sample content) and the build tree (binaries).
#pragma once

#include <filesystem>
#include <string>

namespace test_paths {

inline std::filesystem::path source_dir() {
    return KIOSK_SOURCE_DIR;
}
inline std::filesystem::path sample_dir() {
    return source_dir() / "content" / "sample";
}
inline std::filesystem::path bin_dir() {
    return std::filesystem::path(KIOSK_BINARY_DIR) / "bin";
}

// A fresh empty folder under the build tree for one test.
inline std::filesystem::path scratch_dir(const std::string& name) {
    const auto dir = std::filesystem::path(KIOSK_BINARY_DIR) / "test-scratch" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace test_paths
