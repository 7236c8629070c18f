// The home screen: board name, date and time, six category tiles with live counts and a "new"
// mark, the band of emergency and pinned notices, and when the content was last updated.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/store.h"
#include "display/draw_list.h"
#include "kiosk/navigation.h"
#include "kiosk/screens/screen.h"
#include "kiosk/screens/theme.h"

namespace kiosk {

struct HomeModel {
    std::string board_name;
    int64_t now = 0;
    std::vector<content::CategoryCount> counts;  // all six, in order
    std::vector<content::NoticeSummary> highlighted;
    std::optional<int64_t> last_updated;
    // The sources have offered only expired content for longer than [kiosk] stale_note_hours.
    bool possibly_outdated = false;
};

Screen build_home(const HomeModel& model, const NavState& state, const Theme& theme,
                  const display::FontMetrics& metrics, display::Size size);

}  // namespace kiosk
