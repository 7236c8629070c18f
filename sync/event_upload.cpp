// The upload pass: cursor, segment building from events.db, heartbeat facts, PUTs.
#include "sync/event_upload.h"

#include <sys/statvfs.h>
#include <sys/sysinfo.h>

#include <nlohmann/json.hpp>

#include "content/durable_file.h"
#include "content/events/event_log.h"
#include "content/events/segment.h"
#include "content/file_read.h"
#include "content/log.h"

namespace sync_core {
namespace fs = std::filesystem;
namespace ev = content::events;
namespace minisign = content::channel::minisign;

namespace {

struct Cursor {
    uint64_t sent_through = 0;
    std::string sent_hash = ev::k_genesis_hash;
    uint64_t unsent_total = 0;
};

fs::path cursor_path(const fs::path& dir) {
    return dir / "upload-state.json";
}

Cursor load_cursor(const fs::path& dir, const std::string& board) {
    Cursor c;
    std::error_code ec;
    if (!fs::exists(cursor_path(dir), ec))
        return c;
    const auto j =
        nlohmann::json::parse(content::read_file_capped(cursor_path(dir), 4096), nullptr, false);
    if (j.is_discarded() || j.value("board", "") != board)
        throw std::runtime_error(cursor_path(dir).string() +
                                 " is damaged or belongs to another board; remove it to send "
                                 "everything again (the reader ignores duplicates)");
    c.sent_through = j.value("sent_through", uint64_t{0});
    c.sent_hash = j.value("sent_hash", ev::k_genesis_hash);
    c.unsent_total = j.value("unsent_total", uint64_t{0});
    return c;
}

void save_cursor(const fs::path& dir, const std::string& board, const Cursor& c) {
    const nlohmann::json j = {{"board", board},
                              {"sent_through", c.sent_through},
                              {"sent_hash", c.sent_hash},
                              {"unsent_total", c.unsent_total}};
    content::write_file_atomically(cursor_path(dir), j.dump() + "\n", 0640);
}

struct Built {
    std::string object;
    std::string bytes;
    uint64_t last = 0;
    std::string last_hash;
    uint64_t unsent = 0;
    uint64_t count = 0;
};

// The next segment after the cursor, or nullopt when everything is sent.
std::optional<Built> build_segment(ev::EventLogReader& log, const Cursor& c,
                                   const UploadSettings& s, const ev::BoardSecretKey& key) {
    const auto rows =
        log.read_after(c.sent_through, s.max_records_per_segment, s.max_segment_bytes);
    if (rows.empty())
        return std::nullopt;
    ev::SegmentHeader h;
    h.board = s.board_id;
    h.first = rows.front().seq;
    Built b;
    if (h.first == c.sent_through + 1) {
        h.prev = c.sent_hash;
    } else {
        h.unsent_from = c.sent_through + 1;
        h.prev = log.hash_of(h.first - 1).value_or(std::string(64, 'f'));
        b.unsent = h.first - h.unsent_from.value();
    }
    std::vector<std::string> lines;
    std::string prev = h.prev;
    for (const auto& row : rows) {
        const auto parsed = ev::parse_record_line(row.line);
        if (!parsed.record || parsed.record->seq != row.seq ||
            ev::record_hash(*parsed.record, prev) != parsed.record->hash) {
            content::log::error("events.db record " + std::to_string(row.seq) +
                                " does not continue the chain; uploading up to it");
            break;
        }
        prev = parsed.record->hash;
        lines.push_back(row.line);
    }
    if (lines.empty())
        return std::nullopt;
    h.last = h.first + lines.size() - 1;
    b.object = ev::segment_object_name(s.board_id, h.first, h.last);
    b.bytes = ev::encode_segment(h, lines, key);
    b.last = h.last;
    b.count = lines.size();
    b.last_hash = prev;
    return b;
}

struct KioskState {
    ev::ScreenState screen = ev::ScreenState::Failed;
    std::string events_state = "unreadable";
    uint64_t lost = 0;
    std::string version;
};

// The kiosk rewrites kiosk-state.json every minute; older than 5 minutes means it is not running.
KioskState read_kiosk_state(const fs::path& events_dir, int64_t now) {
    KioskState k;
    try {
        const auto j = nlohmann::json::parse(
            content::read_file_capped(events_dir / "kiosk-state.json", 4096), nullptr, false);
        if (j.is_discarded() || !j.is_object())
            return k;
        k.events_state = j.value("events_state", "unreadable");
        k.lost = j.value("lost", uint64_t{0});
        k.version = j.value("kiosk_version", "");
        const int64_t at = j.value("at", int64_t{0});
        if (now - at <= 300)
            k.screen = ev::parse_screen_state(j.value("screen", "failed"))
                           .value_or(ev::ScreenState::Failed);
    } catch (const std::exception&) {
    }
    return k;
}

ev::Heartbeat make_heartbeat(const UploadSettings& s, int64_t now, uint64_t last, uint64_t backlog,
                             uint64_t unsent_total) {
    ev::Heartbeat h;
    h.board = s.board_id;
    h.at = now;
    h.clock = ev::classify_clock({now, 0}, std::nullopt);
    const KioskState k = read_kiosk_state(s.events_dir, now);
    h.kiosk_version = k.version.empty() ? s.kiosk_version : k.version;
    h.channel_version = s.channel_version;
    h.last_sync = s.last_sync;
    h.screen = k.screen;
    struct statvfs fsinfo {};
    if (::statvfs(s.events_dir.c_str(), &fsinfo) == 0)
        h.free_disk_bytes = static_cast<uint64_t>(fsinfo.f_bavail) * fsinfo.f_frsize;
    struct sysinfo info {};
    if (::sysinfo(&info) == 0)
        h.uptime_seconds = info.uptime;
    h.last_record = last;
    h.backlog_records = backlog;
    h.lost_records = k.lost + unsent_total;
    h.events_state = k.events_state;
    return h;
}

}  // namespace

fs::path board_key_path(const fs::path& state_dir) {
    return state_dir / "board.key";
}

ev::BoardSecretKey load_or_make_board_key(const fs::path& state_dir) {
    const fs::path path = board_key_path(state_dir);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        const auto key = minisign::generate_secret_key();
        content::write_file_atomically(path, minisign::format_secret_key_file(key), 0600,
                                       content::Replace::Refuse);
        content::log::notice("made the board key " + path.string() +
                             "; list its public line in the board registry: " +
                             minisign::public_key_base64(key.public_key()));
    }
    auto parsed = minisign::parse_secret_key(content::read_file_capped(path, 4096));
    if (!parsed.value)
        throw std::runtime_error(path.string() + ": " + parsed.error);
    return *parsed.value;
}

