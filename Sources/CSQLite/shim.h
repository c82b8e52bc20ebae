// SQLite, used only by bedside-bench to compare our search with FTS5.
#ifndef BEDSIDE_CSQLITE_SHIM_H
#define BEDSIDE_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
