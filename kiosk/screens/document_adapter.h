// Turns a notice (its title and Markdown body as content::Document) into display blocks for the
// typesetting engine; images are resolved to content addresses and their presence and size.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "content/document.h"
#include "content/notice.h"
#include "display/block.h"

namespace kiosk {

// Returns an image's bytes by sha256, or nullopt when the asset is missing.
using AssetLookup = std::function<std::optional<std::string>(const std::string& sha256)>;

std::vector<display::Block> notice_blocks(const content::Notice& notice,
                                          const content::Document& body, const AssetLookup& assets);

}  // namespace kiosk
