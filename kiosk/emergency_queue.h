// Which live emergencies must take over the screen: severity and age order, acknowledgements by
// version, and the return after idle. Pure: the caller passes the live set and the idle time.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "content/notice.h"

namespace kiosk {

// A live emergency as content.db has it now.
struct EmergencyFact {
    std::string id;
    std::string content_hash;  // an edit changes it, so an edited emergency alerts again
    content::AlertLevel level = content::AlertLevel::Red;
    int64_t published_at = 0;
    bool operator==(const EmergencyFact&) const = default;
};

class EmergencyQueue {
public:
    // Replaces the live set (computed on the board's clock: a scheduled emergency enters at its
    // starts, an expired one leaves). Acknowledgements of emergencies no longer live are dropped.
    void update(std::vector<EmergencyFact> live);

    // Most severe first, then newest, then by id: the order the takeover screen pages through.
    const std::vector<EmergencyFact>& live() const { return m_live; }
    bool empty() const { return m_live.empty(); }

    // Some live emergency has not been acknowledged in its current version since this queue was
    // made (a board start counts as nobody having acknowledged anything).
    bool pending() const;
    // The resident pressed 我知道了: every emergency shown is acknowledged in its version.
    void acknowledge();
    // Whether the takeover screen should be up: something pending, or, after an acknowledgement,
    // the board left idle for `idle_home_ms` while an emergency still stands.
    bool should_take_over(int64_t idle_ms, int64_t idle_home_ms) const {
        return pending() || (!m_live.empty() && idle_ms >= idle_home_ms);
    }

private:
    std::vector<EmergencyFact> m_live;
    std::map<std::string, std::string> m_acknowledged;  // id -> content hash
};

}  // namespace kiosk
