// Test helper: run a program (kiosk-syncd, kiosk-publish, python3, minisign) as a child process,
// capture its output, kill it on purpose. Header-only so tests and benchmarks can share it.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace test_process {

struct Options {
    std::optional<rlim_t> file_size_limit;  // RLIMIT_FSIZE for the child (fault injection)
    std::vector<std::pair<std::string, std::string>> environment;  // set in the child
};

class Child {
public:
    explicit Child(const std::vector<std::string>& argv, const Options& options = {}) {
        int out[2], err[2];
        if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
            throw std::runtime_error("pipe failed");
        }
        m_pid = ::fork();
        if (m_pid < 0) {
            throw std::runtime_error("fork failed");
        }
        if (m_pid == 0) {
            exec_child(argv, options, out[1], err[1]);
        }
        ::close(out[1]);
        ::close(err[1]);
        m_out = out[0];
        m_err = err[0];
    }
    ~Child() {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            wait();
        }
        ::close(m_out);
        ::close(m_err);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return m_pid; }
    void kill(int signal) { ::kill(m_pid, signal); }

    // Reads output until the child exits; returns the wait status.
    int wait() {
        drain(-1);
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
        m_reaped = true;
        m_status = status;
        return status;
    }

    // Reads available output for up to `ms` milliseconds (or until both pipes close, ms = -1).
    void drain(int ms) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        while (m_out >= 0 || m_err >= 0) {
            pollfd fds[2] = {{m_out, POLLIN, 0}, {m_err, POLLIN, 0}};
            int wait_ms = -1;
            if (ms >= 0) {
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    until - std::chrono::steady_clock::now());
                if (left.count() <= 0)
                    return;
                wait_ms = static_cast<int>(left.count());
            }
            if (::poll(fds, 2, wait_ms) <= 0)
                return;
            read_into(m_out, fds[0].revents, m_stdout);
            read_into(m_err, fds[1].revents, m_stderr);
        }
    }

    const std::string& out() const { return m_stdout; }
    const std::string& err() const { return m_stderr; }
    int status() const { return m_status; }

private:
    [[noreturn]] static void exec_child(const std::vector<std::string>& argv,
                                        const Options& options, int out, int err) {
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (options.file_size_limit) {
            ::signal(SIGXFSZ, SIG_IGN);  // writes past the limit fail with EFBIG instead
            const rlimit limit{*options.file_size_limit, *options.file_size_limit};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        }
        for (const auto& [name, value] : options.environment) {
            ::setenv(name.c_str(), value.c_str(), 1);
        }
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    static void read_into(int& fd, short revents, std::string& into) {
        if (fd < 0 || !(revents & (POLLIN | POLLHUP | POLLERR)))
            return;
        char buffer[4096];
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            into.append(buffer, static_cast<size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            ::close(fd);
            fd = -1;
        }
    }

    pid_t m_pid = -1;
    int m_out = -1;
    int m_err = -1;
    bool m_reaped = false;
    int m_status = 0;
    std::string m_stdout;
    std::string m_stderr;
};

struct Result {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;
};

inline Result run(const std::vector<std::string>& argv, const Options& options = {}) {
    Child child(argv, options);
    const int status = child.wait();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, child.out(), child.err()};
}

}  // namespace test_process
