// kiosk-syncd as a systemd service: READY=1, STATUS= and WATCHDOG=1 over $NOTIFY_SOCKET, a new
// version picked up on the next poll, and a clean stop on SIGTERM.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/un.h>

#include <fstream>

#include "tests/sync/sync_fixture.h"
#include "tests/sync/test_process.h"
#include "tests/test_paths.h"

using namespace sync_fixture;

namespace {

// The receiving end of sd_notify: a Unix datagram socket, as systemd provides.
class NotifySocket {
public:
    explicit NotifySocket(const fs::path& path) : m_path(path) {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
        ::unlink(path.c_str());
        REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        timeval timeout{0, 200'000};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~NotifySocket() { ::close(m_fd); }

    // Collects messages until one contains `text` or `seconds` pass; returns everything seen.
    std::string wait_for(const std::string& text, double seconds) {
        const auto until =
            std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (std::chrono::steady_clock::now() < until) {
            char buffer[4096];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                m_seen.append(buffer, static_cast<size_t>(n)).push_back('|');
                if (m_seen.find(text) != std::string::npos)
                    break;
            }
        }
        return m_seen;
    }

private:
    fs::path m_path;
    int m_fd = -1;
    std::string m_seen;
};

}  // namespace

TEST_CASE("kiosk-syncd under systemd: READY, STATUS, WATCHDOG, polling, SIGTERM") {
    const fs::path dir = test_paths::scratch_dir("syncd-daemon");
    const auto key = content::channel::minisign::generate_secret_key();
    content::SourceTree tree = many_notices(5, "v1");
    publish(tree, key, dir / "channel", wall_now());  // the daemon reads the real clock
    std::ofstream(dir / "trusted.pub")
        << content::channel::minisign::format_public_key_file(key.public_key());
    NotifySocket notify(dir / "notify.sock");

    test_process::Options options;
    options.environment = {{"NOTIFY_SOCKET", (dir / "notify.sock").string()},
                           {"WATCHDOG_USEC", "1000000"}};
    test_process::Child daemon(
        {(test_paths::bin_dir() / "kiosk-syncd").string(), "--data", (dir / "data").string(),
         "--source", "file://" + (dir / "channel").string(), "--trust",
         (dir / "trusted.pub").string(), "--board", "hall", "--poll-seconds", "1"},
        options);
    std::string seen = notify.wait_for("READY=1", 10);
    CHECK(seen.find("READY=1\nSTATUS=applied: applied version 1") != std::string::npos);
    seen = notify.wait_for("WATCHDOG=1", 3);
    CHECK(seen.find("WATCHDOG=1") != std::string::npos);
    seen = notify.wait_for("STATUS=current", 5);
    CHECK(seen.find("STATUS=current: version 1 is current") != std::string::npos);

    tree.notices[0] = make_notice(tree.notices[0].id, 0, "v2");
    publish(tree, key, dir / "channel", wall_now() + 1);
    seen = notify.wait_for("applied version 2", 5);
    CHECK(seen.find("STATUS=applied: applied version 2") != std::string::npos);

    daemon.kill(SIGTERM);
    const auto start = std::chrono::steady_clock::now();
    const int status = daemon.wait();
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(notify.wait_for("STOPPING=1", 1).find("STOPPING=1") != std::string::npos);
    content::Store store =
        content::Store::open((dir / "data/content.db").string(), content::OpenMode::ReadOnly);
    CHECK(fingerprint(store) == expected(tree));
}
