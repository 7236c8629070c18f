// Console accounts: kiosk-publish user add hashes with Argon2id, keeps the file private, and
// refuses bad names, roles and short passwords.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "content/file_read.h"
#include "content/publish/console/accounts.h"
#include "content/publish/console/audit_log.h"
#include "content/publish/console/staff_area.h"
#include "tests/test_paths.h"

namespace {

int user_add(const std::filesystem::path& root, const std::string& args,
             const std::string& password) {
    const std::string cmd = "printf '%s\\n' '" + password + "' | " +
                            (test_paths::bin_dir() / "kiosk-publish").string() +
                            " user add --root " + root.string() + " " + args + " 2>/dev/null";
    return WEXITSTATUS(std::system(cmd.c_str()));
}

}  // namespace

TEST_CASE("user add stores an Argon2id hash in a 0600 file and logs it in the audit chain") {
    const auto root = test_paths::scratch_dir("accounts-add");
    REQUIRE(user_add(root, "--name 李敏 --role author", "correct horse") == 0);
    REQUIRE(user_add(root, "--name wangkun --role reviewer --emergency", "battery staple") == 0);
    const console::StaffArea area{root};
    struct stat st {};
    REQUIRE(::stat(area.accounts().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string text = content::read_file_capped(area.accounts(), 1 << 20);
    CHECK(text.find("$argon2id$") != std::string::npos);
    CHECK(text.find("correct horse") == std::string::npos);

    const auto accounts = console::load_accounts(area.accounts());
    REQUIRE(accounts.size() == 2);
    CHECK(accounts[0].role == console::Role::Author);
    CHECK_FALSE(accounts[0].emergency);
    CHECK(accounts[1].emergency);
    CHECK(console::password_matches(accounts[0], "correct horse"));
    CHECK_FALSE(console::password_matches(accounts[0], "correct horsE"));

    const console::AuditLog log(area.audit_log(), area.audit_head());
    CHECK(log.verify().ok);
    CHECK(log.read().size() == 2);
    CHECK(log.read()[0].action == "user-add");
}

TEST_CASE("user add refuses an unknown role, a bad name and a short password") {
    const auto root = test_paths::scratch_dir("accounts-refuse");
    CHECK(user_add(root, "--name a --role admin", "long enough") == 2);
    CHECK(user_add(root, "--name '../x' --role author", "long enough") == 2);
    CHECK(user_add(root, "--name x --role author", "short") == 2);
    CHECK_FALSE(std::filesystem::exists(console::StaffArea{root}.accounts()));
}
