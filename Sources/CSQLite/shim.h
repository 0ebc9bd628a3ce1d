#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro Swift cannot import: bind text through this wrapper.
static inline int arlens_sqlite3_bind_text_transient(sqlite3_stmt *stmt, int index, const char *text, int length) {
    return sqlite3_bind_text(stmt, index, text, length, SQLITE_TRANSIENT);
}
