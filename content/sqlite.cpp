// Thin RAII wrappers over SQLite connections and prepared statements.
#include "content/sqlite.h"

#include <utility>

namespace content {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw DatabaseError(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Database::Database(const std::string& path, OpenMode mode) : m_path(path) {
    const int flags = mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY
                                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const std::string message =
            "cannot open database " + path + ": " + (m_db ? sqlite3_errmsg(m_db) : "out of memory");
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DatabaseError(message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // A reader waits briefly for the writer's checkpoint instead of failing.
    sqlite3_busy_timeout(m_db, 2000);
}

Database::~Database() {
    if (m_db) {
        sqlite3_close_v2(m_db);
    }
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (m_db) {
            sqlite3_close_v2(m_db);
        }
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

void Database::exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = std::string("SQL failed on ") + m_path + ": " + (error ? error : "?");
        sqlite3_free(error);
        throw DatabaseError(message);
    }
}

Statement Database::prepare(std::string_view sql) {
    return Statement(m_db, sql);
}

int64_t Database::pragma_int(const char* name) {
    Statement st(m_db, std::string("PRAGMA ") + name);
    return st.step() ? st.column_int(0) : 0;
}

int64_t Database::changes() const {
    return sqlite3_changes64(m_db);
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr) !=
        SQLITE_OK) {
        fail(db, "cannot prepare SQL");
    }
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
        fail(m_db, "cannot bind text");
    }
    return *this;
}

Statement& Statement::bind(int index, int64_t value) {
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) {
        fail(m_db, "cannot bind integer");
    }
    return *this;
}

Statement& Statement::bind(int index, std::optional<int64_t> value) {
    return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    if (sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) !=
        SQLITE_OK) {
        fail(m_db, "cannot bind blob");
    }
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    fail(m_db, "SQL step failed");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_blob(m_stmt, index);
    const int size = sqlite3_column_bytes(m_stmt, index);
    return text ? std::string(static_cast<const char*>(text), static_cast<size_t>(size))
                : std::string();
}

int64_t Statement::column_int(int index) const {
    return sqlite3_column_int64(m_stmt, index);
}

std::optional<int64_t> Statement::column_optional_int(int index) const {
    if (column_is_null(index)) {
        return std::nullopt;
    }
    return column_int(index);
}

bool Statement::column_is_null(int index) const {
    return sqlite3_column_type(m_stmt, index) == SQLITE_NULL;
}

Transaction::Transaction(Database& db) : m_db(db) {
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK");
        } catch (const DatabaseError&) {
            // The connection already rolled back (for example on SQLITE_FULL).
        }
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

}  // namespace content
