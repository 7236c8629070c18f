// Test helper: a small HTTP/1.1 server on 127.0.0.1 serving a folder, with ETag / If-None-Match,
// keep-alive, request counting, and misbehaviours on chosen paths (a 1-byte-per-second drip, an
// endless body). Header-only so tests and benchmarks can share it.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace test_http {

enum class Behaviour { Normal, Drip, Endless };

class Server {
public:
    explicit Server(std::filesystem::path root) : m_root(std::move(root)) {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::listen(m_listen, 64);
        socklen_t len = sizeof addr;
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_accept = std::thread([this] { accept_loop(); });
    }
    ~Server() {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_accept.join();
        std::vector<std::thread> workers;
        {
            std::lock_guard lock(m_mutex);
            for (int fd : m_open)
                ::shutdown(fd, SHUT_RDWR);
            workers.swap(m_workers);
        }
        for (std::thread& t : workers)
            t.join();
    }
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    std::string url(const std::string& path = "") const {
        return "http://127.0.0.1:" + std::to_string(m_port) + "/" + path;
    }
    void set_behaviour(const std::string& path, Behaviour b) {
        std::lock_guard lock(m_mutex);
        m_behaviour["/" + path] = b;
    }
    // Answers `path` with "302 Found" and this Location.
    void set_redirect(const std::string& path, const std::string& location) {
        std::lock_guard lock(m_mutex);
        m_redirect["/" + path] = location;
    }
    int requests() const { return m_requests; }
    int not_modified() const { return m_not_modified; }
    int bodies_sent() const { return m_bodies; }

private:
    void accept_loop() {
        while (!m_stop) {
            const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) {
                if (m_stop)
                    return;
                continue;
            }
            std::lock_guard lock(m_mutex);
            m_open.push_back(fd);
            m_workers.emplace_back([this, fd] { serve(fd); });
        }
    }

    static bool send_all(int fd, const std::string& data) {
        size_t done = 0;
        while (done < data.size()) {
            const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            done += static_cast<size_t>(n);
        }
        return true;
    }

    void serve(int fd) {
        std::string buffer;
        char chunk[8192];
        while (!m_stop) {
            const size_t end = buffer.find("\r\n\r\n");
            if (end == std::string::npos) {
                const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
                if (n <= 0)
                    break;
                buffer.append(chunk, static_cast<size_t>(n));
                continue;
            }
            const std::string head = buffer.substr(0, end);
            buffer.erase(0, end + 4);
            if (!respond(fd, head))
                break;
        }
        std::lock_guard lock(m_mutex);
        std::erase(m_open, fd);
        ::close(fd);
    }

    static std::string header(const std::string& head, const std::string& name) {
        std::istringstream in(head);
        std::string line;
        while (std::getline(in, line)) {
            if (line.size() > name.size() + 1 &&
                strncasecmp(line.c_str(), name.c_str(), name.size()) == 0 &&
                line[name.size()] == ':') {
                std::string v = line.substr(name.size() + 1);
                while (!v.empty() && (v.front() == ' '))
                    v.erase(0, 1);
                while (!v.empty() && (v.back() == '\r' || v.back() == ' '))
                    v.pop_back();
                return v;
            }
        }
        return {};
    }

    bool respond(int fd, const std::string& head) {
        ++m_requests;
        std::istringstream first(head);
        std::string method, path;
        first >> method >> path;
        Behaviour behaviour = Behaviour::Normal;
        std::string location;
        {
            std::lock_guard lock(m_mutex);
            if (auto it = m_behaviour.find(path); it != m_behaviour.end())
                behaviour = it->second;
            if (auto it = m_redirect.find(path); it != m_redirect.end())
                location = it->second;
        }
        if (!location.empty())
            return send_all(fd, "HTTP/1.1 302 Found\r\nLocation: " + location +
                                    "\r\nContent-Length: 0\r\n\r\n");
        if (behaviour == Behaviour::Drip)
            return drip(fd);
        if (behaviour == Behaviour::Endless)
            return endless(fd);
        const std::filesystem::path file = m_root / path.substr(1);
        struct stat st {};
        if (path.find("..") != std::string::npos || ::stat(file.c_str(), &st) != 0 ||
            !S_ISREG(st.st_mode)) {
            return send_all(fd, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        }
        const std::string etag = "\"" + std::to_string(st.st_ino) + "-" +
                                 std::to_string(st.st_size) + "-" +
                                 std::to_string(st.st_mtim.tv_nsec) + "\"";
        if (header(head, "If-None-Match") == etag) {
            ++m_not_modified;
            return send_all(fd, "HTTP/1.1 304 Not Modified\r\nETag: " + etag + "\r\n\r\n");
        }
        std::ifstream in(file, std::ios::binary);
        const std::string body((std::istreambuf_iterator<char>(in)), {});
        ++m_bodies;
        return send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) +
                                "\r\nETag: " + etag + "\r\n\r\n" + body);
    }

    // One byte a second, with no length announced: what a broken or hostile mirror does.
    bool drip(int fd) {
        if (!send_all(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"))
            return false;
        while (!m_stop) {
            if (!send_all(fd, "x"))
                return false;
            for (int i = 0; i < 10 && !m_stop; ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
        return false;
    }

    // A body with no length that never ends, as fast as the client takes it.
    bool endless(int fd) {
        if (!send_all(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"))
            return false;
        const std::string block(64 * 1024, '{');
        while (!m_stop && send_all(fd, block)) {
        }
        return false;
    }

    std::filesystem::path m_root;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_requests{0};
    std::atomic<int> m_not_modified{0};
    std::atomic<int> m_bodies{0};
    std::thread m_accept;
    std::mutex m_mutex;
    std::vector<int> m_open;
    std::vector<std::thread> m_workers;
    std::map<std::string, Behaviour> m_behaviour;
    std::map<std::string, std::string> m_redirect;
};

}  // namespace test_http
