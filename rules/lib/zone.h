/*
 * rules/lib/zone.h - what the `zone` pack rules share: walking views and
 * owners, naming records in messages, reporting a record or a conflict
 * between two records, and the zone cuts of a view.
 *
 * Like the rules, rules/lib sees only the public API.
 */
#ifndef ZL_RULES_LIB_ZONE_H
#define ZL_RULES_LIB_ZONE_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zonelint/zonelint.h>

/* Room for a record's rdata text (fingerprint data) and for its short
 * form in messages. */
#define ZC_DATA_MAX 2048
#define ZC_DESC_MAX 160
#define ZC_DESC_DATA 64           /* rdata characters kept in a message */

/* ---- views and owners ------------------------------------------------- */

/* Inline, as the next: every zone rule asks them for each owner. */
static inline const zl_name *zc_origin(const zl_view *v)
{
	return zl_zone_name(zl_view_zone(v));
}

/* At or below the origin: the zone's own name space (RFC 1034 4.2). */
static inline bool zc_in_zone(const zl_view *v, const zl_name *n)
{
	return zl_name_is_below(n, zc_origin(v));
}

/*
 * Runs fn over every view: each view once (SPEC 3, "once per view").  A
 * view that shares its records with an earlier one (identical files,
 * zl_view_records_index) gets the earlier one's findings again, in its own
 * file, instead of a second walk: the zone rules look at one view's
 * records alone, so the answer is the same, and a forest of thousands of
 * identical copies is walked once.
 */
typedef int zc_view_ctx_fn(const zl_model *m, const zl_view *v, zl_report *r,
                           void *ctx);

int zc_each_view_ctx(const zl_model *m, zl_report *r, zc_view_ctx_fn *fn,
                     void *ctx);

typedef int zc_view_fn(const zl_model *m, const zl_view *v, zl_report *r);
int zc_each_view(const zl_model *m, zl_report *r, zc_view_fn *fn);

/* The check function of a rule that looks at each view on its own. */
#define ZC_CHECK_EACH_VIEW(fn)                                  \
	static int check(const zl_model *m, zl_report *r)       \
	{                                                       \
		return zc_each_view(m, r, fn);                  \
	}

/* Runs fn over every owner of v inside the zone, in first-seen order,
 * with its index `at` for zl_view_owner_records.  Out-of-zone owners are
 * left to out-of-zone: servers ignore them. */
typedef void zc_owner_fn(const zl_view *v, const zl_name *owner, size_t at,
                         zl_report *r, void *ctx);

void zc_each_owner(const zl_view *v, zl_report *r, zc_owner_fn *fn,
                   void *ctx);

/* zc_each_owner over every view, for rules that need nothing per view. */
int zc_each_view_owner(const zl_model *m, zl_report *r, zc_owner_fn *fn);

/* True when n holds a record of type t (one walk of n's records). */
bool zc_has(const zl_view *v, const zl_name *n, uint16_t t);

bool zc_has_address_at(const zl_view *v, const zl_name *n);

/*
 * Whether a lookup of n's addresses in the zone gets an answer: n's own
 * A/AAAA, else, when n does not exist, those of the wildcard at its
 * closest encloser (RFC 4592 3.3.1).  Empty non-terminals are seen only
 * where a wildcard makes them, so a wildcard above one may be taken.
 */
bool zc_has_address(const zl_model *m, const zl_view *v,
                    const zl_name *n);

/* True when a DNAME stands at an ancestor of n inside the zone: n is
 * never answered (RFC 6672 2.3). */
bool zc_below_dname(const zl_view *v, const zl_name *n);

/* ---- naming records in messages --------------------------------------- */

/* The rdata in presentation format, as fingerprints take it. */
char *zc_data(const zl_record *rec, char *buf, size_t size);

/* "A", "MX", or "TYPE65280" for a type without a mnemonic. */
const char *zc_type(uint16_t type, char buf[16]);

/* "A 192.0.2.1": a record as messages name it, long rdata shortened; an
 * SOA by its serial ("SOA serial 42"). */
