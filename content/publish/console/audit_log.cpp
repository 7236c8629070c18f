// Appending to and verifying the hash-chained audit log.
#include "content/publish/console/audit_log.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "content/durable_file.h"
#include "content/file_read.h"
#include "content/sha256.h"

namespace console {
namespace {

using nlohmann::json;

const std::string k_genesis(64, '0');
constexpr size_t k_max_log_bytes = 512ull * 1024 * 1024;
constexpr size_t k_max_line_bytes = 64 * 1024;

json body_json(const AuditEntry& e) {
    return {{"seq", e.seq},
            {"at", e.at},
            {"user", e.user},
            {"role", e.role},
            {"action", e.action},
            {"notice", e.notice},
            {"text_sha256", e.text_sha256},
            {"reason", e.reason},
            {"prev", e.prev}};
}

std::string entry_hash(const AuditEntry& e) {
    return content::sha256_hex(body_json(e).dump());
}

AuditEntry parse_entry(const std::string& line) {
    const json j = json::parse(line);
    AuditEntry e;
    e.seq = j.at("seq").get<uint64_t>();
    e.at = j.at("at").get<int64_t>();
    e.user = j.at("user").get<std::string>();
    e.role = j.at("role").get<std::string>();
    e.action = j.at("action").get<std::string>();
    e.notice = j.at("notice").get<std::string>();
    e.text_sha256 = j.at("text_sha256").get<std::string>();
    e.reason = j.at("reason").get<std::string>();
    e.prev = j.at("prev").get<std::string>();
    e.hash = j.at("hash").get<std::string>();
    return e;
}

std::vector<std::string> read_lines(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        return {};
    }
    std::istringstream in(content::read_file_capped(file, k_max_log_bytes));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(std::move(line));
    }
    return lines;
}

class FileLock {
public:
    explicit FileLock(const std::filesystem::path& path) {
        m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd < 0 || ::flock(m_fd, LOCK_EX) != 0) {
            throw content::FileError("cannot lock " + path.string() + ": " + std::strerror(errno));
        }
    }
    ~FileLock() { ::close(m_fd); }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int m_fd = -1;
};

void append_line(const std::filesystem::path& file, const std::string& line) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw content::FileError("cannot open " + file.string() + ": " + std::strerror(errno));
    }
    const bool ok =
        ::write(fd, line.data(), line.size()) == ssize_t(line.size()) && ::fdatasync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!ok) {
        throw content::FileError("cannot append to " + file.string() + ": " + std::strerror(error));
    }
}

}  // namespace

AuditEntry audit_entry(int64_t at, std::string user, std::string role, std::string action,
                       std::string notice, std::string text_sha256, std::string reason) {
    AuditEntry e;
    e.at = at;
    e.user = std::move(user);
    e.role = std::move(role);
    e.action = std::move(action);
    e.notice = std::move(notice);
    e.text_sha256 = std::move(text_sha256);
    e.reason = std::move(reason);
    return e;
}

AuditLog::AuditLog(std::filesystem::path log, std::filesystem::path head)
    : m_log(std::move(log)), m_head(std::move(head)) {}

AuditEntry AuditLog::append(AuditEntry entry) {
    FileLock lock(m_log.string() + ".lock");
    const std::vector<std::string> lines = read_lines(m_log);
    entry.seq = lines.size() + 1;
    entry.prev = k_genesis;
    if (!lines.empty()) {
        const AuditEntry last = parse_entry(lines.back());
        entry.prev = last.hash;
    }
    entry.hash = entry_hash(entry);
    json line = body_json(entry);
    line["hash"] = entry.hash;
    append_line(m_log, line.dump() + "\n");
    content::write_file_atomically(m_head, std::to_string(entry.seq) + " " + entry.hash + "\n",
                                   0600);
    return entry;
}

std::vector<AuditEntry> AuditLog::read(size_t limit) const {
    const std::vector<std::string> lines = read_lines(m_log);
    std::vector<AuditEntry> out;
    const size_t first = lines.size() > limit ? lines.size() - limit : 0;
    for (size_t i = first; i < lines.size(); ++i) {
        try {
            out.push_back(parse_entry(lines[i]));
        } catch (const std::exception&) {
            AuditEntry broken;
            broken.seq = i + 1;
            broken.action = "unreadable";
            out.push_back(broken);
        }
    }
    return out;
}

AuditVerdict AuditLog::verify() const {
    AuditVerdict v;
    std::vector<std::string> lines;
    try {
        lines = read_lines(m_log);
    } catch (const std::exception& e) {
        return {false, 0, 0, std::string("审计日志无法读取：") + e.what()};
    }
    std::string prev = k_genesis;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string where = "第 " + std::to_string(i + 1) + " 条";
        AuditEntry e;
        try {
            if (lines[i].size() > k_max_line_bytes) {
                throw std::runtime_error("too long");
            }
            e = parse_entry(lines[i]);
        } catch (const std::exception&) {
            return {false, i, i + 1, where + "记录无法解析：日志被改动过"};
        }
        if (e.seq != i + 1) {
            return {false, i, i + 1,
                    where + "记录的序号是 " + std::to_string(e.seq) + "：前面有记录被删除或插入"};
        }
        if (e.prev != prev) {
            return {false, i, i + 1, where + "记录与上一条对不上：前面有记录被删除或改动"};
        }
        if (entry_hash(e) != e.hash) {
            return {false, i, i + 1, where + "记录的内容与其哈希不符：这条记录被改动过"};
        }
        prev = e.hash;
    }
    v.entries = lines.size();
    std::string head_text;
    try {
        std::error_code ec;
        if (std::filesystem::exists(m_head, ec)) {
            head_text = content::read_file_capped(m_head, 256);
        }
    } catch (const std::exception&) {
    }
    const std::string expected =
        lines.empty() ? std::string() : std::to_string(lines.size()) + " " + prev + "\n";
    if (head_text != expected) {
        return {false, v.entries, 0,
                "日志末尾与记录的最后一条（audit.head）不符：最后的记录被删除或日志被替换"};
    }
    return v;
}

}  // namespace console
