// A channel in a folder: a mounted USB stick or share. Files are copied into staging, and only
// the copies are checked and applied, so a stick changed after verification changes nothing.
#pragma once

#include "sync/source.h"

namespace sync_core {

class FileSource : public Source {
public:
    // `url` is file:///absolute/path/to/channel
    explicit FileSource(std::string url);

    const std::string& url() const override { return m_url; }
    FetchResult fetch(std::string_view name, const std::filesystem::path& dest, uint64_t cap,
                      const Validators* if_changed) override;

private:
    std::string m_url;
    std::filesystem::path m_dir;
};

}  // namespace sync_core
