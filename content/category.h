// The six publics (六务公开): fixed keys, Chinese names and lookup.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace content {

enum class Category { Party, Government, Affairs, Finance, Service, Announcement };

struct CategoryInfo {
    Category category;
    std::string_view key;   // stable ASCII key stored in the database and the channel
    std::string_view name;  // what residents read
};

inline constexpr std::array<CategoryInfo, 6> k_categories{{
    {Category::Party, "party", "党务"},
    {Category::Government, "government", "政务"},
    {Category::Affairs, "affairs", "事务"},
    {Category::Finance, "finance", "财务"},
    {Category::Service, "service", "服务"},
    {Category::Announcement, "announcement", "公告"},
}};

std::string_view category_key(Category category);
std::string_view category_name(Category category);

// Accepts the key ("finance") or the Chinese name ("财务"), surrounding spaces ignored.
std::optional<Category> category_from_text(std::string_view text);

// "党务 (party), 政务 (government), ..." for error messages.
std::string category_choices();

}  // namespace content
