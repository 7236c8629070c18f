// Reading and writing the sync status; unknown or damaged values read as "nothing yet".
#include "sync/sync_status.h"

#include <nlohmann/json.hpp>

#include <charconv>

namespace sync_core {
namespace {

template <typename T>
std::optional<T> number(const std::optional<std::string>& text) {
    if (!text) {
        return std::nullopt;
    }
    T value{};
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size()) {
        return std::nullopt;
    }
    return value;
}

// A damaged memo reads as none: the next poll simply downloads the manifest again.
ManifestMemo read_memo(const std::string& text) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    ManifestMemo memo;
    if (!j.is_object()) {
        return memo;
    }
    try {
        memo.source = j.value("source", "");
        memo.policy = j.value("policy", "");
        memo.verdict = j.value("verdict", "");
        memo.validators.etag = j.value("etag", "");
        memo.validators.last_modified = j.value("last_modified", "");
        memo.signature = j.value("signature", "");
        memo.signature_validators.etag = j.value("signature_etag", "");
        memo.signature_validators.last_modified = j.value("signature_last_modified", "");
    } catch (const nlohmann::json::exception&) {
        memo = {};
    }
    return memo;
}

std::map<std::string, uint64_t> read_floors(const std::string& text) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    std::map<std::string, uint64_t> floors;
    if (j.is_object()) {
        for (const auto& [channel, version] : j.items()) {
            if (version.is_number_unsigned()) {
                floors[channel] = version.get<uint64_t>();
            }
        }
    }
    return floors;
}

}  // namespace

SyncStatus read_sync_status(content::Store& store) {
    namespace k = state_key;
    SyncStatus s;
    s.applied_version = number<uint64_t>(store.state(k::applied_version)).value_or(0);
    s.applied_manifest_sha256 = store.state(k::applied_manifest).value_or("");
    s.applied_channel = store.state(k::applied_channel).value_or("");
    s.applied_at = number<int64_t>(store.state(k::applied_at));
    s.applied_issued = number<int64_t>(store.state(k::applied_issued));
    s.applied_expires = number<int64_t>(store.state(k::applied_expires));
    s.channel_floors = read_floors(store.state(k::channel_floors).value_or("{}"));
    s.clock_warning = store.state(k::clock_warning).value_or("");
    s.stale_since = number<int64_t>(store.state(k::stale_since));
    s.last_attempt = number<int64_t>(store.state(k::last_attempt));
    s.last_success = number<int64_t>(store.state(k::last_success));
    s.last_result = store.state(k::last_result).value_or("");
    s.last_error = store.state(k::last_error).value_or("");
    s.last_error_kind = store.state(k::last_error_kind).value_or("");
    s.last_source = store.state(k::last_source).value_or("");
    s.latest_known_time = number<int64_t>(store.state(k::latest_known_time)).value_or(0);
    s.memo = read_memo(store.state(k::manifest_validators).value_or("{}"));
    return s;
}

void put_state(content::Store& store, const StateEntries& entries) {
    for (const auto& [key, value] : entries) {
        store.set_state(key, value);
    }
}

void save_state(content::Store& store, const StateEntries& entries) {
    content::Transaction tx(store.database());
    put_state(store, entries);
    tx.commit();
}

std::string memo_json(const ManifestMemo& memo) {
    return nlohmann::json{{"source", memo.source},
                          {"policy", memo.policy},
                          {"verdict", memo.verdict},
                          {"etag", memo.validators.etag},
                          {"last_modified", memo.validators.last_modified},
                          {"signature", memo.signature},
                          {"signature_etag", memo.signature_validators.etag},
                          {"signature_last_modified", memo.signature_validators.last_modified}}
        .dump();
}

std::string channel_floors_json(const std::map<std::string, uint64_t>& floors) {
    return nlohmann::json(floors).dump();
}

}  // namespace sync_core
