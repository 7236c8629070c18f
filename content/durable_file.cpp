// Atomic file replacement with POSIX calls: write a temporary file, fsync, rename, fsync folder.
#include "content/durable_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace content {
namespace fs = std::filesystem;
namespace {

std::string reason() {
    return std::strerror(errno);
}

// Closes the descriptor on every path out, and removes the temporary file unless released.
class TempFile {
public:
    explicit TempFile(fs::path path) : m_path(std::move(path)) {}
    ~TempFile() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        if (!m_released) {
            ::unlink(m_path.c_str());
        }
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    int open(unsigned mode) {
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        return m_fd;
    }
    int close() {
        const int rc = ::close(m_fd);
        m_fd = -1;
        return rc;
    }
    void release() { m_released = true; }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
    int m_fd = -1;
    bool m_released = false;
};

void write_all(int fd, std::string_view bytes, const fs::path& path) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            throw FileError("cannot write " + path.string() + ": " + reason());
        }
        bytes.remove_prefix(static_cast<size_t>(n));
    }
}

}  // namespace

void sync_path(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw FileError("cannot open " + path.string() + " to sync it: " + reason());
    }
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    // Some file systems (FAT on a USB stick) refuse fsync on folders; the data itself is synced.
    if (rc != 0 && error != EINVAL) {
        throw FileError("cannot sync " + path.string() + ": " + std::strerror(error));
    }
}

void write_file_atomically(const fs::path& path, std::string_view bytes, unsigned mode,
                           Replace replace, Durability durability) {
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    TempFile tmp(folder / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid())));
    ::unlink(tmp.path().c_str());
    const int fd = tmp.open(mode);
    if (fd < 0) {
        throw FileError("cannot create " + tmp.path().string() + ": " + reason());
    }
    ::fchmod(fd, mode);  // the umask may have cleared bits we asked for
    write_all(fd, bytes, tmp.path());
    if (durability == Durability::Synced && ::fsync(fd) != 0) {
        throw FileError("cannot sync " + tmp.path().string() + ": " + reason());
    }
    if (tmp.close() != 0) {
        throw FileError("cannot write " + tmp.path().string() + ": " + reason());
    }
    const unsigned flags = replace == Replace::Refuse ? RENAME_NOREPLACE : 0;
    int rc = ::renameat2(AT_FDCWD, tmp.path().c_str(), AT_FDCWD, path.c_str(), flags);
    if (rc != 0 && errno == EINVAL && flags != 0) {
        // The file system cannot refuse atomically (FAT): check first, then rename.
        errno = fs::exists(path) ? EEXIST : 0;
        rc = errno ? -1 : ::rename(tmp.path().c_str(), path.c_str());
    }
    if (rc != 0) {
        if (errno == EEXIST) {
            throw FileError(path.string() + " already exists; it was left unchanged");
        }
        throw FileError("cannot rename " + tmp.path().string() + " to " + path.string() + ": " +
                        reason());
    }
    tmp.release();
    if (durability == Durability::Synced) {
        sync_path(folder);
    }
}

}  // namespace content
