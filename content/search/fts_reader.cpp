// FTS5 queries over the index (see fts_reader.h).
#include "content/search/fts_reader.h"

#include "content/search/tokenizer.h"

namespace content::search {
namespace {

Database& with_tokenizer(Database& db) {
    register_search_tokenizer(db);
    return db;
}

}  // namespace

FtsReader::FtsReader(Database& db, size_t capacity)
    : m_titles(with_tokenizer(db).prepare(
          "SELECT rowid FROM search_titles WHERE search_titles MATCH ?1")),
      m_bodies(db.prepare("SELECT rowid FROM search_bodies WHERE search_bodies MATCH ?1")),
      m_capacity(capacity) {}

DocSet FtsReader::match(Field field, const std::string& expression) {
    DocSet out(m_capacity);
    if (expression.empty()) {
        return out;
    }
    Statement& st = field == Field::Title ? m_titles : m_bodies;
    st.reset();
    st.bind(1, expression);
    while (st.step()) {
        out.insert(static_cast<DocId>(st.column_int(0)));
    }
    st.reset();
    return out;
}

std::string fts_string(std::string_view term) {
    std::string out = "\"";
    for (char c : term) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
    return out;
}

}  // namespace content::search
