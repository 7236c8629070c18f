// Notice bodies as plain, folded text for checking matches and cutting excerpts, with the most
// recent ones kept: each key tap searches again, mostly among the same notices.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "content/search/doc_set.h"
#include "content/search/text.h"
#include "content/sqlite.h"

namespace content::search {

struct SearchBody {
    std::string text;  // body_plain_text() of the Markdown
    FoldedText folded;
};

class SearchBodyCache {
public:
    explicit SearchBodyCache(Database& db, size_t capacity = 128);

    // The body of `notice_id`, indexed as document `doc`; empty if the notice is gone.
    const SearchBody& get(DocId doc, const std::string& notice_id);
    void clear() { m_entries.clear(); }

private:
    struct Entry {
        SearchBody body;
        uint64_t used = 0;
    };
    Statement m_read;
    size_t m_capacity;
    uint64_t m_clock = 0;
    std::unordered_map<DocId, Entry> m_entries;
};

}  // namespace content::search
