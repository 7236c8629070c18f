// The six publics: lookups between keys, names and the enum.
#include "content/category.h"

#include "content/text_util.h"

namespace content {

std::string_view category_key(Category category) {
    return k_categories[static_cast<size_t>(category)].key;
}

std::string_view category_name(Category category) {
    return k_categories[static_cast<size_t>(category)].name;
}

std::optional<Category> category_from_text(std::string_view text) {
    const std::string_view trimmed = trim(text);
    for (const CategoryInfo& info : k_categories) {
        if (trimmed == info.key || trimmed == info.name) {
            return info.category;
        }
    }
    return std::nullopt;
}

std::string category_choices() {
    std::string out;
    for (const CategoryInfo& info : k_categories) {
        if (!out.empty()) {
            out += ", ";
        }
        out += std::string(info.name) + " (" + std::string(info.key) + ")";
    }
    return out;
}

}  // namespace content
