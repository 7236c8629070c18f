// Thin RAII wrappers over SQLite: a connection and prepared statements (the only way we run SQL
// with values in it).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace content {

class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class OpenMode { ReadOnly, ReadWrite };

class Statement;

class Database {
public:
    // Throws DatabaseError with the path and SQLite's reason.
    Database(const std::string& path, OpenMode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;

    // For statements without parameters (schema, pragmas, BEGIN/COMMIT).
    void exec(const char* sql);
    Statement prepare(std::string_view sql);
    int64_t pragma_int(const char* name);
    int64_t changes() const;

    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, std::optional<int64_t> value);
    Statement& bind_blob(int index, std::string_view bytes);
    Statement& bind_null(int index);

    // True while a row is available; false when done. Throws on errors.
    bool step();
    void run();  // step() until done, for statements that return no rows
    void reset();

    std::string column_text(int index) const;
    int64_t column_int(int index) const;
    std::optional<int64_t> column_optional_int(int index) const;
    bool column_is_null(int index) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// Rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

}  // namespace content
