/*
 * lint/model_int.h - building the forest model (private to lint/).
 *
 * Sources (the inventory loader, the zone loader) fill a model through these
 * calls; rules only ever see the read-only queries of zonelint/model.h.
 *
 * Life cycle: zl_model_new; sources add the forest, servers, zones and
 * problems; zl_model_resolve links names to servers and computes defaults;
 * the zone loader adds views and records; zl_model_free frees everything.
 * zl_model_* calls copy the strings they are handed into the model's arena;
 * the zl_server_set_* and zl_zone_* setters keep the pointer they are given,
 * which must therefore live as long as the model (zl_model_strdup).
 */
#ifndef ZL_MODEL_INT_H
#define ZL_MODEL_INT_H

#include <stdarg.h>
#include <zonelint/model.h>

#include "rdata.h"

/* The longest name in presentation format, escapes included. */
#define ZL_NAME_TEXT_MAX 1024

zl_model *zl_model_new(void);
void zl_model_free(zl_model *m);

/* Copies `s` (len bytes, NUL added) into the model; lives as long as it. */
const char *zl_model_strndup(zl_model *m, const char *s, size_t len);
const char *zl_model_strdup(zl_model *m, const char *s);

/*
 * Interns a name given as presentation text (any case, trailing dot
 * optional; relative names are taken as absolute) or as uncompressed wire
 * format.  Returns NULL for a malformed name (a label over 63 octets, a
 * name over 255, a bad escape) or when memory runs out.
 */
const zl_name *zl_model_intern(zl_model *m, const char *text);
const zl_name *zl_model_intern_wire(zl_model *m, const uint8_t *wire, size_t len);
/* `len` bytes of presentation text, relative to `origin` unless they end
 * in a dot (zone file names; "@" is the caller's to handle). */
const zl_name *zl_model_intern_rel(zl_model *m, const char *text, size_t len,
                                   const zl_name *origin);
/* `label` prepended to `parent` ("_msdcs" + "corp." -> "_msdcs.corp."). */
const zl_name *zl_model_intern_child(zl_model *m, const char *label,
                                     const zl_name *parent);

/* ---- problems --------------------------------------------------------- */

/*
 * Records a problem with the input, of kind `source` (not ZL_SOURCE_NONE).
 * `unusable` marks input that could not be used (exit code 2).  zone,
 * server and owner may be NULL.
 */
void zl_model_problem_add(zl_model *m, zl_source_problem source, zl_severity severity,
                          bool unusable, zl_location where,
                          const zl_name *zone, const zl_name *server,
                          const char *fmt, ...) ZL_PRINTF(8, 9);
/* Any problem with `unusable` set so far. */
bool zl_model_unusable(const zl_model *m);

/* Fields of a problem, for zl_report_problem. */
zl_severity zl_problem_severity(const zl_problem *p);
zl_location zl_problem_location(const zl_problem *p);
const char *zl_problem_message(const zl_problem *p);
const zl_name *zl_problem_zone(const zl_problem *p);
const zl_name *zl_problem_server(const zl_problem *p);

/* ---- forest, servers, zones --------------------------------------------- */

void zl_model_set_forest(zl_model *m, const zl_name *forest, zl_location where);
/* false when the domain is already listed (nothing added). */
bool zl_model_add_domain(zl_model *m, const zl_name *domain, zl_location where);
/* The objectGUID of a listed domain's object (lower case, kept, not
 * copied); nothing when the domain is not listed. */
void zl_model_set_domain_guid(zl_model *m, const zl_name *domain, const char *guid);
/* `partial`: the model does not hold every DC of the forest. */
void zl_model_set_partial(zl_model *m, bool partial);
int zl_model_set_setting(zl_model *m, const char *key, const char *value);
void zl_model_set_audit_date(zl_model *m, int64_t midnight_utc);

/* A rule severity set by the inventory's `rules:` map. */
int zl_model_add_rule_override(zl_model *m, const char *rule, zl_severity s,
                               zl_location where);
size_t zl_model_rule_override_count(const zl_model *m);
const char *zl_model_rule_override(const zl_model *m, size_t i,
                                   zl_severity *s, zl_location *where);

/* NULL when a server of that name exists (the caller reports it) or on OOM. */
zl_server *zl_model_add_server(zl_model *m, const zl_name *name, zl_location where);
zl_server *zl_model_server_mut(zl_model *m, const zl_name *name);
void zl_server_set_roles(zl_server *s, unsigned roles);
void zl_server_set_os(zl_server *s, const char *os, zl_location where);
void zl_server_set_site(zl_server *s, const char *site);
void zl_server_set_dsa_guid(zl_server *s, const char *guid);
void zl_server_set_dns(zl_server *s, const char *endpoint);
const char *zl_server_dns(const zl_server *s);   /* NULL: first address, 53 */
int zl_server_add_address(zl_server *s, const zl_prefix *p);
/* Named inbound partner; resolved (or reported unknown) by zl_model_resolve. */
int zl_server_add_inbound_name(zl_server *s, const zl_name *name, zl_location where);

zl_zone *zl_model_add_zone(zl_model *m, const zl_name *name, zl_location where);
void zl_zone_set_storage(zl_zone *z, zl_storage storage);
void zl_zone_set_aging(zl_zone *z, unsigned no_refresh_days, unsigned refresh_days);
/* An explicit `hosted_on` entry; resolved by zl_model_resolve. */
int zl_zone_add_host_name(zl_zone *z, const zl_name *name, zl_location where);
/* hosted_on was given (even empty): no default hosting. */
void zl_zone_set_hosts_explicit(zl_zone *z);
/* The zone's `file`, as the user opens it (already joined with the
 * inventory's folder), and where it was named. */
