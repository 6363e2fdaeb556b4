/*
 * lint/sources/inventory.h - the YAML inventory (SPEC 2) into the model.
 */
#ifndef ZL_INVENTORY_H
#define ZL_INVENTORY_H

#include <stdbool.h>

#include <zonelint/model.h>

#include "status.h"

/*
 * Reads the inventory at `path` into m: version, forest, domains, servers,
 * zones, rules, settings.  Every problem is recorded with
 * zl_model_problem_add(m, ZL_SOURCE_INVENTORY, ...) at the YAML node's 1-based line
 * and column, and the rest still loads.  Locations' `file` is `path` as
 * given; `file` and `views` paths are joined with the folder of `path`
 * and must stay in it, as $INCLUDE paths do (zl_path_confine).
 *
 * Returns ZL_OK when the file was read (even with problems), ZL_EREAD when
 * it could not be opened, is not a regular file, is over 16 MiB, is not
 * YAML (a syntax error, an undefined alias) or nests deeper than 64
 * levels, ZL_ENOMEM when memory ran out; the reason is then recorded as a
 * problem too (when memory allows) and nothing is loaded.
 *
 * Does not call zl_model_resolve: the caller does, after every source.
 */
zl_status zl_inventory_load(zl_model *m, const char *path);

typedef struct zl_inventory_options {
	bool live;     /* --live: `file` and `views` are not read, so a missing
	                * zone file is no problem (SPEC 1) */
	bool include_anywhere;  /* `file` and `views` may leave the inventory's
	                         * folder (as $INCLUDE, zl_path_confine) */
} zl_inventory_options;

/* The same with options; o may be NULL for the defaults. */
zl_status zl_inventory_load_with(zl_model *m, const char *path,
                                 const zl_inventory_options *o);

#endif
