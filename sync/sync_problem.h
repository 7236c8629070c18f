// Why a sync did not apply a channel: refusals (the channel is not trustworthy) and failures.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sync_core {

enum class Problem {
    // Refusals: the channel was read but must not be applied.
    TooLarge,      // a manifest or object over its byte cap (cut off)
    BadSignature,  // missing, malformed or not matching
    UntrustedKey,  // signed, but by a key this board does not trust
    Rollback,      // version lower than the applied one
    Replay,        // version equal to the applied one, with other content
    Expired,       // expired by the board's latest known time
    NotForBoard,   // the channel does not target this board
    OtherChannel,  // signed, but for a channel this board does not follow
    SizeMismatch,  // an object's size differs from the manifest
    HashMismatch,  // an object's sha256 differs from the manifest
    Malformed,     // a manifest or notice that does not parse
    // Failures: nothing wrong with the channel, but it could not be applied now.
    TooSlow,      // a response so slow it was cut off (a slow link; retried and resumed)
    Unavailable,  // source unreachable, HTTP error, unreadable file
    Missing,      // the source answered, but has no such file (HTTP 404, no file on the stick)
    DiskFull,     // no space left for staging or the database
    LocalError,   // other local I/O or database errors
    Stopped,      // the daemon was asked to stop
    Stale,        // the source still serves the applied manifest, now expired (a frozen mirror)
};

// Refusals are the board protecting itself; failures are worth retrying soon.
bool is_refusal(Problem problem);

// A stable key stored in sync_state.last_error_kind ("bad_signature").
std::string_view problem_key(Problem problem);
std::optional<Problem> problem_from_key(std::string_view key);

class SyncError : public std::runtime_error {
public:
    SyncError(Problem problem, const std::string& message)
        : std::runtime_error(message), m_problem(problem) {}
    Problem problem() const { return m_problem; }

private:
    Problem m_problem;
};

}  // namespace sync_core
