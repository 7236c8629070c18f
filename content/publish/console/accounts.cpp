// Staff accounts: Argon2id hashes through libsodium, one JSON file written atomically, mode 0600.
#include "content/publish/console/accounts.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include <array>
#include <stdexcept>

#include "content/durable_file.h"
#include "content/file_read.h"
#include "content/utf8.h"

namespace console {
namespace {

using nlohmann::json;

constexpr size_t k_max_accounts_bytes = 1024 * 1024;

struct RoleInfo {
    Role role;
    std::string_view key;
    std::string_view name;
};

constexpr std::array<RoleInfo, 4> k_roles{{
    {Role::Author, "author", "撰稿"},
    {Role::Reviewer, "reviewer", "审核"},
    {Role::Publisher, "publisher", "发布"},
    {Role::Supervisor, "supervisor", "监督小组"},
}};

bool allowed_name_char(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || (c >= 0x3400 && c <= 0x9FFF) || c == 0x00B7;
}

}  // namespace

std::string_view role_key(Role role) {
    for (const RoleInfo& r : k_roles) {
        if (r.role == role) {
            return r.key;
        }
    }
    return "author";
}

std::string_view role_name(Role role) {
    for (const RoleInfo& r : k_roles) {
        if (r.role == role) {
            return r.name;
        }
    }
    return "撰稿";
}

std::optional<Role> role_from_key(std::string_view key) {
    for (const RoleInfo& r : k_roles) {
        if (r.key == key) {
            return r.role;
        }
    }
    return std::nullopt;
}

std::string name_problem(std::string_view name) {
    size_t count = 0;
    for (size_t pos = 0; pos < name.size();) {
        bool valid = true;
        const char32_t c = content::decode_utf8_at(name, pos, valid);
        if (!valid || !allowed_name_char(c)) {
            return "names use letters, digits, Chinese characters, '-', '_' or '.' only";
        }
        ++count;
    }
    if (count == 0 || count > k_max_name_chars) {
        return "a name has 1 to " + std::to_string(k_max_name_chars) + " characters";
    }
    return {};
}

std::string password_problem(std::string_view password) {
    if (password.size() < k_min_password_bytes) {
        return "the password needs at least " + std::to_string(k_min_password_bytes) +
               " characters";
    }
    if (password.size() > k_max_password_bytes) {
        return "the password is longer than " + std::to_string(k_max_password_bytes) + " bytes";
    }
    return {};
}

std::string hash_password(std::string_view password) {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium cannot start");
    }
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        throw std::runtime_error("out of memory while hashing a password");
    }
    return out.data();
}

bool password_matches(const Account& account, std::string_view password) {
    if (sodium_init() < 0 || password.size() > k_max_password_bytes) {
        return false;
    }
    return crypto_pwhash_str_verify(account.password_hash.c_str(), password.data(),
                                    password.size()) == 0;
}

std::vector<Account> load_accounts(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        return {};
    }
    const std::string text = content::read_file_capped(file, k_max_accounts_bytes);
    std::vector<Account> accounts;
    try {
        const json root = json::parse(text);
        for (const json& entry : root.at("accounts")) {
            Account a;
            a.name = entry.at("name").get<std::string>();
            const auto role = role_from_key(entry.at("role").get<std::string>());
            if (!role || !name_problem(a.name).empty()) {
                throw std::runtime_error("account '" + a.name + "' has an unknown role or name");
            }
            a.role = *role;
            a.password_hash = entry.at("password_hash").get<std::string>();
            a.emergency = entry.value("emergency", false);
            accounts.push_back(std::move(a));
        }
    } catch (const std::exception& e) {
        throw std::runtime_error(file.string() + ": " + e.what() +
                                 "; restore it from a backup or recreate the accounts with "
                                 "kiosk-publish user add");
    }
    return accounts;
}

void save_accounts(const std::filesystem::path& file, const std::vector<Account>& accounts) {
    json list = json::array();
    for (const Account& a : accounts) {
        list.push_back({{"name", a.name},
                        {"role", role_key(a.role)},
                        {"password_hash", a.password_hash},
                        {"emergency", a.emergency}});
    }
    content::write_file_atomically(file, json{{"accounts", list}}.dump(1) + "\n", 0600);
}

const Account* find_account(const std::vector<Account>& accounts, std::string_view name) {
    for (const Account& a : accounts) {
        if (a.name == name) {
            return &a;
        }
    }
    return nullptr;
}

}  // namespace console
