// cmark-gfm and its core extensions (tables, autolinks, strikethrough).
// Extension node types (table, strikethrough) are not in the public headers,
// so BedsideContent tells them apart by cmark_node_get_type_string.
#ifndef BEDSIDE_CCMARK_SHIM_H
#define BEDSIDE_CCMARK_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
