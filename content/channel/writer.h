// Building a signed channel folder from validated notices (what `kiosk-publish build` does).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "content/channel/manifest.h"
#include "content/channel/minisign.h"
#include "content/source_tree.h"

namespace content::channel {

class ChannelError : public std::runtime_error {
public:
    enum class Kind { Content, Usage, Io };
    ChannelError(Kind kind, const std::string& message)
        : std::runtime_error(message), m_kind(kind) {}
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

struct ChannelBuildOptions {
    std::string channel;              // empty: the previous version's name, else "community"
    std::optional<uint64_t> version;  // empty: the previous version plus one (1 for a new channel)
    std::vector<std::string> boards = {"all"};
    int64_t now = 0;                         // becomes `issued`
    int64_t valid_seconds = 90 * 24 * 3600;  // `expires` = now + valid_seconds
};

struct ChannelBuildResult {
    ChannelManifest manifest;
    int objects_written = 0;  // new objects
    int objects_kept = 0;     // unchanged objects linked from the previous version, not rewritten
};

// Builds the next version of the channel in `out`. The new version is assembled in a hidden
// sibling folder and swapped in with one atomic rename, so readers (and a crash) see the old
// version or the new one, never a mixture. `tree` must hold no diagnostics.
// Throws ChannelError.
ChannelBuildResult build_channel(const SourceTree& tree, const minisign::SecretKey& key,
                                 const std::filesystem::path& out,
                                 const ChannelBuildOptions& options);

// The trusted comment written into manifest.json.minisig.
std::string channel_trusted_comment(const ChannelManifest& manifest);

}  // namespace content::channel
