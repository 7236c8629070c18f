// A file descriptor closed on every way out of a scope.
#pragma once

#include <unistd.h>

namespace content {

struct UniqueFd {
    int fd = -1;
    UniqueFd() = default;
    explicit UniqueFd(int descriptor) : fd(descriptor) {}
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

}  // namespace content
