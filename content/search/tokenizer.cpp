// The FTS5 tokenizer (see tokenizer.h): xCreate takes the field ("title" or "body") from the
// table's tokenize= argument; xTokenize emits emit_terms() of the folded text, with byte offsets.
#include "content/search/tokenizer.h"

#include <cstring>
#include <memory>
#include <new>
#include <string_view>

#include "content/search/terms.h"
#include "content/search/text.h"

namespace content::search {
namespace {

struct KioskTokenizer {
    Field field = Field::Body;
};

int x_create(void*, const char** args, int count, Fts5Tokenizer** out) {
    Field field = Field::Body;
    if (count > 1 ||
        (count == 1 && std::strcmp(args[0], "title") != 0 && std::strcmp(args[0], "body") != 0)) {
        return SQLITE_ERROR;
    }
    if (count == 1 && std::strcmp(args[0], "title") == 0) {
        field = Field::Title;
    }
    auto* tokenizer = new (std::nothrow) KioskTokenizer{field};
    if (!tokenizer) {
        return SQLITE_NOMEM;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer);
    return SQLITE_OK;
}

void x_delete(Fts5Tokenizer* tokenizer) {
    delete reinterpret_cast<KioskTokenizer*>(tokenizer);
}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

// A query: terms as the searcher wrote them, separated by spaces.
int tokenize_query(std::string_view text, void* context, TokenCallback token) {
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        if (end > start) {
            const int rc = token(context, 0, text.data() + start, static_cast<int>(end - start),
                                 static_cast<int>(start), static_cast<int>(end));
            if (rc != SQLITE_OK) {
                return rc;
            }
        }
        start = end + 1;
    }
    return SQLITE_OK;
}

int tokenize_document(Field field, std::string_view text, void* context, TokenCallback token) {
    const FoldedText folded = fold_text(text);
    int rc = SQLITE_OK;
    const TermSink sink{[&](std::string_view term, TermPosition position, size_t begin,
                            size_t end) {
        rc = token(context, position == TermPosition::Same ? FTS5_TOKEN_COLOCATED : 0, term.data(),
                   static_cast<int>(term.size()), static_cast<int>(folded.offsets[begin]),
                   static_cast<int>(folded.offsets[end]));
        return rc == SQLITE_OK;
    }};
    emit_terms(folded.chars, field, sink);
    return rc;
}

int x_tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int size,
               TokenCallback token) {
    const std::string_view input(text, size > 0 ? static_cast<size_t>(size) : 0);
    try {
        if (flags & FTS5_TOKENIZE_QUERY) {
            return tokenize_query(input, context, token);
        }
        return tokenize_document(reinterpret_cast<KioskTokenizer*>(tokenizer)->field, input,
                                 context, token);
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    } catch (...) {
        return SQLITE_ERROR;
    }
}

// The pointer comes through a bound parameter (sqlite3_bind_pointer), the documented way.
fts5_api* fts5_api_of(Database& db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &raw, nullptr) != SQLITE_OK) {
        sqlite3_finalize(raw);
        return nullptr;  // no fts5() function: SQLite without FTS5
    }
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st(raw, sqlite3_finalize);
    if (sqlite3_bind_pointer(st.get(), 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr) !=
            SQLITE_OK ||
        sqlite3_step(st.get()) != SQLITE_ROW) {
        return nullptr;
    }
    return api;
}

}  // namespace

void register_search_tokenizer(Database& db) {
    fts5_api* api = fts5_api_of(db);
    if (!api || api->iVersion < 2) {
        throw DatabaseError("SQLite on this system has no FTS5 (needed by the search index of " +
                            db.path() + "); install Debian's libsqlite3-0");
    }
    void* user_data = nullptr;
    fts5_tokenizer existing{};
    if (api->xFindTokenizer(api, k_tokenizer_name, &user_data, &existing) == SQLITE_OK) {
        return;
    }
    fts5_tokenizer tokenizer{x_create, x_delete, x_tokenize};
    if (api->xCreateTokenizer(api, k_tokenizer_name, nullptr, &tokenizer, nullptr) != SQLITE_OK) {
        throw DatabaseError("cannot register the search tokenizer on " + db.path());
    }
}

}  // namespace content::search
