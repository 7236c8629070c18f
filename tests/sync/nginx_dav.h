// Test helper: a real nginx with WebDAV PUT on 127.0.0.1 and a free port, with its own config,
// document root and temporary folders under the test's scratch folder; stopped when destroyed.
#pragma once

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace nginx_dav {

inline int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

inline bool port_open(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

class Server {
public:
    explicit Server(const std::filesystem::path& dir) : m_dir(dir), m_port(free_port()) {
        namespace fs = std::filesystem;
        fs::create_directories(root());
        for (const char* t : {"body", "proxy", "fastcgi", "uwsgi", "scgi", "logs"})
            fs::create_directories(m_dir / t);
        const std::string d = m_dir.string();
        std::ofstream conf(m_dir / "nginx.conf");
        const char* module = "/usr/lib/nginx/modules/ngx_http_dav_ext_module.so";
        if (fs::exists(module))
            conf << "load_module " << module << ";\n";
        if (::geteuid() == 0)
            conf << "user root;\n";  // workers keep the test's own files writable
        conf << "daemon off;\nmaster_process on;\nworker_processes 1;\npid " << d
             << "/nginx.pid;\nerror_log " << d << "/logs/error.log warn;\n"
             << "events { worker_connections 64; }\nhttp {\n  access_log " << d
             << "/logs/access.log;\n  client_body_temp_path " << d << "/body;\n  proxy_temp_path "
             << d << "/proxy;\n  fastcgi_temp_path " << d << "/fastcgi;\n  uwsgi_temp_path " << d
             << "/uwsgi;\n  scgi_temp_path " << d
             << "/scgi;\n  server {\n    listen 127.0.0.1:" << m_port << ";\n    root "
             << root().string()
             << ";\n    client_max_body_size 32m;\n    location / {\n      dav_methods PUT;\n"
             << (fs::exists(module) ? "      dav_ext_methods PROPFIND OPTIONS;\n" : "")
             << "      create_full_put_path on;\n      dav_access user:rw group:r all:r;\n    }\n"
             << "  }\n}\n";
        conf.close();
        start();
    }
    ~Server() { stop(); }
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    void start() {
        m_pid = ::fork();
        if (m_pid == 0) {
            const std::string conf = (m_dir / "nginx.conf").string();
            const std::string prefix = m_dir.string() + "/";
            ::execl("/usr/sbin/nginx", "nginx", "-p", prefix.c_str(), "-c", conf.c_str(), nullptr);
            ::_exit(127);
        }
        for (int i = 0; i < 200 && !port_open(m_port); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        if (!port_open(m_port))
            throw std::runtime_error("nginx did not start; see " +
                                     (m_dir / "logs/error.log").string());
    }

    void stop() {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGTERM);  // the master stops its workers
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/uploads/"; }
    std::filesystem::path root() const { return m_dir / "www"; }
    std::filesystem::path uploads() const { return root() / "uploads"; }
    int port() const { return m_port; }

private:
    std::filesystem::path m_dir;
    int m_port;
    pid_t m_pid = -1;
};

}  // namespace nginx_dav