char *zc_describe(const zl_record *rec, char *buf, size_t size);

/* "line 12", or "sub.dns:12" when `earlier` is in another file of the
 * view ($INCLUDE) than `later`. */
char *zc_line_of(const zl_view *v, const zl_record *later,
                 const zl_record *earlier, char *buf, size_t size);

/* ---- reporting ---------------------------------------------------------- */

/* A finding at record rec, with zone, owner and data (its rdata) set. */
zl_finding *zc_report(zl_report *r, const zl_view *v,
                      const zl_record *rec, const char *fmt, ...)
	ZL_PRINTF(4, 5);

/*
 * Two records in conflict (SPEC 3): the finding is on the later one and
 * names the earlier with its line: "CNAME b. at www.x. shares its name
 * with A 192.0.2.1 (line 12)".  The earlier's owner is named too when it
 * differs ("... is below DNAME y. at x. (line 5)").
 */
zl_finding *zc_report_conflict(zl_report *r, const zl_view *v,
                               const zl_record *later,
                               const zl_record *earlier,
                               const char *relation);

/* A finding about something missing from the view: on its SOA line, or
 * line 1 of its file without one (SPEC 3). */
zl_finding *zc_report_missing(zl_report *r, const zl_view *v,
                              const char *what);

/* ---- sets of names (zone cuts, DNAME owners) ---------------------------- */

typedef struct zc_names {
	const zl_name **v;        /* sorted by address once built */
	size_t n, cap;
} zc_names;

void zc_names_free(zc_names *s);

bool zc_names_has(const zc_names *s, const zl_name *n);

/* Adds n to s (sort with zc_names_sort before zc_names_has); -1 on no
 * memory, s then freed. */
int zc_names_add(zc_names *s, const zl_name *n);

void zc_names_sort(zc_names *s);

/*
 * The in-zone owners of v holding a record of `type`, the apex left out
 * when `apex` is false, sorted as zc_names_sort does; -1 when memory runs
 * out.  For SOA, NS and DNAME only those records are read
 * (zl_view_shape_records); for another type, every owner.
 */
int zc_owners_with(const zl_view *v, uint16_t type, bool apex,
                   zc_names *out);

/*
 * The closest name of set s among n and its ancestors (n itself only when
 * `self`), down to the origin of v; NULL when there is none.
 */
const zl_name *zc_enclosing(const zc_names *s, const zl_view *v,
                            const zl_name *n, bool self);

/*
 * Zone cuts: the in-zone names other than the apex that hold NS records
 * (RFC 1034 4.2.1).  What lies at or below a cut is the delegated zone's,
 * apart from the delegation's NS records themselves and their glue.
 */
int zc_cuts(const zl_view *v, zc_names *out);

/* True when n is at or below a cut of v: not the zone's authoritative data. */
bool zc_below_cut(const zc_names *cuts, const zl_view *v,
                  const zl_name *n);

/*
 * True when rec is the zone's own data: in the zone and not at or below a
 * cut, except the delegation's NS records at the cut itself.
 */
bool zc_authoritative(const zc_names *cuts, const zl_view *v,
                      const zl_record *rec);

/* The target of an NS, MX or SRV record; NULL for other types and for the
 * root ("." = no service, RFC 7505 and RFC 2782). */
const zl_name *zc_host_target(const zl_record *rec);

/*
 * Runs fn over every NS, MX and SRV record that is the zone's own data and
 * whose target is the zone's own data too: targets elsewhere are judged
 * where they live, targets below a cut by missing-glue.  -1 on no memory.
 */
typedef void zc_target_fn(const zl_model *m, const zl_view *v, zl_report *r,
                          const zl_record *rec, const zl_name *target);

int zc_each_local_target(const zl_model *m, const zl_view *v,
                         zl_report *r, zc_target_fn *fn);

/* zc_each_local_target over every view (zc_each_view_ctx). */
int zc_each_view_local_target(const zl_model *m, zl_report *r,
                              zc_target_fn *fn);

#endif
