/*
 * rules/ad-locator.h - the DC locator records of MS-ADTS 6.3.2.3, in one
 * table, and what dc-locator-records and dc-orphan-records share to walk
 * them: owner patterns expanded per DC, small maps from a name or an
 * address to the DCs it belongs to.
 *
 * The table is an X-macro: the same rows give the array the rules walk and
 * the text their --explain prints, so the two cannot drift apart.
 *
 * A header of static inline functions rather than a .c file, because every
 * .c file in rules/ is a rule of its own (scripts/gen-rules-table.sh).
 */
#ifndef ZL_RULES_AD_LOCATOR_H
#define ZL_RULES_AD_LOCATOR_H

#include <stdlib.h>

#include "ad-common.h"

/*
 * X(type, owner pattern, roles that need it, port, checked by, who).
 * Patterns: <domain> the DC's domain, <forest> the forest root, <site> the
 * DC's site, <domainguid> the objectGUID of the DC's domain.  Type A
 * stands for A or AAAA: the requirement holds when one record at the name
 * holds one of the DC's addresses.  `checked by` V1 marks the records
 * dc-srv-records already checks; LOC those only dc-locator-records checks.
 * A read-only DC (role rodc) registers only the per-site SRV records and
 * the A records (MS-ADTS 6.3.2.3; Netlogon's DnsAvoidRegisterRecords
 * list of an RODC).  The `dns` rows are the application partitions'
 * records, registered by Netlogon on DNS-running DCs but not listed in
 * MS-ADTS.
 */
#define AD_LOCATOR_TABLE(X) \
	X(SRV, "_ldap._tcp.dc._msdcs.<domain>", ZL_ROLE_DC, 389, V1, "every DC") \
	X(SRV, "_kerberos._tcp.<domain>", ZL_ROLE_DC, 88, V1, "every DC") \
	X(SRV, "_ldap._tcp.<domain>", ZL_ROLE_DC, 389, LOC, "every DC") \
	X(SRV, "_ldap._tcp.<site>._sites.<domain>", ZL_ROLE_DC, 389, LOC, "every DC") \
	X(SRV, "_ldap._tcp.<site>._sites.dc._msdcs.<domain>", ZL_ROLE_DC, 389, LOC, "every DC") \
	X(SRV, "_kerberos._tcp.<site>._sites.<domain>", ZL_ROLE_DC, 88, LOC, "every DC") \
	X(SRV, "_kerberos._tcp.dc._msdcs.<domain>", ZL_ROLE_DC, 88, LOC, "every DC") \
	X(SRV, "_kerberos._tcp.<site>._sites.dc._msdcs.<domain>", ZL_ROLE_DC, 88, LOC, "every DC") \
	X(SRV, "_kerberos._udp.<domain>", ZL_ROLE_DC, 88, LOC, "every DC") \
	X(SRV, "_kpasswd._tcp.<domain>", ZL_ROLE_DC, 464, LOC, "every DC") \
	X(SRV, "_kpasswd._udp.<domain>", ZL_ROLE_DC, 464, LOC, "every DC") \
	X(SRV, "_ldap._tcp.<domainguid>.domains._msdcs.<forest>", ZL_ROLE_DC, 389, LOC, "every DC") \
	X(A, "<domain>", ZL_ROLE_DC, 0, LOC, "every DC") \
	X(SRV, "_gc._tcp.<forest>", ZL_ROLE_DC | ZL_ROLE_GC, 3268, V1, "gc") \
	X(SRV, "_gc._tcp.<site>._sites.<forest>", ZL_ROLE_DC | ZL_ROLE_GC, 3268, LOC, "gc") \
	X(SRV, "_ldap._tcp.gc._msdcs.<forest>", ZL_ROLE_DC | ZL_ROLE_GC, 3268, LOC, "gc") \
	X(SRV, "_ldap._tcp.<site>._sites.gc._msdcs.<forest>", ZL_ROLE_DC | ZL_ROLE_GC, 3268, LOC, "gc") \
	X(A, "gc._msdcs.<forest>", ZL_ROLE_DC | ZL_ROLE_GC, 0, LOC, "gc") \
	X(SRV, "_ldap._tcp.pdc._msdcs.<domain>", ZL_ROLE_DC | ZL_ROLE_PDC, 389, LOC, "pdc") \
	X(A, "DomainDnsZones.<domain>", ZL_ROLE_DC | ZL_ROLE_DNS, 0, LOC, "dns") \
	X(A, "ForestDnsZones.<forest>", ZL_ROLE_DC | ZL_ROLE_DNS, 0, LOC, "dns") \
	X(SRV, "_ldap._tcp.DomainDnsZones.<domain>", ZL_ROLE_DC | ZL_ROLE_DNS, 389, LOC, "dns") \
	X(SRV, "_ldap._tcp.<site>._sites.DomainDnsZones.<domain>", ZL_ROLE_DC | ZL_ROLE_DNS, 389, LOC, "dns") \
	X(SRV, "_ldap._tcp.ForestDnsZones.<forest>", ZL_ROLE_DC | ZL_ROLE_DNS, 389, LOC, "dns") \
	X(SRV, "_ldap._tcp.<site>._sites.ForestDnsZones.<forest>", ZL_ROLE_DC | ZL_ROLE_DNS, 389, LOC, "dns")

