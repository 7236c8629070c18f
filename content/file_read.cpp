// Bounded, non-blocking whole-file reads (see file_read.h).
#include "content/file_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "content/unique_fd.h"

namespace content {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
    throw std::runtime_error(what + " " + path.string());
}

}  // namespace

std::string read_file_capped(const std::filesystem::path& path, size_t max_bytes,
                             FollowLinks follow) {
    int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
    if (follow == FollowLinks::No) {
        flags |= O_NOFOLLOW;
    }
    UniqueFd file{::open(path.c_str(), flags)};
    if (file.fd < 0) {
        if (errno == ELOOP) {
            fail(path, "refusing to follow the symbolic link");
        }
        fail(path, std::string("cannot open (") + std::strerror(errno) + ")");
    }
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) {
        fail(path, "cannot stat");
    }
    if (!S_ISREG(st.st_mode)) {
        fail(path, "not a regular file:");
    }
    if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
        throw std::runtime_error(path.string() + " is larger than " + std::to_string(max_bytes) +
                                 " bytes");
    }
    std::string bytes;
    bytes.resize(max_bytes + 1 < static_cast<size_t>(st.st_size) + 4096
                     ? max_bytes + 1
                     : static_cast<size_t>(st.st_size) + 4096);
    size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(file.fd, bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            fail(path, std::string("cannot read (") + std::strerror(errno) + ")");
        }
        if (n == 0) {
            break;
        }
        got += static_cast<size_t>(n);
        if (got == bytes.size() && got <= max_bytes) {
            bytes.resize(std::min(max_bytes + 1, bytes.size() * 2));
        }
    }
    if (got > max_bytes) {
        throw std::runtime_error(path.string() + " is larger than " + std::to_string(max_bytes) +
                                 " bytes");
    }
    bytes.resize(got);
    return bytes;
}

std::string sniff_image_mime(std::string_view bytes) {
    if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) {
        return "image/png";
    }
    if (bytes.substr(0, 3) == std::string_view("\xff\xd8\xff", 3)) {
        return "image/jpeg";
    }
    return {};
}

}  // namespace content
