// Builds a channel version in a hidden sibling folder, links unchanged objects, signs, swaps.
#include "content/channel/writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <map>

#include "content/durable_file.h"
#include "content/notice_source.h"
#include "content/sha256.h"

namespace content::channel {
namespace fs = std::filesystem;
namespace {

using Kind = ChannelError::Kind;

[[noreturn]] void io_fail(const std::string& what) {
    throw ChannelError(Kind::Io, what + ": " + std::strerror(errno));
}

// Holds an exclusive lock beside the channel so two builds never interleave.
class BuildLock {
public:
    explicit BuildLock(const fs::path& path) {
        m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd < 0) {
            io_fail("cannot create the lock file " + path.string());
        }
        if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(m_fd);
            throw ChannelError(Kind::Usage, "another kiosk-publish build is writing this channel");
        }
    }
    ~BuildLock() { ::close(m_fd); }
    BuildLock(const BuildLock&) = delete;
    BuildLock& operator=(const BuildLock&) = delete;

private:
    int m_fd = -1;
};

fs::path sibling(const fs::path& out, const char* suffix) {
    return out.parent_path() / ("." + out.filename().string() + suffix);
}

std::optional<ChannelManifest> read_previous(const fs::path& out) {
    std::error_code ec;
    if (!fs::exists(out, ec)) {
        return std::nullopt;
    }
    if (!fs::is_directory(out, ec)) {
        throw ChannelError(Kind::Usage, out.string() + " exists and is not a folder");
    }
    const fs::path manifest = out / k_manifest_file;
    if (!fs::exists(manifest, ec)) {
        if (!fs::is_empty(out, ec)) {
            throw ChannelError(Kind::Usage, out.string() + " is not empty and holds no " +
                                                std::string(k_manifest_file) +
                                                "; choose a new or empty folder for the channel");
        }
        return std::nullopt;
    }
    std::string bytes;
    try {
        bytes = read_file_capped(manifest, k_max_manifest_bytes);
    } catch (const std::exception& e) {
        throw ChannelError(Kind::Io, e.what());
    }
    ManifestParse parsed = parse_manifest(bytes);
    if (!parsed.manifest) {
        throw ChannelError(Kind::Usage, manifest.string() + " cannot be read (" + parsed.error +
                                            "); remove the folder to start a new channel");
    }
    return parsed.manifest;
}

uint64_t next_version(const std::optional<ChannelManifest>& previous,
                      const std::optional<uint64_t>& wanted) {
    const uint64_t last = previous ? previous->version : 0;
    constexpr uint64_t k_highest = uint64_t(std::numeric_limits<int64_t>::max());
    if (!wanted && last >= k_highest) {
        throw ChannelError(Kind::Usage,
                           "the channel is at version " + std::to_string(last) +
                               ", the highest a board accepts; boards cannot take a later one, so "
                               "publish a new channel instead (another --channel name in a new "
                               "--out folder; boards move to it with kiosk-syncd --reset-channel)");
    }
    if (!wanted) {
        return last + 1;
    }
    if (*wanted > k_highest) {
        throw ChannelError(Kind::Usage, "--version " + std::to_string(*wanted) +
                                            " is higher than boards accept (at most " +
                                            std::to_string(k_highest) + ")");
    }
    if (*wanted <= last) {
        throw ChannelError(Kind::Usage, "--version " + std::to_string(*wanted) +
                                            " is not higher than the channel's current version " +
                                            std::to_string(last) +
                                            "; boards would refuse it as a rollback");
    }
    return *wanted;
}

// The manifest and, by hash, the bytes of every object it names.
ChannelManifest describe(const SourceTree& tree, std::map<std::string, std::string_view>& objects,
                         std::map<std::string, std::string>& notice_texts) {
    ChannelManifest m;
    for (const Notice& notice : tree.notices) {
        std::string text = notice_canonical_text(notice);
        const std::string sha = sha256_hex(text);
        if (text.size() > k_max_notice_object_bytes) {
            throw ChannelError(Kind::Content, "notice " + notice.id + " is larger than " +
                                                  std::to_string(k_max_notice_object_bytes) +
                                                  " bytes once published; shorten it");
        }
        m.items.push_back({notice.id, sha, text.size(), notice.boards});
        objects[sha] = notice_texts.emplace(sha, std::move(text)).first->second;
    }
    for (const auto& [sha, asset] : tree.assets) {
        m.assets.push_back({sha, asset.bytes.size(), asset.mime});
        objects[sha] = asset.bytes;
    }
    return m;
}

bool holds_object(const fs::path& path, std::string_view bytes) {
    std::error_code ec;
    if (fs::file_size(path, ec) != bytes.size() || ec) {
        return false;
    }
    try {
        return read_file_capped(path, bytes.size()) == bytes;
    } catch (const std::exception&) {
        return false;
    }
}

