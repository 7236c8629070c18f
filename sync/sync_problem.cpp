// Names of sync problems, as stored for the kiosk's diagnostics screen.
#include "sync/sync_problem.h"

namespace sync_core {

bool is_refusal(Problem problem) {
    switch (problem) {
        case Problem::TooSlow:  // a slow link: retry (and resume) soon
        case Problem::Unavailable:
        case Problem::Missing:
        case Problem::DiskFull:
        case Problem::LocalError:
        case Problem::Stopped:
        case Problem::Stale:
            return false;
        default:
            return true;
    }
}

std::string_view problem_key(Problem problem) {
    switch (problem) {
        case Problem::TooLarge:
            return "too_large";
        case Problem::BadSignature:
            return "bad_signature";
        case Problem::UntrustedKey:
            return "untrusted_key";
        case Problem::Rollback:
            return "rollback";
        case Problem::Replay:
            return "replay";
        case Problem::Expired:
            return "expired";
        case Problem::NotForBoard:
            return "not_for_board";
        case Problem::OtherChannel:
            return "other_channel";
        case Problem::SizeMismatch:
            return "size_mismatch";
        case Problem::HashMismatch:
            return "hash_mismatch";
        case Problem::TooSlow:
            return "too_slow";
        case Problem::Malformed:
            return "malformed";
        case Problem::Unavailable:
            return "unavailable";
        case Problem::Missing:
            return "missing";
        case Problem::DiskFull:
            return "disk_full";
        case Problem::LocalError:
            return "local_error";
        case Problem::Stopped:
            return "stopped";
        case Problem::Stale:
            return "stale";
    }
    return "unknown";
}

std::optional<Problem> problem_from_key(std::string_view key) {
    for (int i = 0; i <= static_cast<int>(Problem::Stale); ++i) {
        if (problem_key(static_cast<Problem>(i)) == key) {
            return static_cast<Problem>(i);
        }
    }
    return std::nullopt;
}

}  // namespace sync_core
