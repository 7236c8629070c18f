// EventRecorder: a bounded queue in front of EventLogWriter, drained by one thread.
#include "content/events/event_recorder.h"

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

#include "content/durable_file.h"
#include "content/log.h"

namespace content::events {
namespace {

int64_t steady_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

EventRecorder::EventRecorder(RecorderOptions options) : m_options(std::move(options)) {
    try {
        std::filesystem::create_directories(m_options.dir);
        m_log = std::make_unique<EventLogWriter>((m_options.dir / k_events_db_name).string(),
                                                 m_options.board, m_options.max_records);
    } catch (const std::exception& e) {
        m_stats.events_state = "unreadable";
        content::log::error(std::string("events are not recorded: ") + e.what());
    }
    m_thread = std::thread([this] { run(); });
}

EventRecorder::~EventRecorder() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void EventRecorder::record(Record draft) {
    if (draft.at == 0)
        draft.at = std::time(nullptr);
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_options.max_queue) {
            ++m_stats.lost;
            ++m_unreported_lost;
            return;
        }
        m_queue.push_back({std::move(draft), steady_seconds()});
    }
    m_wake.notify_one();
}

void EventRecorder::set_screen(ScreenState state) {
    std::lock_guard lock(m_mutex);
    m_screen = state;
}

void EventRecorder::flush() {
    std::unique_lock lock(m_mutex);
    m_drained.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

RecorderStats EventRecorder::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void EventRecorder::run() {
    auto next_state = std::chrono::steady_clock::now();
    for (;;) {
        std::deque<Item> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, next_state, [this] { return m_stop || !m_queue.empty(); });
            batch.swap(m_queue);
            m_busy = !batch.empty();
        }
        if (!batch.empty())
            write_batch(batch);
        if (std::chrono::steady_clock::now() >= next_state) {
            write_state(std::time(nullptr));
            next_state = std::chrono::steady_clock::now() +
                         std::chrono::seconds(m_options.state_every_seconds);
        }
        std::lock_guard lock(m_mutex);
        m_busy = false;
        m_drained.notify_all();
        if (m_stop && m_queue.empty())
            break;
    }
    write_state(std::time(nullptr));
}

void EventRecorder::write_batch(std::deque<Item>& batch) {
    std::vector<Record> drafts;
    uint64_t lost_before = 0;
    {
        std::lock_guard lock(m_mutex);
        lost_before = m_unreported_lost;
    }
    if (lost_before > 0) {
        Record lost;
        lost.kind = Kind::Lost;
        lost.at = batch.front().record.at;
        lost.count = lost_before;
        drafts.push_back(lost);
    }
    for (auto& item : batch) {
        const ClockSample now{item.record.at, item.steady};
        item.record.clock = classify_clock(now, m_last_clock);
        m_last_clock = now;
        drafts.push_back(std::move(item.record));
    }
    if (!drafts.empty() && drafts.front().kind == Kind::Lost)
        drafts.front().clock = drafts.size() > 1 ? drafts[1].clock : ClockState::Trusted;
    // The database is written without the lock: record() must never wait for the disk.
    std::string failure;
    if (!m_log) {
        failure = "unreadable";
    } else {
        try {
            m_log->append(std::move(drafts));
        } catch (const std::exception& e) {
            failure = e.what();
        }
    }
    std::lock_guard lock(m_mutex);
    if (failure.empty()) {
        m_stats.written += batch.size();
        m_unreported_lost -= lost_before;
        m_stats.events_state = "ok";
        return;
    }
    if (m_stats.events_state == "ok")
        content::log::error("events not written (counted as lost): " + failure);
    m_stats.lost += batch.size();
    m_unreported_lost += batch.size();
    if (m_log)
        m_stats.events_state = "disk_full";
}

void EventRecorder::write_state(int64_t now) {
    nlohmann::json j;
    {
        std::lock_guard lock(m_mutex);
        j = {{"at", now},
             {"screen", screen_state_name(m_screen)},
             {"events_state", m_stats.events_state},
             {"lost", m_stats.lost},
             {"kiosk_version", m_options.kiosk_version}};
    }
    try {
        content::write_file_atomically(m_options.dir / "kiosk-state.json", j.dump() + "\n", 0644,
                                       content::Replace::Allow, content::Durability::Unsynced);
    } catch (const std::exception&) {
        // A full disk: the heartbeat then reports the kiosk as not running, which is the truth
        // that matters (nothing is being recorded).
    }
}

}  // namespace content::events
