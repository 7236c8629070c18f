// Where a board's uploads go: plain storage, no custom server. HTTP PUT of whole files to a base
// URL (a WebDAV folder on nginx, `dav_methods PUT; create_full_put_path on;`), or a folder (a USB
// stick or a share). Object names are relative paths (boards/<id>/...); a PUT of the same name
// replaces the same object, which is what makes retries harmless.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace sync_core {

struct PutResult {
    bool ok = false;
    std::string error;  // in words: the URL or path and the reason
};

class UploadTarget {
public:
    virtual ~UploadTarget() = default;
    virtual PutResult put(const std::string& object, std::string_view bytes) = 0;
    virtual std::string describe() const = 0;
};

// "http://", "https://" (PUT; an optional "Authorization" header value for a pre-shared key
// from $KIOSK_UPLOAD_AUTHORIZATION) or "file:///" (a folder; files written atomically).
// Throws std::invalid_argument for anything else.
std::unique_ptr<UploadTarget> open_upload_target(const std::string& base_url);

}  // namespace sync_core
