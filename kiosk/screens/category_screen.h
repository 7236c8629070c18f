// The category screen: notice cards (title, department, date; pinned first), paged by swipe and by
// 上一页 / 下一页, with a proper empty state.
#pragma once

#include <functional>

#include "content/store.h"
#include "kiosk/navigation.h"
#include "kiosk/screens/ui.h"

namespace kiosk {

// Fetches one page of a category: (offset, limit) -> page. Lets the builder decide how many
// cards fit before asking for them.
using CategoryFetch = std::function<content::NoticePage(int offset, int limit)>;

Screen build_category(content::Category category, const CategoryFetch& fetch, const NavState& state,
                      const Theme& theme, const display::FontMetrics& metrics, display::Size size);

// How many cards fit on one page at this size and type.
int cards_per_page(const Theme& theme, const display::FontMetrics& metrics, display::Size size,
                   TypeSize type);

}  // namespace kiosk
