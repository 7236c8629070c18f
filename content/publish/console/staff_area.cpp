// Creating the console's private folders inside a notice folder.
#include "content/publish/console/staff_area.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "content/durable_file.h"

namespace console {

namespace {

void make_private_dir(const std::filesystem::path& dir) {
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        throw content::FileError("cannot create " + dir.string() + ": " + std::strerror(errno));
    }
}

}  // namespace

void ensure_staff_area(const StaffArea& area) {
    std::error_code ec;
    if (!std::filesystem::is_directory(area.root, ec)) {
        throw content::FileError(area.root.string() + " is not a folder of notices");
    }
    make_private_dir(area.dir());
    make_private_dir(area.drafts());
}

}  // namespace console
