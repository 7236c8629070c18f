// Reads a staff folder of notice files and their images; every problem becomes a Diagnostic.
#include "content/source_tree.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "content/notice_source.h"
#include "content/sha256.h"

namespace content {
namespace fs = std::filesystem;

namespace {

void attach_images(const fs::path& root, const std::string& file, Notice& notice, SourceTree& tree,
                   bool& ok) {
    for (ImageRef& image : notice.images) {
        const fs::path path = root / image.path;
        try {
            std::string bytes = read_file_capped(path, k_max_image_bytes);
            std::string mime = sniff_image_mime(bytes);
            if (mime.empty()) {
                tree.diagnostics.push_back({file, 0, "images",
                                            "'" + image.path +
                                                "' is not a PNG or JPEG picture; "
                                                "save it as .png or .jpg"});
                ok = false;
                continue;
            }
            image.sha256 = sha256_hex(bytes);
            tree.assets[image.sha256] = {image.sha256, std::move(mime), std::move(bytes)};
        } catch (const std::exception& e) {
            tree.diagnostics.push_back({file, 0, "images",
                                        std::string(e.what()) + "; put the picture at " +
                                            path.string() + " (at most 8 MB)"});
            ok = false;
        }
    }
}

}  // namespace

SourceTree load_source_tree(const fs::path& dir) {
    SourceTree tree;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        tree.diagnostics.push_back({dir.string(), 0, "", "not a folder of notices"});
        return tree;
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        // Hidden folders (.staff, the console's drafts and accounts; .git) hold no notices.
        if (it->is_directory() && it->path().filename().string().starts_with(".")) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && it->path().extension() == ".md" &&
            it->path().filename() != "README.md") {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    std::map<std::string, std::string> seen;  // id -> file
    for (const fs::path& path : files) {
        const std::string file = fs::relative(path, dir, ec).string();
        const std::string id = path.stem().string();
        ++tree.files_read;
        std::string text;
        try {
            text = read_file_capped(path, 4 * 1024 * 1024);
        } catch (const std::exception& e) {
            tree.diagnostics.push_back({file, 0, "", e.what()});
            continue;
        }
        ParsedNotice parsed = parse_notice_source(file, id, text);
        tree.diagnostics.insert(tree.diagnostics.end(), parsed.diagnostics.begin(),
                                parsed.diagnostics.end());
        if (auto [it, inserted] = seen.emplace(id, file); !inserted) {
            tree.diagnostics.push_back({file, 1, "id",
                                        "the id '" + id + "' is already used by " + it->second +
                                            "; rename one of the files"});
            continue;
        }
        if (!parsed.notice) {
            continue;
        }
        bool ok = true;
        attach_images(dir, file, *parsed.notice, tree, ok);
        if (ok) {
            parsed.notice->content_hash = notice_hash(*parsed.notice);
            tree.notices.push_back(std::move(*parsed.notice));
        }
    }
    std::sort(tree.notices.begin(), tree.notices.end(),
              [](const Notice& a, const Notice& b) { return a.id < b.id; });
    return tree;
}

}  // namespace content
