/*
 * lint/plugin.h - rules loaded from shared objects (--plugin, SPEC 1 and 5).
 *
 * A zl_plugins set owns the dlopen handles of every plugin it loaded.  The
 * engine and every finding point at the plugins' rule descriptors (and
 * their strings), which live in the shared objects: so the set is created
 * before the engine and freed after it and after every zl_results, which
 * is when the handles are closed.
 *
 * Life cycle (lint/main.c):
 *     zl_plugins *p = zl_plugins_new();
 *     zl_engine *e = zl_engine_new();
 *     zl_plugins_load(p, e, path, why, sizeof(why));   for each --plugin
 *     ... run, write, zl_results_free ...
 *     zl_engine_free(e);
 *     zl_plugins_free(p);
 */
#ifndef ZL_PLUGIN_H
#define ZL_PLUGIN_H

#include <stddef.h>

#include "engine.h"

typedef struct zl_plugins zl_plugins;

/* An empty set; NULL when memory runs out. */
zl_plugins *zl_plugins_new(void);

/*
 * Loads the shared object at `path` (a file name: never searched for on
 * the library path) and adds its rules to `e`.  Returns 0, or -1 with the
 * reason in `why` (lower case, without the path): no such file, not a
 * shared object, no zonelint_plugin_rules symbol, another ABI version, no
 * rules, a rule id already taken (saying by which rule), a descriptor the
 * engine refuses (no check function, bad id, missing fields).  Once the
 * object is open its handle belongs to `p`, refused or not, because `e`
 * may already hold some of its rules.
 */
int zl_plugins_load(zl_plugins *p, zl_engine *e, const char *path,
                    char *why, size_t size);

/* Closes every handle and frees the set: only once nothing points into a
 * plugin any more (engine and results freed).  NULL is allowed. */
void zl_plugins_free(zl_plugins *p);

#endif
