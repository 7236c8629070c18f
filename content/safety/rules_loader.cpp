// Reads the content safety rules folder: every *.txt file, named relative to the folder.
#include "content/safety/rules_loader.h"

#include <algorithm>
#include <cstdlib>

#include "content/file_read.h"

namespace content::safety {
namespace fs = std::filesystem;

namespace {
constexpr size_t k_max_rules_file_bytes = 4 * 1024 * 1024;
}

SafetyRulesResult load_safety_rules(const fs::path& dir) {
    SafetyRulesResult result;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        result.diagnostics.push_back({dir.string(), 0, "", "not a folder of safety rules"});
        return result;
    }
    std::vector<fs::path> paths;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".txt") {
            paths.push_back(it->path());
        }
    }
    if (ec) {
        result.diagnostics.push_back({dir.string(), 0, "", "cannot list: " + ec.message()});
        return result;
    }
    std::sort(paths.begin(), paths.end());
    std::vector<RuleFile> files;
    for (const fs::path& path : paths) {
        try {
            files.push_back({fs::relative(path, dir).generic_string(),
                             read_file_capped(path, k_max_rules_file_bytes)});
        } catch (const std::exception& e) {
            result.diagnostics.push_back({path.string(), 0, "", e.what()});
        }
    }
    if (!result.diagnostics.empty()) {
        return result;
    }
    SafetyRulesResult parsed = parse_safety_rules(files);
    for (Diagnostic& d : parsed.diagnostics) {
        d.file = (dir / d.file).string();
    }
    return parsed;
}

std::optional<fs::path> default_rules_dir() {
    std::error_code ec;
    if (const char* env = std::getenv("KIOSK_RULES_DIR"); env != nullptr && *env != '\0') {
        return fs::path(env);
    }
    if (fs::is_directory("/usr/share/kiosk/rules", ec)) {
        return fs::path("/usr/share/kiosk/rules");
    }
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path dev =
            exe.parent_path().parent_path().parent_path() / "content" / "safety" / "rules";
        if (fs::is_directory(dev, ec)) {
            return dev;
        }
    }
    return std::nullopt;
}

}  // namespace content::safety
