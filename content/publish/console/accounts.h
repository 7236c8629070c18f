// Staff accounts of the console: name, role, Argon2id password hash (libsodium crypto_pwhash_str)
// and the emergency permission, kept in ROOT/.staff/accounts.json with mode 0600.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace console {

// author 撰稿, reviewer 审核, publisher 发布 (also administrator), supervisor 监督小组 (the
// residents' finance supervision group: signs off finance notices, edits nothing).
enum class Role { Author, Reviewer, Publisher, Supervisor };

std::string_view role_key(Role role);
std::string_view role_name(Role role);  // Chinese
std::optional<Role> role_from_key(std::string_view key);

struct Account {
    std::string name;
    Role role = Role::Author;
    std::string password_hash;  // crypto_pwhash_str output ("$argon2id$...")
    bool emergency = false;     // may write and fast-track emergency notices
};

inline constexpr size_t k_min_password_bytes = 8;
inline constexpr size_t k_max_password_bytes = 256;
inline constexpr size_t k_max_name_chars = 32;

// A name is 1..32 characters of letters, digits, CJK, '-', '_', '.' and no spaces or control
// characters (it appears in the audit chain and in page text). Returns what is wrong, or empty.
std::string name_problem(std::string_view name);
std::string password_problem(std::string_view password);

// Argon2id with libsodium's interactive limits. Throws std::runtime_error when out of memory.
std::string hash_password(std::string_view password);
bool password_matches(const Account& account, std::string_view password);

// Reads the accounts file; a missing file is no accounts. Throws std::runtime_error naming the
// file and what is wrong.
std::vector<Account> load_accounts(const std::filesystem::path& file);
// Writes atomically with mode 0600. Throws content::FileError.
void save_accounts(const std::filesystem::path& file, const std::vector<Account>& accounts);

const Account* find_account(const std::vector<Account>& accounts, std::string_view name);

}  // namespace console
