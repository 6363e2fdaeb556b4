/*
 * lint/baseline.h - `--baseline FILE`: hide the findings an earlier
 * `--format json` report already holds (SPEC 1, 4; docs/audit.md).
 *
 * Findings are matched by their fingerprint (rule, zone, server, owner and
 * record data; not line numbers, columns, severity or message wording), as
 * a multiset: a fingerprint the baseline holds k times hides at most k
 * findings of this run, the first k in report order.  So a problem that
 * was there before stays hidden when lines move, and a second copy of it
 * (another identical stale record) still shows.
 */
#ifndef ZL_BASELINE_H
#define ZL_BASELINE_H

#include <stddef.h>

#include "engine.h"

typedef struct zl_baseline zl_baseline;

/*
 * Reads the report at `path` into *out.  Returns 0, or -1 with *out NULL
 * and the reason in `why` (naming the file) when it cannot be read, is not
 * JSON, or is not a zonelint report (schema 1, tool zonelint, a findings
 * array whose entries each carry a 16-hex-digit fingerprint).
 */
int zl_baseline_load(zl_baseline **out, const char *path, char *why, size_t size);
void zl_baseline_free(zl_baseline *b);

/* Number of findings the baseline holds. */
size_t zl_baseline_count(const zl_baseline *b);

/*
 * Removes from r the findings the baseline holds and counts them in
 * r->suppressed (and out of r->count).  Returns how many were removed, or
 * (size_t)-1 when memory ran out (r unchanged).  May be called more than
 * once: each call matches against the whole baseline.
 */
size_t zl_baseline_apply(const zl_baseline *b, zl_results *r);

#endif
