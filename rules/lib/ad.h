/*
 * rules/lib/ad.h - what the `ad` rules about host records share: which
 * copy of a zone holds a name on a server, a server's address records in
 * that copy, and the dnscmd / PowerShell commands that repair them.
 *
 * Like the rules, rules/lib sees only the public API.
 */
#ifndef ZL_RULES_LIB_AD_H
#define ZL_RULES_LIB_AD_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <zonelint/zonelint.h>

/* Room for a name in presentation format, escapes included. */
#define AD_NAME_MAX 1100

/* ---- names ------------------------------------------------------------- */

/* A name as dnscmd and PowerShell take it: no trailing dot ("." stays). */
const char *ad_bare(const char *text, char *buf, size_t size);

/* `owner` (canonical text) relative to `zone`, as dnscmd's node argument:
 * "@" at the apex, "dc1" for dc1.corp. in corp. */
const char *ad_node(const char *owner, const zl_name *zone,
                    char *buf, size_t size);

/*
 * The interned name for canonical `text`, else its closest ancestor that
 * is interned.  A name nobody mentioned holds no record; its ancestor
 * tells which zone would hold it (zone cuts are owners, so interned).
 */
const zl_name *ad_name_or_ancestor(const zl_model *m, const char *text);

/* ---- which copy holds a name --------------------------------------------- */

/* Server s's copy of the zone that holds `name` on it (SPEC 2), or NULL
 * when s hosts no such zone (the name is then not checked there). */
const zl_view *ad_view_holding(const zl_model *m, const zl_server *s,
                               const zl_name *name);

/*
 * The first DNS server (by name) of view v on which v holds `name`, or
 * NULL.  For the rules that report once per view: that server is where the
 * fix is run, and replication carries it to the others sharing the view.
 */
const zl_server *ad_view_holder(const zl_model *m, const zl_view *v,
                                const zl_name *name);

/*
 * True when v's records put `name` (in v's zone) below a zone cut: an NS
 * set at the name or at an ancestor below the apex, whose data belongs to
 * the child (RFC 1034 4.2.1).  It depends on the records alone, so views
 * sharing them (zl_view_records_index) share the answer; it walks the
 * RRsets at those names (some thousands of locator SRV records), so ask
 * it once per distinct copy, not once per view.
 */
bool ad_view_cut(const zl_view *v, const zl_name *name);

/*
 * ad_view_holder(m, v, name), for a caller that has `cut` =
 * ad_view_cut(v, name) from a view sharing v's records: the first DNS
 * server of v whose closest hosted zone holding `name` is v's zone.  A
 * few hash lookups a server, whatever the size of the RRsets.
 */
const zl_server *ad_view_holder_cut(const zl_model *m, const zl_view *v,
                                    const zl_name *name, bool cut);

/*
 * Where each run of equal keys starts in `items`, n elements of `size`
 * bytes sorted so that equal keys are adjacent, each holding its key (a
 * const zl_name *) at byte `key_at` (offsetof): *groups starts, then n
 * after the last.  NULL when out of memory; the caller frees it.
 */
size_t *ad_group_starts(const void *items, size_t n, size_t size, size_t key_at,
                        size_t *groups);

/* ---- address records ------------------------------------------------------ */

/* The A and AAAA records at `owner`, in load order (A and AAAA alike). */
const zl_record *ad_addr_next(zl_iter *it);

const zl_record *ad_addr_first(const zl_view *v, const zl_name *owner,
                               zl_iter *it);

/* True when `a` lies in one of the networks of s's addresses. */
bool ad_on_networks(const zl_server *s, const zl_addr *a);

/*
 * The address of s to register on p: the first of s's addresses (inventory
 * order) on one of p's networks, else s's first address; NULL when s has
 * none.  KB 914050, step 5: one the partner can reach.
 */
const zl_addr *ad_addr_for(const zl_server *s, const zl_server *p);

/* "10.0.0.10, fd00::10": every address of s, into buf. */
const char *ad_addresses_text(const zl_server *s, char *buf, size_t size);

/* ---- commands ---------------------------------------------------------------- */

/*
 * `s` as one PowerShell argument: single-quoted, so that nothing in it is
 * expanded ($, `, @, ( ...), with each quote character doubled; PowerShell
 * also ends a single-quoted string at the typographic quotes U+2018 to
 * U+201B (about_Quoting_Rules), so those are doubled too.  Names from zone
 * files may hold any byte through RFC 1035 escapes.
 */
const char *ad_ps_quote(const char *s, char *buf, size_t size);

/*
 * True when cmd.exe passes `s` to dnscmd as it is: letters, digits and
 * - _ . * @ (and `extra`).  cmd.exe has no quoting that stops & | < > ^
 * % ( ) everywhere, so a name with anything else gets no dnscmd command.
 */
bool ad_dnscmd_safe(const char *s, const char *extra);
/* True when `bad` is NULL; else notes on f that the finding has no dnscmd
 * command because of `bad` (what ad_dnscmd_safe refused). */
bool ad_dnscmd_note(zl_finding *f, const char *bad);

/* Where a command runs and on what: arguments as dnscmd and PowerShell
 * take them. */
