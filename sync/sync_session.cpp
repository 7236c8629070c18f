// The sync attempt as a small state machine over one source; every check happens on staged copies.
#include "sync/sync_session.h"

#include <algorithm>
#include <map>

#include "content/channel/object.h"
#include "content/date_time.h"
#include "content/log.h"
#include "content/sha256.h"
#include "sync/manifest_check.h"
#include "sync/manifest_policy.h"
#include "sync/sync_status.h"

namespace sync_core {
namespace {

using content::channel::ChannelManifest;
namespace k = state_key;

constexpr std::string_view k_manifest_name = "manifest.json";
constexpr std::string_view k_signature_name = "manifest.json.minisig";

Problem problem_for(content::channel::ObjectProblem::Kind kind) {
    switch (kind) {
        case content::channel::ObjectProblem::Kind::Size:
            return Problem::SizeMismatch;
        case content::channel::ObjectProblem::Kind::Hash:
            return Problem::HashMismatch;
        case content::channel::ObjectProblem::Kind::Malformed:
            break;
    }
    return Problem::Malformed;
}

// Which board and keys a verdict was reached under; a change makes remembered verdicts stale.
std::string policy_fingerprint(const SyncSettings& settings) {
    std::vector<std::string> keys;
    for (const auto& key : settings.trusted_keys) {
        keys.push_back(content::channel::minisign::public_key_base64(key));
    }
    std::sort(keys.begin(), keys.end());
    std::string text = settings.board_id + "\nchannel:" + settings.expected_channel;
    for (const std::string& key : keys) {
        text += "\n" + key;
    }
    return content::sha256_hex(text);
}

// The manifest items for this board by id: pointers sorted by id (8 bytes an item; a map of
// copied ids cost about 100 bytes an item, 15 MB at the 150,000-item cap).
class ItemIndex {
public:
    void add(const content::channel::ManifestItem& item) { m_items.push_back(&item); }
    void sort() {
        std::sort(m_items.begin(), m_items.end(),
                  [](const auto* a, const auto* b) { return a->id < b->id; });
    }
    const content::channel::ManifestItem* at(const std::string& id) const {
        const auto it = std::lower_bound(
            m_items.begin(), m_items.end(), id,
            [](const auto* item, const std::string& key) { return item->id < key; });
        if (it == m_items.end() || (*it)->id != id) {
            throw std::out_of_range("no manifest item " + id);
        }
        return *it;
    }

private:
    std::vector<const content::channel::ManifestItem*> m_items;
};

// Objects are requested in batches of this many, so the request list (names and staging paths,
// about 250 bytes an object) stays small for a first sync of the 150,000-item cap.
constexpr size_t k_fetch_batch = 1000;

class SyncRun {
public:
    SyncRun(content::Store& store, Source& source, const SyncSettings& settings, int64_t now,
            const ApplyHooks& hooks)
        : m_store(store),
          m_source(source),
          m_settings(settings),
          m_now(now),
          m_hooks(hooks),
          m_status(read_sync_status(store)),
          m_policy(policy_fingerprint(settings)),
          m_latest(m_status.latest_known_time),
          m_clock_warning(m_status.clock_warning) {}

    SyncOutcome run(Staging& staging);
    SyncOutcome fail(Problem problem, const std::string& message, Staging& staging);

private:
    std::optional<FetchResult> fetch_manifest(Staging& staging);
    std::optional<std::string> fetch_signature(Staging& staging,
                                               const Validators* if_changed = nullptr);
    bool signature_changed(Staging& staging);
    SyncOutcome unchanged();
    SyncOutcome current(const VerifiedManifest& vm, const Validators& validators);
    SyncOutcome stale(uint64_t version, const std::string& reason, const Validators* validators);
    void accept_times(int64_t issued, int64_t expires);
    int64_t judge_time(int64_t expires);
    AppliedVersion applied() const {
        return {m_status.applied_version, m_status.applied_manifest_sha256,
                m_status.applied_channel, m_status.channel_floors};
    }
    StagedUpdate stage(const ChannelManifest& m, Staging& staging);
    struct ObjectRef {
        std::string sha256;
        uint64_t size = 0;
    };
    void stage_objects(Staging& staging, const std::vector<ObjectRef>& wanted);
    void check_free_space(const UpdatePlan& plan, const ItemIndex& items, const ChannelManifest& m,
                          const Staging& staging) const;
    void stage_assets(const ChannelManifest& m, Staging& staging, StagedUpdate& update);
    SyncOutcome apply(const VerifiedManifest& vm, const Validators& validators, Staging& staging);
    StateEntries attempt_entries(std::string_view result, std::string_view error,
                                 std::string_view kind) const;
    ManifestMemo memo(std::string verdict, const Validators& validators) const {
        return {m_source.url(), m_policy,        std::move(verdict),
                validators,     m_signature_sha, m_signature_validators};
    }
    void check_keep_going() const {
        if (m_settings.keep_going && !m_settings.keep_going()) {
            throw SyncError(Problem::Stopped, "stopped before the update was complete");
        }
    }

