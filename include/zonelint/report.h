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
/* A command with nothing known of where it runs: JSON's fix.run_on says
 * null for it and `-f ps1` leaves it out.  Prefer zl_finding_command_on. */
void zl_finding_command(zl_finding *f, const char *fmt, ...) ZL_PRINTF(2, 3);

/* Which tool a command is written for. */
typedef enum zl_command_tool {
	ZL_TOOL_OTHER = 0,        /* anything else (nltest): runs as written */
	ZL_TOOL_DNSCMD,           /* dnscmd: left out of `-f ps1` */
	ZL_TOOL_POWERSHELL,       /* a PowerShell command line */
} zl_command_tool;

/* What a command does, for the order of the fix plan (`-f ps1`):
 * deletions, then additions, then settings, then the rest. */
typedef enum zl_command_kind {
	ZL_COMMAND_DELETE = 1,    /* removes a record or zone (Remove-*) */
	ZL_COMMAND_ADD,           /* adds one (Add-*) */
	ZL_COMMAND_SET,           /* changes a setting (Set-*) */
	ZL_COMMAND_OTHER,         /* anything else (nltest, Register-DnsClient) */
} zl_command_kind;

/*
 * A command of the remedy that acts on `server` (the DNS server of
 * -ComputerName or dnscmd's first argument; the DC a Netlogon or client
 * command runs on), which may differ from the finding's `server`: JSON's
 * fix.run_on names it, and `-f ps1` groups the plan by it.
 */
void zl_finding_command_on(zl_finding *f, const zl_name *server, zl_command_tool tool,
                           zl_command_kind kind, const char *fmt, ...) ZL_PRINTF(5, 6);

/*
 * Findings that follow from another (one cause, one finding).  A rule
 * marks what a finding explains and what it follows from with keys it
 * builds from structured parts (the same key for "this name has no
 * address in this copy" on both sides).  After severities, suppressions
 * and the baseline, each finding that follows a key explained by another
 * finding is linked to it: when several explain it, to the one whose
 * `server` sorts first.  A cause that is off or suppressed leaves its
 * followers standalone, and a cause never follows another.  Writers fold
 * followers under their cause; counts and exit codes still count them.
 * Each may be called several times.
 */
void zl_finding_explains(zl_finding *f, const char *key);
void zl_finding_follows(zl_finding *f, const char *key);

/*
 * Other servers a finding is about, besides its `server`: relations the
 * HTML and DOT writers read to draw the forest (they never parse messages
 * or `data`).  Neither is part of the fingerprint.  Each may be called
 * several times, once for each server.
 *
 * zl_finding_involves: a server the finding concerns as well, such as the
 * server whose host records a partner holds (its `owner`); with
 * ZL_TAG_PARTNER, the connection between `server` and it is coloured.
 * zl_finding_partner: a replication partner a repair plan names to run
 * its commands on (KB 914050, step 6); the graph marks it "fix here".
 */
void zl_finding_involves(zl_finding *f, const zl_name *server);
void zl_finding_partner(zl_finding *f, const zl_name *server);

/*
 * The running rule left `count` subjects (servers, zones, (DC, view) pairs)
 * unchecked because data it needs is not known: `reason` says which ("no
 * dsa_guid in the inventory").  A rule never guesses missing data; it says
 * so here, and the run's summary lists it (JSON summary.not_checked).
 * Calls with the same reason add up.
 */
void zl_report_not_checked(zl_report *r, const char *reason, size_t count);

/*
 * Views that share their records (zl_view_records_index) get the same
 * findings from a rule that looks at one view's records alone: such a rule
 * checks the first of them and repeats its findings for the others, which
 * a forest of thousands of identical copies needs.  zl_report_count is a
 * position in the running rule's findings; zl_report_repeat reports the
 * findings between two positions, made while checking view `from`, again
 * for `to`: in to's file where they were in from's, all else the same
 * (relation keys that name from's file name to's).  -1 when memory runs
 * out.
 */
size_t zl_report_count(const zl_report *r);
int zl_report_repeat(zl_report *r, size_t begin, size_t end, const zl_view *from,
                     const zl_view *to);

/* Reports a problem found while loading (see zl_model_problem) with all
 * it carries; for the rules that surface them. */
zl_finding *zl_report_problem(zl_report *r, const zl_problem *p);
/* Reports every problem the loaders recorded of the kind the running
 * rule's descriptor carries (zl_rule.source); returns how many. */
size_t zl_report_problems(zl_report *r, const zl_model *m);

#ifdef __cplusplus
}
#endif

#endif