typedef struct ad_target {
	char server[AD_NAME_MAX];  /* the DNS server, no trailing dot */
	char zone[AD_NAME_MAX];    /* the zone, no trailing dot */
	char node[AD_NAME_MAX];    /* the owner relative to the zone, "@" at the apex */
	char ps_server[2 * AD_NAME_MAX];   /* the same, quoted for PowerShell */
	char ps_zone[2 * AD_NAME_MAX];
	char ps_node[2 * AD_NAME_MAX];
} ad_target;

void ad_target_set(ad_target *t, const zl_server *on, const zl_zone *z,
                   const char *owner);

/* True when the dnscmd command for t and `data` (which has its fields
 * separated by spaces) can be given; else says why in a note. */
bool ad_dnscmd_ok(zl_finding *f, const ad_target *t, const char *data);

/* dnscmd and PowerShell to delete one record of `type` with `data` at
 * `owner` in zone z on server `on`: each command says it acts on `on`
 * (JSON fix.run_on, the -f ps1 plan), whoever the finding is about. */
void ad_command_delete(zl_finding *f, const zl_server *on,
                       const zl_zone *z, const char *owner,
                       const char *type, const char *data);

/*
 * dnscmd and PowerShell to add one record: dnscmd's `type data`, then the
 * cmdlet's name after Add-DnsServerResourceRecord ("A", "CName", or "" for
 * the generic cmdlet) and its record arguments.
 */
void ad_command_add(zl_finding *f, const zl_server *on,
                    const zl_zone *z, const char *owner,
                    const char *type, const char *data,
                    const char *cmdlet, const char *args);

const char *ad_addr_type(const zl_addr *a);

void ad_command_delete_addr(zl_finding *f, const zl_server *on,
                            const zl_zone *z, const zl_name *owner,
                            const zl_addr *a);

void ad_command_add_addr(zl_finding *f, const zl_server *on,
                         const zl_zone *z, const zl_name *owner,
                         const zl_addr *a);

/* ---- a server's host records as another server holds them ----------------- */

/*
 * What server p's copy holds for server s (p == s: its own copy).  KB
 * 914050's repair procedure, steps 3 to 5, for one pair.
 */
typedef struct ad_pair {
	const zl_server *subject;  /* S: whose host records they are */
	const zl_server *holder;   /* P: whose copy holds them, where fixes run */
	const zl_view *view;       /* P's copy of the zone holding S's name */
	const zl_zone *zone;
	const zl_record *first;    /* first A/AAAA at S's name, NULL if none */
	size_t records;            /* A/AAAA records at S's name */
	size_t stale;              /* of them, with an address S does not have */
	bool off_network;          /* S has an address on P's networks, P holds
	                            * some of S's addresses but none of those */
} ad_pair;

/*
 * Fills *pr for (s, p); false when it is not checked: s has no address to
 * compare with, or p hosts no zone that holds s's name.
 */
bool ad_pair_load(const zl_model *m, const zl_server *s,
                  const zl_server *p, ad_pair *pr);

/* A pair with something to fix: a partner finding about S. */
bool ad_pair_broken(const ad_pair *pr);

/* The finding's subject: zone, server where the fix runs, owner S. */
void ad_pair_about(zl_finding *f, const ad_pair *pr, const char *data);

/* The record that repairs the pair once every stale one is gone (step 5):
 * when nothing right is left, or nothing on P's network. */
void ad_pair_command_add(zl_finding *f, const ad_pair *pr);

/* The stale records of the pair in load order, each with its address in
 * *a: ad_pair_stale_first, then ad_pair_stale_next until NULL. */
const zl_record *ad_pair_stale_from(const ad_pair *pr, zl_iter *it,
                                    const zl_record *r, zl_addr *a);

const zl_record *ad_pair_stale_first(const ad_pair *pr, zl_iter *it,
                                     zl_addr *a);

const zl_record *ad_pair_stale_next(const ad_pair *pr, zl_iter *it,
                                    zl_addr *a);

/*
 * The fix of one stale record: delete it on the holder (step 4); on the
 * first one, when no right address would be left, add one (step 5).
 */
void ad_pair_stale_fix(zl_finding *f, const ad_pair *pr,
                       const zl_addr *a, bool first);

/*
 * Reports each stale record of the pair: `describe` adds the finding with
 * its message and notes; this sets what it is about and its fix.
 */
typedef zl_finding *ad_stale_fn(zl_report *r, const ad_pair *pr,
                                const zl_record *rec, const zl_addr *a, const char *ip);

void ad_pair_report_stale(zl_report *r, const ad_pair *pr,
                          ad_stale_fn *describe);

/* Every command that repairs the pair: delete each stale record, then add
 * the address P needs (steps 4 and 5). */
void ad_pair_commands(zl_finding *f, const ad_pair *pr);

/* Calls fn for every checked pair (S, P) with P a DNS-running replication
 * partner of S: servers by name, then partners by name. */
typedef void ad_pair_fn(zl_report *r, const ad_pair *pr);

void ad_each_partner_pair(const zl_model *m, zl_report *r, ad_pair_fn *fn);

#endif