void zl_zone_set_file(zl_zone *z, const char *path, zl_location where);
const char *zl_zone_file(const zl_zone *z);
zl_location zl_zone_file_location(const zl_zone *z);
/* A `views:` entry: server name and path. */
int zl_zone_add_view_path(zl_zone *z, const zl_name *server, const char *path,
                          zl_location where);

/*
 * After the inventory is read: resolves server names in replicates_from,
 * hosted_on and views (unknown ones become ZL_SOURCE_INVENTORY problems),
 * computes server domains, default hosting, outbound links and partner
 * lists, and sorts servers.  Call once, before adding views.
 */
int zl_model_resolve(zl_model *m);

/*
 * The path server s reads zone z from (its views entry, else the zone's
 * file), or NULL.  Valid after zl_model_resolve.
 */
const char *zl_model_view_path(const zl_model *m, const zl_zone *z,
                               const zl_server *s);
zl_location zl_model_view_path_location(const zl_model *m, const zl_zone *z,
                                        const zl_server *s);

/* ---- views and records ---------------------------------------------------- */

/* A new, empty view of z read from `path`; servers are attached after. */
zl_view *zl_model_add_view(zl_model *m, zl_zone *z, const char *path);
/* Takes back the view just added (its file could not be read); it must be
 * the newest view and attached to no server. */
void zl_model_drop_view(zl_model *m, zl_view *v);
/* Records that s reads this view as its copy of the view's zone. */
int zl_view_attach_server(zl_model *m, zl_view *v, const zl_server *s);
/* Registers one more file of the view ($INCLUDE); returns its index, or
 * -1 when there are too many (65535). Index 0 is the view's own file.
 * `path` is kept, not copied: it must live as long as the model. */
/* The loader read only part of the view's file (zl_view_partial). */
void zl_view_mark_partial(zl_view *v);
int zl_view_add_file(zl_view *v, const char *path);
const char *zl_view_file_at(const zl_view *v, unsigned index);

/* The rdata builder (zl_rdata_*) is the record codec's: rdata.h. */

typedef struct zl_record_spec {
	const zl_name *owner;
	uint16_t type;
	uint16_t rclass;
	uint32_t ttl;
	uint32_t age;            /* hours since 1601, 0 when none */
	uint16_t file;           /* zl_view_add_file index */
	uint32_t line;
} zl_record_spec;

/* A hint: a record with this owner (`len` bytes of zone file text,
 * relative to `origin`) is about to be added to v, so the slots its
 * lookups will touch can be fetched from memory meanwhile.  A random
 * access to a table of millions costs a cache and a TLB miss; the loader
 * reads one record ahead to hide them. */
void zl_view_prefetch_owner(const zl_model *m, const zl_view *v, const char *text,
                            size_t len, const zl_name *origin);

/* Copies the record into the view and indexes it by owner; -1 on OOM or
 * when the builder overflowed. */
int zl_view_add_record(zl_model *m, zl_view *v, const zl_record_spec *spec,
                       const zl_rdata_builder *rdata);

/*
 * Views of one zone read from identical text (SPEC 3: identical content
 * under two paths may share storage but stays two views).  The loader
 * notes a view's content once it is loaded and fit to share (one file,
 * nothing reported about it); a later view of the same zone whose text is
 * byte for byte the same takes that view's records instead of parsing
 * them again, and keeps its own path, servers and findings.
 */
void zl_view_set_content(zl_view *v, uint64_t hash, size_t len);
/* A view of z noted with this content, or NULL. */
const zl_view *zl_model_view_by_content(const zl_model *m, const zl_zone *z,
                                        uint64_t hash, size_t len);
/* v (new, empty, one file) takes from's records and the inline
 * suppressions of from's file; -1 when it cannot (or on OOM).  Records
 * cannot be added to a view that shares its records. */
int zl_view_share(zl_model *m, zl_view *v, const zl_view *from);

/*
 * An inline suppression comment `; zonelint: disable=ID[,ID]` at `where`
 * (the comment's file, line and column): findings of those rules on that
 * line or the next one are suppressed.  `ids` is the text after "=".
 */
int zl_model_add_suppression(zl_model *m, zl_location where, const char *ids);
size_t zl_model_suppression_count(const zl_model *m);
/* The i-th suppression's location; returns its ids text. */
const char *zl_model_suppression(const zl_model *m, size_t i, zl_location *where);

/*
 * Freezes the views: no record can be added to a frozen view.  With
 * servers in the model, builds what zl_view_find_target reads (the target
 * index of every view not yet indexed); without (-z), where no built-in
 * rule asks, the index is built on the first zl_view_find_target, under
 * the model's lock.  The engine calls it before rules run, since they run
 * on several threads and read the model only; calling it again indexes
 * only the views added since.  -1 when memory runs out.
 */
int zl_model_freeze(zl_model *m);

/* Totals for the summary: records loaded in all views. */
size_t zl_model_record_count(const zl_model *m);

/*
 * The most records one run loads, all sources together (--max-records):
 * 40 $GENERATE lines of 2^20 records are 1.5 KB of input and 4 GB of
 * memory.  The loaders check zl_model_records_full before each record and
 * stop with a located error once it is reached.
 */
#define ZL_DEFAULT_MAX_RECORDS ((size_t)20000000)
void zl_model_set_max_records(zl_model *m, size_t max);   /* 0: the default */
size_t zl_model_max_records(const zl_model *m);
bool zl_model_records_full(const zl_model *m);

#endif
