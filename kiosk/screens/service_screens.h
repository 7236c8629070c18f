// The screens around reading: attract mode, the technician PIN pad, diagnostics and the touch test.
#pragma once

#include <string>
#include <vector>

#include "content/store.h"
#include "kiosk/navigation.h"
#include "kiosk/screens/ui.h"

namespace kiosk {

struct AttractModel {
    std::string board_name;
    std::vector<content::NoticeSummary> notices;  // pinned and recent, in cycling order
};

struct DiagnosticsModel {
    std::string version;
    std::string board_id;
    std::string board_name;
    std::string channel;
    std::string content_version;
    std::string last_attempt;
    std::string last_success;
    std::string last_error;
    std::string freshness;  // 正常, or since when the sources offer only expired content
    int notices_total = 0;
    std::vector<content::CategoryCount> counts;
    std::vector<content::QuarantinedNotice> quarantined;
    display::Size screen;
    int rotation = 0;
};

Screen build_attract(const AttractModel& model, const NavState& state, const Theme& theme,
                     const display::FontMetrics& metrics, display::Size size);
Screen build_pin_pad(const NavState& state, const Theme& theme, const display::FontMetrics& metrics,
                     display::Size size);
Screen build_diagnostics(const DiagnosticsModel& model, const NavState& state, const Theme& theme,
                         const display::FontMetrics& metrics, display::Size size);
// Outside the screen-on hours: a dark screen; a touch anywhere lights it again.
Screen build_off(display::Size size);
Screen build_touch_test(const NavState& state, const Theme& theme,
                        const display::FontMetrics& metrics, display::Size size);

}  // namespace kiosk