void write_object(const fs::path& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        io_fail("cannot create " + path.string());
    }
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno != EINTR) {
            ::close(fd);
            io_fail("cannot write " + path.string());
        }
        bytes.remove_prefix(n < 0 ? 0 : static_cast<size_t>(n));
    }
    if (::close(fd) != 0) {
        io_fail("cannot write " + path.string());
    }
}

// Unchanged objects are hard-linked from the current version (same inode, not rewritten); where
// the file system has no hard links (FAT), they are copied.
void place_objects(const std::map<std::string, std::string_view>& objects, const fs::path& old_dir,
                   const fs::path& new_dir, ChannelBuildResult& result) {
    for (const auto& [sha, bytes] : objects) {
        const fs::path old_path = old_dir / sha;
        const fs::path new_path = new_dir / sha;
        if (holds_object(old_path, bytes) && ::link(old_path.c_str(), new_path.c_str()) == 0) {
            ++result.objects_kept;
            continue;
        }
        write_object(new_path, bytes);
        ++result.objects_written;
    }
}

void sync_tree(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::syncfs(fd) != 0) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        errno = error;
        io_fail("cannot flush " + dir.string() + " to disk");
    }
    ::close(fd);
}

// Puts `staged` at `out` atomically; the previous version ends up at `staged` to be removed.
void swap_into_place(const fs::path& staged, const fs::path& out) {
    std::error_code ec;
    if (!fs::exists(out, ec)) {
        if (::rename(staged.c_str(), out.c_str()) != 0) {
            io_fail("cannot move the new channel into " + out.string());
        }
    } else if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS) {
            io_fail("cannot swap the new channel into " + out.string());
        }
        // No atomic exchange on this file system (FAT): two renames, a moment without a channel.
        const fs::path old = sibling(out, ".old");
        fs::remove_all(old, ec);
        if (::rename(out.c_str(), old.c_str()) != 0 || ::rename(staged.c_str(), out.c_str()) != 0) {
            io_fail("cannot replace " + out.string());
        }
        fs::remove_all(old, ec);
    }
    sync_path(out.parent_path().empty() ? fs::path(".") : out.parent_path());
    fs::remove_all(staged, ec);
}

}  // namespace

std::string channel_trusted_comment(const ChannelManifest& m) {
    return "timestamp:" + std::to_string(m.issued) + "\tfile:" + std::string(k_manifest_file) +
           "\thashed\tchannel:" + m.channel + "\tversion:" + std::to_string(m.version);
}

ChannelBuildResult build_channel(const SourceTree& tree, const minisign::SecretKey& key,
                                 const fs::path& out_arg, const ChannelBuildOptions& options) {
    if (!tree.diagnostics.empty()) {
        throw ChannelError(Kind::Content, "the notices have problems; nothing was published");
    }
    const fs::path out = fs::absolute(out_arg).lexically_normal();
    if (!options.channel.empty() && !is_valid_channel_name(options.channel)) {
        throw ChannelError(Kind::Usage, "channel name '" + options.channel +
                                            "' must use lowercase letters, digits, '-', '_', '.'");
    }
    for (const std::string& board : options.boards) {
        if (board != "all" && !is_valid_notice_id(board)) {
            throw ChannelError(Kind::Usage, "'" + board + "' is not a board id");
        }
    }
    if (options.valid_seconds <= 0) {
        throw ChannelError(Kind::Usage, "a channel must stay valid for some time after issue");
    }
    fs::create_directories(out.parent_path());
    BuildLock lock(sibling(out, ".lock"));
    const std::optional<ChannelManifest> previous = read_previous(out);

    ChannelBuildResult result;
    std::map<std::string, std::string_view> objects;
    std::map<std::string, std::string> notice_texts;
    result.manifest = describe(tree, objects, notice_texts);
    ChannelManifest& m = result.manifest;
    m.channel = !options.channel.empty() ? options.channel
                : previous               ? previous->channel
                                         : "community";
    m.version = next_version(previous, options.version);
    m.issued = options.now;
    m.expires = options.now + options.valid_seconds;
    m.boards = options.boards;

    const fs::path staged = sibling(out, ".building");
    std::error_code ec;
    fs::remove_all(staged, ec);  // left over from a build that was interrupted
    fs::create_directories(staged / k_objects_dir);
    place_objects(objects, out / k_objects_dir, staged / k_objects_dir, result);
    const std::string manifest_text = manifest_json(m);
    write_object(staged / k_manifest_file, manifest_text);
    write_object(staged / k_signature_file,
                 minisign::sign(manifest_text, key, channel_trusted_comment(m)));
    sync_tree(staged);
    swap_into_place(staged, out);
    return result;
}

}  // namespace content::channel
