// The kiosk's read-only view of content.db; every failure becomes a calm screen, never a crash.
#pragma once

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>

#include "content/search/searcher.h"
#include "content/store.h"
#include "display/asset_source.h"
#include "kiosk/navigation.h"
#include "kiosk/screens/home_screen.h"
#include "kiosk/screens/service_screens.h"

namespace kiosk {

class ContentReader final : public display::AssetSource {
public:
    explicit ContentReader(std::string data_dir);

    // Opens the database if it is not open yet; false (and a logged reason) when unavailable.
    bool ensure_open();
    bool available() const { return m_store.has_value(); }
    // True when another process committed since the last call.
    bool changed();

    // `stale_note_after`: seconds of only expired content before the home screen says so.
    HomeModel home(const std::string& board_name, int64_t now, int64_t stale_note_after = 86400);
    content::NoticePage category_page(content::Category category, int64_t now, int offset,
                                      int limit);
    // A live notice, or nullopt when absent, withdrawn, expired or unreadable.
    std::optional<content::Notice> live_notice(const std::string& id, int64_t now);
    AttractModel attract(const std::string& board_name, int64_t now);
    ContentFacts facts(int64_t now);
    // Fills the content part of the technician's diagnostics.
    void diagnostics(DiagnosticsModel& model, int64_t now);
    std::optional<std::string> asset_bytes(const std::string& sha256) override;
    content::Store* store() { return m_store ? &*m_store : nullptr; }
    // The searcher over the open database; nullptr (and a logged reason) without an index.
    content::search::Searcher* searcher();

private:
    bool replaced() const;
    std::optional<int64_t> state_time(const char* key);  // a Unix time kept in sync_state

    std::string m_path;
    std::optional<content::Store> m_store;
    std::unique_ptr<content::search::Searcher> m_searcher;
    int64_t m_data_version = -1;
    // The file that was opened: a content.db replaced under the kiosk (a restore, a re-created
    // database) has another inode, and is reopened.
    dev_t m_dev = 0;
    ino_t m_ino = 0;
    std::string m_last_error;
};

}  // namespace kiosk
