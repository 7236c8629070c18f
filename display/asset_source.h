// Where the backend gets image bytes by content address (the kiosk reads them from content.db).
#pragma once

#include <optional>
#include <string>

namespace display {

class AssetSource {
public:
    virtual ~AssetSource() = default;
    virtual std::optional<std::string> asset_bytes(const std::string& sha256) = 0;
};

}  // namespace display
