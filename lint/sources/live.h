/*
 * lint/sources/live.h - `--live`: every hosting server's copy of every zone,
 * by zone transfer, into the model (private).
 *
 * For each zone (in inventory order) and each of its hosting servers (by
 * name), one AXFR from the server's `dns` endpoint (default: its first
 * address, port 53).  Each successful transfer becomes one view of that
 * zone held by that server alone, named "axfr://HOST:PORT/ZONE"; a record's
 * line is its position in the transfer (the SOA is 1).  Each failure is a
 * ZL_SOURCE_LIVE_TRANSFER problem (error, unusable) at that name, line 1,
 * with the zone and server, and the audit goes on without that view.
 *
 * A transfer may hold at most max_records / (jobs + 1) records, since up
 * to jobs + 1 transfers are held in memory at once: together they never
 * hold more than max_records, whatever the servers send.
 *
 * Transfers run on up to `jobs` threads; only the calling thread touches
 * the model (it is not thread-safe), converting answers in job order while
 * later transfers are still running.
 */
#ifndef ZL_LIVE_H
#define ZL_LIVE_H

#include "model_int.h"
#include "status.h"

typedef struct zl_live_options {
	unsigned timeout;        /* seconds per transfer, 1..3600 */
	unsigned jobs;           /* transfers at once, 1..256 */
	size_t max_records;      /* --max-records: the records all transfers in
	                          * memory at once may hold (0: the default) */
} zl_live_options;

#define ZL_LIVE_DEFAULT_TIMEOUT 10
#define ZL_LIVE_DEFAULT_JOBS 4

/* After zl_model_resolve.  ZL_OK when done (failed transfers are
 * problems), ZL_ENOMEM when memory ran out. */
zl_status zl_live_load(zl_model *m, const zl_live_options *o);

#endif
