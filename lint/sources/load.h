/*
 * lint/sources/load.h - reading every input into one model (private):
 * the inventory and the zone files it names, or -z zone files alone.
 */
#ifndef ZL_LOAD_H
#define ZL_LOAD_H

#include "model_int.h"
#include "status.h"
#include "sources/live.h"
#include "sources/zonefile.h"

/* Inventory at `path`, then each distinct view file of every zone.  Each
 * returns ZL_OK when done (problems recorded), else what failed. */
zl_status zl_load_forest(zl_model *m, const char *path, const zl_zonefile_options *o);

/* After zl_model_resolve: each distinct view file of every zone, for the
 * hosting servers that have no view yet (a server sharing a file shares
 * its view). */
zl_status zl_load_views(zl_model *m, const zl_zonefile_options *o);

/* --live: inventory at `path` (zone files not read), then every hosting
 * server's copy of every zone by zone transfer (sources/live.h). */
zl_status zl_load_forest_live(zl_model *m, const char *path, const zl_live_options *o);

/* -z ORIGIN FILE...: one zone, each file a view of it linted on its own;
 * ZL_ENAME_* when ORIGIN is not a domain name. */
zl_status zl_load_zone_files(zl_model *m, const char *origin, char *const *files,
                             size_t nfiles, const zl_zonefile_options *o);

#endif
