// The kiosk's event writer: record() only queues (never blocks a frame); a writer thread gives
// the records their clock state, appends them to events.db in batches and rewrites
// kiosk-state.json (screen state, events state, lost count) every minute for the heartbeat.
// A write that fails (full disk) loses that batch, counted: the next successful write starts
// with a `lost` record carrying the count, and kiosk-state.json says "disk_full" meanwhile.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "content/events/event_log.h"
#include "content/events/heartbeat.h"

namespace content::events {

struct RecorderOptions {
    std::filesystem::path dir;  // events.db and kiosk-state.json go here
    std::string board;
    std::string kiosk_version;
    size_t max_queue = 10000;
    uint64_t max_records = k_default_max_records;
    int state_every_seconds = 60;
};

struct RecorderStats {
    uint64_t written = 0;
    uint64_t lost = 0;  // dropped by a full queue or a failed write
    std::string events_state = "ok";
};

class EventRecorder {
public:
    explicit EventRecorder(RecorderOptions options);
    ~EventRecorder();  // writes what is queued, then stops
    EventRecorder(const EventRecorder&) = delete;
    EventRecorder& operator=(const EventRecorder&) = delete;

    // Queues a record (its `at` is taken now if 0). Never blocks on the disk.
    void record(Record draft);
    void set_screen(ScreenState state);
    // Waits until everything queued so far is written or counted lost.
    void flush();
    RecorderStats stats() const;

private:
    struct Item {
        Record record;
        int64_t steady = 0;
    };
    void run();
    void write_batch(std::deque<Item>& batch);
    void write_state(int64_t now);

    RecorderOptions m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_drained;
    std::deque<Item> m_queue;
    bool m_stop = false;
    bool m_busy = false;
    ScreenState m_screen = ScreenState::On;
    RecorderStats m_stats;
    uint64_t m_unreported_lost = 0;
    std::optional<ClockSample> m_last_clock;
    std::unique_ptr<EventLogWriter> m_log;
    std::thread m_thread;
};

}  // namespace content::events
