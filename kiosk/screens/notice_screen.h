// The notice screen: paginated reading (第 x / y 页, swipe and buttons), the publication details
// and a QR code of the source address. The body pages come from a NoticeBody, which owns the
// typesetting and caches it, so turning a page does not lay the notice out again.
#pragma once

#include "content/notice.h"
#include "kiosk/navigation.h"
#include "kiosk/screens/ui.h"

namespace kiosk {

class NoticeBody {
public:
    virtual ~NoticeBody() = default;
    // Lays out (or reuses) the notice for a body area of this size; returns the page count.
    virtual int paginate(const content::Notice& notice, display::Size area, TypeSize type) = 0;
    // Appends page `page` (already clamped) with its top left at (x, y).
    virtual void draw(int page, float x, float y, display::DrawList& out) = 0;
};

Screen build_notice(const content::Notice& notice, NoticeBody& body, const NavState& state,
                    const Theme& theme, const display::FontMetrics& metrics, display::Size size);

// The calm screen for a notice that cannot be shown (withdrawn, expired, unreadable).
Screen build_notice_missing(const NavState& state, const Theme& theme,
                            const display::FontMetrics& metrics, display::Size size);

}  // namespace kiosk