enum { AD_LOC_V1 = 1, AD_LOC_LOC = 2 };

typedef struct ad_locator {
	uint16_t type;            /* ZL_TYPE_SRV, or ZL_TYPE_A for A/AAAA */
	const char *pattern;
	unsigned roles;           /* every one of them needed */
	unsigned port;
	unsigned checked_by;      /* AD_LOC_V1 or AD_LOC_LOC */
	const char *who;
} ad_locator;

#define AD_LOC_ROW(type, pattern, roles, port, by, who) \
	{ ZL_TYPE_##type, pattern, roles, port, AD_LOC_##by, who },
static const ad_locator ad_locators[] = { AD_LOCATOR_TABLE(AD_LOC_ROW) };
#undef AD_LOC_ROW
#define AD_LOCATOR_COUNT (sizeof(ad_locators) / sizeof(ad_locators[0]))

/* The table as --explain text, one row a line; rows only dc-srv-records
 * checks are marked. */
#define AD_LOC_MARK_V1 "  (checked by dc-srv-records)"
#define AD_LOC_MARK_LOC ""
#define AD_LOC_TEXT(type, pattern, roles, port, by, who) \
	"  " #type "  " pattern "  [" who "]" AD_LOC_MARK_##by "\n"
#define AD_LOCATOR_TEXT AD_LOCATOR_TABLE(AD_LOC_TEXT)

/* ---- expanding a pattern ---------------------------------------------------- */

/* What a pattern's placeholders stand for; NULL where unknown. */
typedef struct ad_loc_args {
	const char *domain;       /* canonical text with the trailing dot */
	const char *forest;
	const char *site;         /* as given; lower-cased on expansion */
	const char *guid;
} ad_loc_args;

static inline bool ad_loc_has(const ad_locator *l, const char *placeholder)
{
	return strstr(l->pattern, placeholder) != NULL;
}

/* Does a DC with `roles` register this record?  An RODC registers only the
 * per-site SRV records and the A records. */
static inline bool ad_loc_applies(const ad_locator *l, unsigned roles)
{
	if ((roles & l->roles) != l->roles)
		return false;
	if ((roles & ZL_ROLE_RODC) && l->type == ZL_TYPE_SRV && !ad_loc_has(l, "<site>"))
		return false;
	return true;
}

/*
 * The owner name of `l` for `a`, lower case with the trailing dot, into
 * buf; false when a placeholder it needs is unknown or it does not fit.
 * <domain> and <forest> end the pattern, so their trailing dot ends it.
 */
static inline bool ad_loc_expand(const ad_locator *l, const ad_loc_args *a,
                                 char *buf, size_t size)
{
	static const char *const names[] = { "<domain>", "<forest>", "<site>", "<domainguid>" };
	const char *values[] = { a->domain, a->forest, a->site, a->guid };
	size_t used = 0;

	for (const char *p = l->pattern; *p; ) {
		size_t k = 0, n;
		while (k < 4 && strncmp(p, names[k], strlen(names[k])) != 0)
			k++;
		const char *text = k < 4 ? values[k] : p;
		if (!text)
			return false;
		n = k < 4 ? strlen(text) : 1;
		if (used + n >= size)
			return false;
		for (size_t i = 0; i < n; i++) {
			char ch = text[i];
			buf[used++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
		}
		p += k < 4 ? strlen(names[k]) : 1;
	}
	buf[used] = '\0';
	return true;
}

/* ---- small maps ------------------------------------------------------------- */

/* Open addressing from a pointer or a 64-bit key to a 32-bit value. */
typedef struct ad_map {
	uint64_t *keys;           /* 0 = empty */
	uint32_t *values;
	size_t cap;               /* a power of two */
} ad_map;

static inline size_t ad_map_hash(uint64_t k, size_t cap)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k & (cap - 1);
}

static inline bool ad_map_init(ad_map *mp, size_t n)
{
	mp->cap = 16;
	while (mp->cap < 2 * n + 2)
		mp->cap *= 2;
	mp->keys = calloc(mp->cap, sizeof(*mp->keys));
	mp->values = calloc(mp->cap, sizeof(*mp->values));
	return mp->keys && mp->values;
}

static inline void ad_map_free(ad_map *mp)
{
	free(mp->keys);
	free(mp->values);
}

/* Sets key (not 0) to value unless it is there already; the map never
 * holds more than the n it was sized for. */
static inline void ad_map_put(ad_map *mp, uint64_t key, uint32_t value)
{
	size_t i = ad_map_hash(key, mp->cap);

	while (mp->keys[i] && mp->keys[i] != key)
		i = (i + 1) & (mp->cap - 1);
	if (!mp->keys[i]) {
		mp->keys[i] = key;
		mp->values[i] = value;
	}
}

static inline bool ad_map_get(const ad_map *mp, uint64_t key, uint32_t *value)
{
	for (size_t i = ad_map_hash(key, mp->cap); mp->keys[i]; i = (i + 1) & (mp->cap - 1))
		if (mp->keys[i] == key) {
			*value = mp->values[i];
			return true;
		}
	return false;
}

static inline uint64_t ad_ptr_key(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* An address as a map key: FNV-1a over family and bytes, never 0. */
static inline uint64_t ad_addr_key(const zl_addr *a)
{
	uint64_t h = 1469598103934665603ULL ^ a->family;
	size_t n = a->family == 4 ? 4 : 16;

	for (size_t i = 0; i < n; i++)
		h = (h ^ a->bytes[i]) * 1099511628211ULL;
	return h ? h : 1;
}

/*
 * Which servers hold an address: every (address, server) pair sorted by
 * the address's key, and a map from the key to its first pair.  Keys may
 * collide, so callers confirm with zl_server_has_address.
 */
typedef struct ad_addr_pair {
	uint64_t key;
	uint32_t server;          /* index in model order */
} ad_addr_pair;

typedef struct ad_addr_index {
	ad_map first;             /* key -> index in pairs */
	ad_addr_pair *pairs;
	size_t n;
} ad_addr_index;

static inline int ad_addr_pair_cmp(const void *a, const void *b)
{
	const ad_addr_pair *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->server < y->server ? -1 : x->server > y->server;
}

static inline bool ad_addr_index_init(ad_addr_index *x, const zl_model *m)
{
	size_t total = 0;

	x->n = 0;
	for (size_t i = 0; i < zl_model_server_count(m); i++)
		total += zl_server_address_count(zl_model_server(m, i));
	x->pairs = malloc((total + 1) * sizeof(*x->pairs));
	if (!ad_map_init(&x->first, total) || !x->pairs)
		return false;
	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		for (size_t j = 0; j < zl_server_address_count(s); j++)
			x->pairs[x->n++] = (ad_addr_pair){
				ad_addr_key(&zl_server_address(s, j)->addr), (uint32_t)i };
	}
	qsort(x->pairs, x->n, sizeof(*x->pairs), ad_addr_pair_cmp);
	for (size_t i = x->n; i-- > 0; )
		if (i == 0 || x->pairs[i - 1].key != x->pairs[i].key)
			ad_map_put(&x->first, x->pairs[i].key, (uint32_t)i);
	return true;
}

static inline void ad_addr_index_free(ad_addr_index *x)
{
	ad_map_free(&x->first);
	free(x->pairs);
}

/* Calls fn(ctx, server index) for each server holding address a. */
static inline void ad_addr_index_each(const ad_addr_index *x, const zl_model *m,
                                      const zl_addr *a,
                                      void (*fn)(void *ctx, uint32_t server), void *ctx)
{
	uint64_t key = ad_addr_key(a);
	uint32_t i;

	if (!ad_map_get(&x->first, key, &i))
		return;
	for (; i < x->n && x->pairs[i].key == key; i++)
		if ((i == 0 || x->pairs[i - 1].server != x->pairs[i].server ||
		     x->pairs[i - 1].key != key) &&
		    zl_server_has_address(zl_model_server(m, x->pairs[i].server), a))
			fn(ctx, x->pairs[i].server);
}

/* The index of each server in model order, by its name pointer. */
static inline bool ad_server_index_init(ad_map *mp, const zl_model *m)
{
	if (!ad_map_init(mp, zl_model_server_count(m)))
		return false;
	for (size_t i = 0; i < zl_model_server_count(m); i++)
		ad_map_put(mp, ad_ptr_key(zl_server_name(zl_model_server(m, i))), (uint32_t)i);
	return true;
}

/* ---- which server holds a name, per distinct copy -------------------------- */

/*
 * True when v's records put `name` (in v's zone) below a zone cut: an NS
 * set at the name or at an ancestor below the apex, whose data belongs to
 * the child (RFC 1034 4.2.1).  It depends on the records alone, so views
 * sharing them (zl_view_records_index) share the answer; it walks the
 * RRsets at those names (some thousands of locator SRV records), so ask
 * it once per distinct copy, not once per view.
 */
static inline bool ad_view_cut(const zl_view *v, const zl_name *name)
{
	const zl_name *apex = zl_zone_name(zl_view_zone(v));
	zl_iter it;

	for (const zl_name *n = name; n && n != apex; n = zl_name_parent(n))
		if (zl_view_find(v, n, ZL_TYPE_NS, &it))
			return true;
	return false;
}

/*
 * ad_view_holder(m, v, name), for a caller that has `cut` =
 * ad_view_cut(v, name) from a view sharing v's records: the first DNS
 * server of v whose closest hosted zone holding `name` is v's zone.  A
 * few hash lookups a server, whatever the size of the RRsets.
 */
static inline const zl_server *ad_view_holder_cut(const zl_model *m, const zl_view *v,
                                                  const zl_name *name, bool cut)
{
	const zl_zone *z = zl_view_zone(v);

	if (!zl_name_is_below(name, zl_zone_name(z)))
		return NULL;
	for (size_t i = 0; i < zl_view_server_count(v); i++) {
		const zl_server *s = zl_view_server(v, i);
		const zl_zone *c = NULL;
		if (!(zl_server_roles(s) & ZL_ROLE_DNS))
			continue;
		if (zl_model_view_of(m, z, s) != v) {
			/* Not s's own copy: ask the model about s's. */
			if (zl_model_zone_holding(m, s, name) == z)
				return s;
			continue;
		}
		for (const zl_name *n = name; n && !c; n = zl_name_parent(n))
			if ((c = zl_model_zone_find(m, n)) && !zl_zone_is_hosted_on(c, s))
				c = NULL;
		if (c == z && !cut)
			return s;
	}
	return NULL;
}

/*
 * dnscmd and PowerShell to delete the SRV record at `owner` targeting
 * `target` (bare) with `rdata` ("0 100 389 dc3.corp").  The cmdlet is fed
 * the record itself, picked by its target, because -RecordData has no
 * documented SRV form.
 */
static inline void ad_command_delete_srv(zl_finding *f, const zl_server *on,
                                         const zl_zone *z, const char *owner,
                                         const char *rdata, const char *target)
{
	ad_target t;
	char dotted[AD_NAME_MAX + 2], ps_target[2 * AD_NAME_MAX + 8];

	ad_target_set(&t, on, z, owner);
	snprintf(dotted, sizeof(dotted), "%s.", target);
	ad_ps_quote(dotted, ps_target, sizeof(ps_target));
	if (ad_dnscmd_ok(f, &t, rdata))
		zl_finding_command_on(f, zl_server_name(on), ZL_TOOL_DNSCMD, ZL_COMMAND_DELETE,
		                      "dnscmd %s /RecordDelete %s %s SRV %s /f",
		                      t.server, t.zone, t.node, rdata);
	zl_finding_command_on(f, zl_server_name(on), ZL_TOOL_POWERSHELL, ZL_COMMAND_DELETE,
	                      "Get-DnsServerResourceRecord -ComputerName %s -ZoneName %s "
	                      "-Name %s -RRType Srv | Where-Object { $_.RecordData.DomainName "
	                      "-eq %s } | Remove-DnsServerResourceRecord -ComputerName %s "
	                      "-ZoneName %s -Force", t.ps_server, t.ps_zone, t.ps_node,
	                      ps_target, t.ps_server, t.ps_zone);
}

/* True for a server with the `dc` role (SPEC 6.3: a server of the
 * inventory without it is no DC). */
static inline bool ad_is_dc(const zl_server *s)
{
	return (zl_server_roles(s) & ZL_ROLE_DC) != 0;
}

#endif
