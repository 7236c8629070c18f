// Reading whole files with a size cap, safely: no blocking on FIFOs, no following symlinks.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace content {

enum class FollowLinks { No, Yes };

// Reads a whole regular file, refusing files over `max_bytes`. The file is opened with
// O_NONBLOCK (a FIFO or device on a hostile USB stick cannot block the caller) and, unless
// `follow` is Yes, O_NOFOLLOW; anything but a regular file is refused after fstat(), before a
// byte is read. Throws std::runtime_error naming the path and the reason.
std::string read_file_capped(const std::filesystem::path& path, size_t max_bytes,
                             FollowLinks follow = FollowLinks::Yes);

// "image/png", "image/jpeg" or empty when the bytes are neither.
std::string sniff_image_mime(std::string_view bytes);

}  // namespace content
