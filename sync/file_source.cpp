// Copying channel files from a folder with a cap; the file's identity stands in for an ETag.
#include "sync/file_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "content/unique_fd.h"
#include "sync/sync_problem.h"

namespace sync_core {
namespace {

// Device, inode, size and modification time: what changes when the file is rewritten.
std::string identity(const struct stat& st) {
    return "file:" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" +
           std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
}

void write_all(int fd, const char* data, size_t size, const std::filesystem::path& dest) {
    while (size > 0) {
        const ssize_t w = ::write(fd, data, size);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w < 0) {
            throw SyncError(errno == ENOSPC ? Problem::DiskFull : Problem::LocalError,
                            "cannot write " + dest.string() + ": " + std::strerror(errno));
        }
        data += w;
        size -= static_cast<size_t>(w);
    }
}

uint64_t copy_capped(int in, const std::filesystem::path& dest, uint64_t cap,
                     const std::string& what) {
    // Whatever is at the staging path (a partial copy, or a planted FIFO or symlink) is replaced,
    // never opened: O_EXCL | O_NOFOLLOW create a new regular file or fail.
    ::unlink(dest.c_str());
    content::UniqueFd out{::open(
        dest.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644)};
    if (out.fd < 0) {
        throw SyncError(errno == ENOSPC ? Problem::DiskFull : Problem::LocalError,
                        "cannot create " + dest.string() + ": " + std::strerror(errno));
    }
    char buffer[64 * 1024];
    uint64_t total = 0;
    for (;;) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            throw SyncError(Problem::Unavailable,
                            "cannot read " + what + ": " + std::strerror(errno));
        }
        if (n == 0) {
            break;
        }
        total += static_cast<uint64_t>(n);
        if (total > cap) {
            throw SyncError(Problem::TooLarge, what + " is larger than its cap of " +
                                                   std::to_string(cap) + " bytes; cut off");
        }
        write_all(out.fd, buffer, static_cast<size_t>(n), dest);
    }
    if (::close(out.fd) != 0) {
        out.fd = -1;
        throw SyncError(Problem::LocalError, "cannot write " + dest.string());
    }
    out.fd = -1;
    return total;
}

}  // namespace

FileSource::FileSource(std::string url) : m_url(std::move(url)) {
    constexpr std::string_view prefix = "file://";
    std::string path = m_url.substr(prefix.size());
    if (path.starts_with("localhost/")) {
        path = path.substr(9);
    }
    if (path.empty() || path.front() != '/') {
        throw SyncError(Problem::Unavailable, "'" + m_url +
                                                  "' must name an absolute folder, as in "
                                                  "file:///media/usb/kiosk-channel");
    }
    m_dir = path;
}

FetchResult FileSource::fetch(std::string_view name, const std::filesystem::path& dest,
                              uint64_t cap, const Validators* if_changed) {
    const std::filesystem::path path = m_dir / std::string(name);
    const std::string what = path.string();
    // O_NONBLOCK: a FIFO or device on a hostile stick must not block the open (which would hold
    // the sync lock with no watchdog ping); the type is checked before a byte is read.
    content::UniqueFd in{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)};
    if (in.fd < 0) {
        throw SyncError(errno == ENOENT ? Problem::Missing : Problem::Unavailable,
                        "cannot open " + what + ": " + std::strerror(errno));
    }
    struct stat st {};
    if (::fstat(in.fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        throw SyncError(Problem::Unavailable,
                        what +
                            " is not a regular file (a FIFO, device, folder or link); it was "
                            "not read");
    }
    FetchResult result;
    result.validators.etag = identity(st);
    if (if_changed && if_changed->etag == result.validators.etag) {
        result.status = FetchStatus::NotModified;
        return result;
    }
    if (static_cast<uint64_t>(st.st_size) > cap) {
        throw SyncError(Problem::TooLarge, what + " is " + std::to_string(st.st_size) +
                                               " bytes, over its cap of " + std::to_string(cap));
    }
    result.bytes = copy_capped(in.fd, dest, cap, what);
    return result;
}

}  // namespace sync_core
