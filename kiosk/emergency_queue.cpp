// Ordering and acknowledgement of live emergencies.
#include "kiosk/emergency_queue.h"

#include <algorithm>
#include <tuple>

namespace kiosk {

void EmergencyQueue::update(std::vector<EmergencyFact> live) {
    std::sort(live.begin(), live.end(), [](const EmergencyFact& a, const EmergencyFact& b) {
        // AlertLevel runs from Red (most severe) to Blue.
        return std::tuple(static_cast<int>(a.level), -a.published_at, a.id) <
               std::tuple(static_cast<int>(b.level), -b.published_at, b.id);
    });
    m_live = std::move(live);
    std::erase_if(m_acknowledged, [&](const auto& entry) {
        return std::none_of(m_live.begin(), m_live.end(),
                            [&](const EmergencyFact& f) { return f.id == entry.first; });
    });
}

bool EmergencyQueue::pending() const {
    return std::any_of(m_live.begin(), m_live.end(), [&](const EmergencyFact& f) {
        const auto it = m_acknowledged.find(f.id);
        return it == m_acknowledged.end() || it->second != f.content_hash;
    });
}

void EmergencyQueue::acknowledge() {
    for (const EmergencyFact& f : m_live) {
        m_acknowledged[f.id] = f.content_hash;
    }
}

}  // namespace kiosk
