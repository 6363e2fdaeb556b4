/*
 * zonelint/report.h - how a rule reports what it found.
 *
 * A check function gets a zl_report and calls zl_report_add once per
 * finding, then fills in the optional parts.  The engine owns every finding:
 * it applies severities, suppressions and the baseline and sorts them, so a
 * rule never prints, never decides whether it is enabled, and never frees
 * what it reported.  Strings passed in are copied.
 *
 * When memory runs out, zl_report_add returns NULL; every zl_finding_*
 * call accepts NULL and does nothing, so rules need no error path for it.
 */
#ifndef ZONELINT_REPORT_H
#define ZONELINT_REPORT_H

#include <zonelint/model.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct zl_report zl_report;
typedef struct zl_finding zl_finding;

/* A new finding of the running rule at `where`, message from fmt. */
zl_finding *zl_report_add(zl_report *r, zl_location where, const char *fmt, ...)
	ZL_PRINTF(3, 4);

/* What the finding is about: absolute names, any case (stored lower case,
 * trailing dot added).  Each may be set once; later calls replace it. */
void zl_finding_zone(zl_finding *f, const zl_name *zone);
void zl_finding_server(zl_finding *f, const zl_name *server);
void zl_finding_owner(zl_finding *f, const zl_name *owner);
void zl_finding_owner_text(zl_finding *f, const char *owner);
/* The record data the finding is about ("10.9.9.9"); part of the
 * fingerprint, so a baseline still matches after lines move. */
void zl_finding_data(zl_finding *f, const char *data);
/* A finding less severe than the rule's default (e.g. an `inventory`
 * warning).  Ignored when the user set the rule's severity. */
void zl_finding_severity(zl_finding *f, zl_severity s);
/* An explanatory line printed under the finding. */
void zl_finding_note(zl_finding *f, const char *fmt, ...) ZL_PRINTF(2, 3);
/* The remedy: one sentence, then the exact commands, in order. */
void zl_finding_fix(zl_finding *f, const char *fmt, ...) ZL_PRINTF(2, 3);
void zl_finding_command(zl_finding *f, const char *fmt, ...) ZL_PRINTF(2, 3);

/*
 * Views that share their records (zl_view_records_index) get the same
 * findings from a rule that looks at one view's records alone: such a rule
 * checks the first of them and repeats its findings for the others, which
 * a forest of thousands of identical copies needs.  zl_report_count is a
 * position in the running rule's findings; zl_report_repeat reports the
 * findings between two positions, made while checking view `from`, again
 * for `to`: in to's file where they were in from's, all else the same.
 * -1 when memory runs out.
 */
size_t zl_report_count(const zl_report *r);
int zl_report_repeat(zl_report *r, size_t begin, size_t end, const zl_view *from,
                     const zl_view *to);

/* Reports a problem found while loading (see zl_model_problem) with all
 * it carries; for the rules that surface them. */
zl_finding *zl_report_problem(zl_report *r, const zl_problem *p);
/* Reports every problem the loaders recorded for rule `id`; returns how
 * many. */
size_t zl_report_problems(zl_report *r, const zl_model *m, const char *id);

#ifdef __cplusplus
}
#endif

#endif