    content::Store& m_store;
    Source& m_source;
    const SyncSettings& m_settings;
    int64_t m_now;
    const ApplyHooks& m_hooks;
    SyncStatus m_status;
    std::string m_policy;
    int64_t m_latest;
    std::string m_clock_warning;
    std::optional<std::optional<std::string>>
        m_signature;  // fetched this run (nullopt inside: none)
    std::string m_signature_sha;
    Validators m_signature_validators;
    Validators m_fetched_validators;  // of the manifest being processed
    bool m_judging_manifest = false;  // a refusal now concerns the manifest itself
    SyncOutcome m_outcome;
};

std::optional<FetchResult> SyncRun::fetch_manifest(Staging& staging) {
    const ManifestMemo& memo = m_status.memo;
    const bool usable = memo.source == m_source.url() && memo.policy == m_policy &&
                        !memo.validators.empty() &&
                        (memo.verdict == "refused" || m_status.applied_version > 0);
    FetchResult r =
        m_source.fetch(k_manifest_name, staging.path(k_manifest_name),
                       m_settings.max_manifest_bytes, usable ? &memo.validators : nullptr);
    if (r.status == FetchStatus::NotModified) {
        return std::nullopt;
    }
    m_outcome.bytes_fetched += r.bytes;
    return r;
}

std::optional<std::string> SyncRun::fetch_signature(Staging& staging,
                                                    const Validators* if_changed) {
    if (m_signature) {
        return *m_signature;
    }
    try {
        const FetchResult r =
            m_source.fetch(k_signature_name, staging.path(k_signature_name),
                           content::channel::minisign::k_max_signature_file_bytes, if_changed);
        if (r.status == FetchStatus::NotModified) {
            m_signature_sha = m_status.memo.signature;  // unchanged, not staged
            m_signature_validators = r.validators;
            return std::nullopt;
        }
        m_signature_validators = r.validators;
        m_outcome.bytes_fetched += r.bytes;
    } catch (const SyncError& e) {
        if (e.problem() == Problem::Missing) {
            m_signature.emplace(std::nullopt);
            m_signature_sha.clear();
            return std::nullopt;
        }
        throw;
    }
    m_signature.emplace(
        staging.read(k_signature_name, content::channel::minisign::k_max_signature_file_bytes));
    m_signature_sha = content::sha256_hex(**m_signature);
    return *m_signature;
}

// A refusal is remembered with the manifest's validators; the signature is small and is read
// again on every poll, so a mirror that uploaded it late (or fixed it) is noticed at once.
bool SyncRun::signature_changed(Staging& staging) {
    if (m_status.memo.verdict != "refused") {
        return false;
    }
    const Validators& known = m_status.memo.signature_validators;
    fetch_signature(staging, known.empty() ? nullptr : &known);
    return m_signature_sha != m_status.memo.signature;
}

// The time to judge a manifest expiring at `expires` by; a clock too far ahead is reported.
int64_t SyncRun::judge_time(int64_t expires) {
    if (judge_clock(m_now, expires) == ClockTrust::Ahead) {
        m_clock_warning = "the board's clock (" + content::format_date_time(m_now) +
                          ") is far ahead of the channel (which expires " +
                          content::format_date_time(expires) +
                          "); it is not trusted: check the real-time clock and network time";
        content::log::warning(m_clock_warning);
    } else if (judge_clock(m_now, expires) == ClockTrust::Trusted) {
        m_clock_warning.clear();
    }
    return judgement_time(m_latest, m_now, expires);
}

void SyncRun::accept_times(int64_t issued, int64_t expires) {
    m_latest = advance_latest_known_time(m_latest, m_now, issued, expires);
}

StateEntries SyncRun::attempt_entries(std::string_view result, std::string_view error,
                                      std::string_view kind) const {
    return {
        {k::last_attempt, std::to_string(m_now)}, {k::last_result, std::string(result)},
        {k::last_error, std::string(error)},      {k::last_error_kind, std::string(kind)},
        {k::last_source, m_source.url()},         {k::latest_known_time, std::to_string(m_latest)},
        {k::clock_warning, m_clock_warning}};
}

// The manifest has not changed since it was last read in full: repeat that verdict, and write
// nothing unless the status needs correcting or its heartbeat is due.
SyncOutcome SyncRun::unchanged() {
    const bool refused = m_status.memo.verdict == "refused";
    m_outcome.version = m_status.applied_version;
    const bool heartbeat_due = !m_status.last_attempt ||
                               m_now - *m_status.last_attempt >= k_status_heartbeat_seconds ||
                               m_now < *m_status.last_attempt;
    if (refused) {
        // A refused manifest never moves the latest known time.
        m_outcome.result = SyncResult::Refused;
        m_outcome.problem = problem_from_key(m_status.last_error_kind);
        m_outcome.message = "unchanged since it was refused: " + m_status.last_error;
        if (heartbeat_due) {
            save_state(m_store, {{k::last_attempt, std::to_string(m_now)}});
            m_outcome.wrote_database = true;
        }
        return m_outcome;
    }
    if (m_status.applied_expires) {
        const int64_t when = judge_time(*m_status.applied_expires);
        accept_times(m_status.applied_issued.value_or(0), *m_status.applied_expires);
        if (*m_status.applied_expires <= when) {
            ChannelManifest current;
            current.channel = m_status.applied_channel;
            current.version = m_status.applied_version;
            current.expires = *m_status.applied_expires;
            const PolicyDecision d = judge_manifest(current, m_status.applied_manifest_sha256,
                                                    applied(), m_settings.board_id, when);
            if (!heartbeat_due && m_status.last_result == "stale" &&
                m_latest <= *m_status.applied_expires &&
                m_status.latest_known_time >= *m_status.applied_expires &&
                m_clock_warning == m_status.clock_warning) {
                m_outcome.result = SyncResult::Stale;
                m_outcome.problem = Problem::Stale;
                m_outcome.message = d.reason;
                return m_outcome;
            }
            return stale(m_status.applied_version, d.reason, nullptr);
        }
    }
    m_outcome.result = SyncResult::Current;
    m_outcome.message = "version " + std::to_string(m_status.applied_version) + " is current";
    const bool status_ok =
        (m_status.last_result == "current" || m_status.last_result == "applied") &&
        m_status.last_error.empty() && m_clock_warning == m_status.clock_warning &&
        !m_status.stale_since;
    if (heartbeat_due || !status_ok) {
        StateEntries entries = attempt_entries("current", "", "");
        entries.emplace_back(k::last_success, std::to_string(m_now));
        entries.emplace_back(k::stale_since, "");
        save_state(m_store, entries);
        m_outcome.wrote_database = true;
    }
    return m_outcome;
}

// The source still offers the applied manifest, expired: the content stays, the board says so
// (status, technician screen, after a while the home screen) and the next source is asked.
SyncOutcome SyncRun::stale(uint64_t version, const std::string& reason,
                           const Validators* validators) {
    StateEntries entries = attempt_entries("stale", reason, problem_key(Problem::Stale));
    entries.emplace_back(k::stale_since, std::to_string(m_status.stale_since.value_or(m_now)));
    if (validators) {
        entries.emplace_back(k::manifest_validators, memo_json(memo("accepted", *validators)));
    }
    save_state(m_store, entries);
    m_outcome.result = SyncResult::Stale;
    m_outcome.problem = Problem::Stale;
    m_outcome.version = version;
    m_outcome.wrote_database = true;
    m_outcome.message = reason;
    return m_outcome;
}

SyncOutcome SyncRun::current(const VerifiedManifest& vm, const Validators& validators) {
    StateEntries entries = attempt_entries("current", "", "");
    entries.emplace_back(k::last_success, std::to_string(m_now));
    entries.emplace_back(k::stale_since, "");
    entries.emplace_back(k::applied_issued, std::to_string(vm.manifest.issued));
    entries.emplace_back(k::applied_expires, std::to_string(vm.manifest.expires));
    entries.emplace_back(k::manifest_validators, memo_json(memo("accepted", validators)));
    save_state(m_store, entries);
    m_outcome.result = SyncResult::Current;
    m_outcome.version = vm.manifest.version;
    m_outcome.wrote_database = true;
    m_outcome.message = "version " + std::to_string(vm.manifest.version) + " is current";
    return m_outcome;
}

// Refuses to start a download the disk cannot hold: the staged objects, and about as much again
// for the database to grow, plus a margin. Asset sizes are an upper bound (some may be present).
void SyncRun::check_free_space(const UpdatePlan& plan, const ItemIndex& items,
                               const ChannelManifest& m, const Staging& staging) const {
    uint64_t needed = 0;
    for (const std::string& id : plan.upsert) {
        needed += items.at(id)->size;
    }
    for (const content::channel::ManifestAsset& asset : m.assets) {
        needed += asset.size;
    }
    std::error_code ec;
    const std::filesystem::space_info space = std::filesystem::space(staging.dir(), ec);
    constexpr uint64_t k_margin = 16ull * 1024 * 1024;
    if (!ec && space.available < 2 * needed + k_margin) {
        throw SyncError(Problem::DiskFull,
                        "the update needs about " + std::to_string((2 * needed + k_margin) >> 20) +
                            " MiB free in " + staging.dir().string() + " but only " +
                            std::to_string(space.available >> 20) +
                            " MiB are; nothing was changed");
    }
}

// Copies the objects not already staged (from an interrupted attempt), k_fetch_batch at a time.
void SyncRun::stage_objects(Staging& staging, const std::vector<ObjectRef>& wanted) {
    for (size_t first = 0; first < wanted.size(); first += k_fetch_batch) {
        std::vector<FetchRequest> requests;
        for (size_t i = first; i < std::min(wanted.size(), first + k_fetch_batch); ++i) {
            const ObjectRef& object = wanted[i];
            if (staging.holds(object.sha256, object.size, object.sha256)) {
                ++m_outcome.objects_reused;
            } else {
                requests.push_back(
                    {std::string(content::channel::k_objects_dir) + "/" + object.sha256,
                     staging.path(object.sha256), object.size});
            }
        }
        check_keep_going();
        m_outcome.bytes_fetched += m_source.fetch_all(requests, m_settings.keep_going);
        m_outcome.objects_fetched += static_cast<int>(requests.size());
    }
}

StagedUpdate SyncRun::stage(const ChannelManifest& m, Staging& staging) {
    std::map<std::string, std::string> incoming;
    ItemIndex items;
    for (const content::channel::ManifestItem& item : m.items) {
        if (content::channel::boards_include(item.boards, m_settings.board_id)) {
            incoming.emplace(item.id, item.sha256);
            items.add(item);
        }
    }
    items.sort();
    StagedUpdate update;
    update.plan = plan_update(m_store.notice_hashes(), incoming);
    check_free_space(update.plan, items, m, staging);
    std::vector<ObjectRef> wanted;
    for (const std::string& id : update.plan.upsert) {
        wanted.push_back({items.at(id)->sha256, items.at(id)->size});
    }
    stage_objects(staging, wanted);
    const auto assets = content::channel::assets_by_hash(m);
    for (const std::string& id : update.plan.upsert) {
        const content::channel::ManifestItem& item = *items.at(id);
        content::channel::NoticeObject object = content::channel::read_notice_object(
            item, staging.read(item.sha256, item.size + 1), assets);
        if (object.problem) {
            throw SyncError(problem_for(object.problem->kind), object.problem->message);
        }
        update.notices.push_back(std::move(*object.notice));
    }
    stage_assets(m, staging, update);
    return update;
}

// The images the new notices show and the database lacks, each checked after copying.
void SyncRun::stage_assets(const ChannelManifest& m, Staging& staging, StagedUpdate& update) {
    const auto assets = content::channel::assets_by_hash(m);
    std::map<std::string, std::string> needed;  // sha256 -> the path a notice gave it
    for (const content::Notice& notice : update.notices) {
        for (const content::ImageRef& image : notice.images) {
            if (!needed.count(image.sha256) && !m_store.has_asset(image.sha256)) {
                needed.emplace(image.sha256, image.path);
            }
        }
    }
    std::vector<ObjectRef> wanted;
    for (const auto& [sha, path] : needed) {
        wanted.push_back({sha, assets.at(sha).size});
    }
    stage_objects(staging, wanted);
    for (const auto& [sha, path] : needed) {
        const content::channel::ManifestAsset& asset = assets.at(sha);
        const std::string bytes = staging.read(sha, asset.size + 1);
        if (auto problem =
                content::channel::check_object_bytes("image " + path, asset.size, sha, bytes)) {
            throw SyncError(problem_for(problem->kind), problem->message);
        }
        update.assets.push_back({sha, asset.mime, asset.size});
    }
}

SyncOutcome SyncRun::apply(const VerifiedManifest& vm, const Validators& validators,
                           Staging& staging) {
    const ChannelManifest& m = vm.manifest;
    StagedUpdate update = stage(m, staging);
    check_keep_going();
    StateEntries state = attempt_entries("applied", "", "");
    state.emplace_back(k::applied_version, std::to_string(m.version));
    state.emplace_back(k::applied_manifest, vm.sha256);
    state.emplace_back(k::applied_channel, m.channel);
    state.emplace_back(k::applied_at, std::to_string(m_now));
    state.emplace_back(k::applied_issued, std::to_string(m.issued));
    state.emplace_back(k::applied_expires, std::to_string(m.expires));
    state.emplace_back(k::stale_since, "");
    state.emplace_back(k::last_success, std::to_string(m_now));
    state.emplace_back(k::manifest_validators, memo_json(memo("accepted", validators)));
    m_outcome.stats = apply_update(m_store, update, staging, m_hooks, state);
    m_outcome.wrote_database = true;
    staging.clear();
    m_outcome.result = SyncResult::Applied;
    m_outcome.version = m.version;
    m_outcome.message = "applied version " + std::to_string(m.version) + " of channel " +
                        m.channel + " (signed by " + vm.signer +
                        "): " + std::to_string(m_outcome.stats.upserted) + " new or changed, " +
                        std::to_string(m_outcome.stats.removed) + " removed, " +
                        std::to_string(update.plan.unchanged) + " unchanged";
    return m_outcome;
}

SyncOutcome SyncRun::run(Staging& staging) {
    std::optional<FetchResult> fetched = fetch_manifest(staging);
    if (!fetched && signature_changed(staging)) {
        m_status.memo = {};  // read both again in full
        m_signature.reset();
        fetched = fetch_manifest(staging);
    }
    if (!fetched) {
        return unchanged();
    }
    m_fetched_validators = fetched->validators;
    m_judging_manifest = true;
    const std::optional<std::string> signature = fetch_signature(staging);
    // The manifest's bytes (up to 24 MiB) are dropped once verified and parsed.
    const VerifiedManifest vm = [&] {
        const std::string bytes = staging.read(k_manifest_name, m_settings.max_manifest_bytes);
        return verify_signed_manifest(bytes, signature, m_settings.trusted_keys);
    }();
    const PolicyDecision decision =
        judge_manifest(vm.manifest, vm.sha256, applied(), m_settings.board_id,
                       judge_time(vm.manifest.expires), m_settings.expected_channel);
    if (decision.verdict == Verdict::Refuse) {
        throw SyncError(decision.problem, decision.reason);
    }
    accept_times(vm.manifest.issued, vm.manifest.expires);
    if (decision.verdict == Verdict::AlreadyCurrent) {
        return current(vm, fetched->validators);
    }
    if (decision.verdict == Verdict::Stale) {
        m_judging_manifest = false;
        return stale(vm.manifest.version, decision.reason, &fetched->validators);
    }
    m_judging_manifest = false;
    return apply(vm, fetched->validators, staging);
}

// Refusals discard staging (nothing in it is wanted); failures keep fetched objects so the next
// attempt resumes. A refusal decided on the manifest alone is remembered with its validators,
// so polling an unchanged refused channel downloads and writes nothing.
SyncOutcome SyncRun::fail(Problem problem, const std::string& message, Staging& staging) {
    const bool refusal = is_refusal(problem);
    m_latest = m_status.latest_known_time;  // only an applied or current manifest moves it
    m_outcome.result = refusal ? SyncResult::Refused : SyncResult::Failed;
    m_outcome.problem = problem;
    m_outcome.message = message;
    m_outcome.version = m_status.applied_version;
    if (refusal) {
        staging.clear();
    } else {
        std::error_code ec;
        std::filesystem::remove(staging.path(k_manifest_name), ec);
        std::filesystem::remove(staging.path(k_signature_name), ec);
    }
    StateEntries entries =
        attempt_entries(refusal ? "refused" : "failed", message, problem_key(problem));
    if (refusal && m_judging_manifest && !m_fetched_validators.empty()) {
        entries.emplace_back(k::manifest_validators,
                             memo_json(memo("refused", m_fetched_validators)));
    }
    try {
        save_state(m_store, entries);
        m_outcome.wrote_database = true;
    } catch (const std::exception& e) {
        content::log::warning(std::string("could not record the sync status: ") + e.what());
    }
    return m_outcome;
}

Problem database_problem(const std::string& message) {
    return message.find("disk is full") != std::string::npos ? Problem::DiskFull
                                                             : Problem::LocalError;
}

}  // namespace

std::string_view result_key(SyncResult result) {
    switch (result) {
        case SyncResult::Applied:
            return "applied";
        case SyncResult::Current:
            return "current";
        case SyncResult::Stale:
            return "stale";
        case SyncResult::Refused:
            return "refused";
        case SyncResult::Failed:
            break;
    }
    return "failed";
}

SyncOutcome sync_from_sources(
    content::Store& store, const std::vector<Source*>& sources, const SyncSettings& settings,
    int64_t now, const ApplyHooks& hooks,
    const std::function<void(const Source&, const SyncOutcome&)>& on_outcome) {
    SyncOutcome outcome;
    for (Source* source : sources) {
        outcome = sync_from_source(store, *source, settings, now, hooks);
        if (on_outcome) {
            on_outcome(*source, outcome);
        }
        if (outcome.result == SyncResult::Applied || outcome.result == SyncResult::Current) {
            break;
        }
    }
    return outcome;
}

std::string reset_channel(content::Store& store) {
    SyncStatus s = read_sync_status(store);
    if (s.applied_channel.empty() && s.applied_version == 0) {
        return "no channel is applied; the next sync may apply any channel this board trusts";
    }
    uint64_t& floor = s.channel_floors[s.applied_channel];
    floor = std::max(floor, s.applied_version);
    save_state(store, {{k::channel_floors, channel_floors_json(s.channel_floors)},
                       {k::applied_version, "0"},
                       {k::applied_manifest, ""},
                       {k::applied_channel, ""},
                       {k::applied_issued, ""},
                       {k::applied_expires, ""},
                       {k::manifest_validators, "{}"},
                       {k::stale_since, ""}});
    return "forgot channel " + s.applied_channel + " (version " +
           std::to_string(s.applied_version) +
           ", kept as its floor); the content stays until the next sync applies a channel";
}

SyncOutcome sync_from_source(content::Store& store, Source& source, const SyncSettings& settings,
                             int64_t now, const ApplyHooks& hooks) {
    std::optional<Staging> staging;
    std::optional<SyncRun> run;
    try {
        staging.emplace(settings.staging_dir);
        run.emplace(store, source, settings, now, hooks);
    } catch (const std::exception& e) {
        SyncOutcome outcome;
        outcome.problem = Problem::LocalError;
        outcome.message = std::string("cannot start the sync: ") + e.what();
        return outcome;
    }
    try {
        return run->run(*staging);
    } catch (const SyncError& e) {
        return run->fail(e.problem(), e.what(), *staging);
    } catch (const content::DatabaseError& e) {
        const Problem problem = database_problem(e.what());
        return run->fail(problem,
                         (problem == Problem::DiskFull ? "the disk is full; nothing was changed ("
                                                       : "database error; nothing was changed (") +
                             std::string(e.what()) + ")",
                         *staging);
    } catch (const std::exception& e) {
        return run->fail(Problem::LocalError, e.what(), *staging);
    }
}

}  // namespace sync_core