UploadOutcome run_upload_pass(const UploadSettings& s, UploadTarget& target, int64_t now) {
    UploadOutcome out;
    const auto key = load_or_make_board_key(s.state_dir);
    Cursor cursor = load_cursor(s.state_dir, s.board_id);
    uint64_t last = cursor.sent_through;
    const fs::path db = s.events_dir / ev::k_events_db_name;
    std::error_code ec;
    if (fs::exists(db, ec)) {
        ev::EventLogReader log(db.string());
        for (size_t i = 0; i < s.max_segments_per_pass; ++i) {
            const auto built = build_segment(log, cursor, s, key);
            if (!built)
                break;
            const PutResult put = target.put(built->object, built->bytes);
            if (!put.ok) {
                out.error = put.error;
                break;
            }
            cursor.sent_through = built->last;
            cursor.sent_hash = built->last_hash;
            cursor.unsent_total += built->unsent;
            save_cursor(s.state_dir, s.board_id, cursor);
            ++out.segments;
            out.records += built->count;
            out.unsent += built->unsent;
        }
        last = log.last_seq();
    }
    out.backlog = last > cursor.sent_through ? last - cursor.sent_through : 0;
    const auto beat = make_heartbeat(s, now, last, out.backlog, cursor.unsent_total);
    const PutResult put =
        target.put(ev::heartbeat_object_name(s.board_id), ev::encode_heartbeat(beat, key));
    out.heartbeat = put.ok;
    if (!put.ok && out.error.empty())
        out.error = put.error;
    return out;
}

}  // namespace sync_core
