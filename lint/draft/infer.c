/*
 * lint/draft/infer.c - what the exports tell, and where (MS-ADTS 6.3.2.3, the records a DC
 * registers):
 *  - `_ldap._tcp.dc._msdcs.D` SRV: D is an AD domain, each target a DC;
 *  - `_ldap._tcp.gc._msdcs.F` SRV: each target a global catalog; GCs
 *    register it under the forest root's name only, so F is the forest;
 *  - `_ldap._tcp.pdc._msdcs.D` SRV: the target holds D's PDC emulator role;
 *  - `_ldap._tcp.SITE._sites.dc._msdcs.D` SRV: the target serves site SITE
 *    (a DC also registers for the sites it covers that have no DC of their
 *    own, so a DC in several sites gets a comment naming the others);
 *  - `<DSA GUID>._msdcs.F` CNAME: the NTDS Settings GUID of the target;
 *  - A/AAAA at a server's name in its own copy: its addresses.
 * The forest is the owner of the GC records; without them, the X of a zone
 * `_msdcs.X` (dcpromo creates that forest-wide zone for the forest root
 * only); else the domain with the fewest labels.  Replication, networks,
 * the OS and the storage of a zone are not in DNS: the draft says so.
 */
#include "draft/draft_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- names ------------------------------------------------------------------ */

/* Splits a name's text into up to max labels (escapes kept); returns the count. */
static size_t split_labels(const char *text, const char **start, size_t *len,
                           size_t max)
{
	size_t n = 0;
	const char *p = text, *label = text;

	if (strcmp(text, ".") == 0)
		return 0;
	for (;; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == '.' || !*p) {
			if (p > label && n < max) {
				start[n] = label;
				len[n++] = (size_t)(p - label);
			}
			if (!*p)
				break;
			label = p + 1;
		}
	}
	return n;
}

static const zl_name *ancestor(const zl_name *n, unsigned up)
{
	while (n && up--)
		n = zl_name_parent(n);
	return n;
}

/* DNS canonical order (RFC 4034 6.1), on presentation text: a parent
 * before its children, siblings by label. */
int zl_draft_name_cmp(const zl_name *a, const zl_name *b)
{
	const char *sa[MAX_LABELS], *sb[MAX_LABELS];
	size_t la[MAX_LABELS], lb[MAX_LABELS];
	size_t na = split_labels(zl_name_text(a), sa, la, MAX_LABELS);
	size_t nb = split_labels(zl_name_text(b), sb, lb, MAX_LABELS);

	for (size_t i = 1; i <= na && i <= nb; i++) {
		size_t ia = na - i, ib = nb - i, l = la[ia] < lb[ib] ? la[ia] : lb[ib];
		int c = memcmp(sa[ia], sb[ib], l);

		if (c || la[ia] != lb[ib])
			return c ? c : la[ia] < lb[ib] ? -1 : 1;
	}
	return na < nb ? -1 : na > nb;
}

/* ---- what the records say ------------------------------------------------ */

static server *server_named(draft *d, const zl_name *name)
{
	size_t lo = 0, hi = d->servers.n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(zl_name_text(d->servers.v[mid].name), zl_name_text(name));

		if (c == 0)
			return &d->servers.v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int add_fact(draft *d, void *vec, const zl_name *name, source from)
{
	VEC(fact) *facts = vec;
	fact f = { name, from, facts->n };

	for (size_t i = 0; i < facts->n; i++)
		if (facts->v[i].name == name)
			return 0;
	return VEC_PUSH(*facts, f) != 0 ? zl_draft_oom(d) : 0;
}

/* The server a target names; a target with no folder is noted once. */
static server *target_server(draft *d, const zl_name *target, source from)
{
	server *s = target ? server_named(d, target) : NULL;
	fact f = { target, from, d->unlisted.n };

	if (!target || s || zl_namemap_get(&d->unlisted_seen, target))
		return s;
	if (VEC_PUSH(d->unlisted, f) != 0 ||
	    zl_namemap_put(&d->unlisted_seen, target, d) != 0)
		zl_draft_oom(d);
	return NULL;
}

static void set_role(server *s, int role, source from)
{
	if (!s->role[role]) {
		s->role[role] = true;
		s->role_from[role] = from;
	}
}

static void add_site(server *s, const char *text, source from)
{
	for (size_t i = 0; i < s->nsites; i++)
		if (strcmp(s->sites[i].text, text) == 0)
			return;
	if (s->nsites < MAX_SITES)
		s->sites[s->nsites++] = (site_seen){ text, from };
}

/* The SRV targets at owner in x get role (none when -1: a service that
 * gives no role), or site when it is not NULL. */
static int srv_targets(draft *d, const export *x, const zl_name *owner, int role,
                       const char *site)
{
	zl_iter it;

	for (const zl_record *r = zl_view_find(x->view, owner, ZL_TYPE_SRV, &it); r;
	     r = zl_iter_next(&it)) {
		server *s = target_server(d, zl_record_target(r), record_source(x, r));

		if (d->failed)
			return -1;
		if (s && site)
			add_site(s, site, record_source(x, r));
		else if (s && role >= 0)
			set_role(s, role, record_source(x, r));
	}
	return 0;
}

static bool is_guid(const char *t, size_t len)
{
	if (len != GUID_LEN)
		return false;
	for (size_t i = 0; i < len; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? t[i] != '-' : !((t[i] >= '0' && t[i] <= '9') ||
		                           (t[i] >= 'a' && t[i] <= 'f')))
			return false;
	}
	return true;
}

/* `<DSA GUID>._msdcs.F` CNAME: the target's NTDS Settings GUID. */
static void guid_cnames(draft *d, const export *x, const zl_name *owner,
                        const char *guid)
{
	zl_iter it;

	for (const zl_record *r = zl_view_find(x->view, owner, ZL_TYPE_CNAME, &it); r;
	     r = zl_iter_next(&it)) {
		server *s = target_server(d, zl_record_target(r), record_source(x, r));

		if (!s || strncmp(s->guid, guid, GUID_LEN) == 0 ||
		    strncmp(s->other_guid, guid, GUID_LEN) == 0)
			continue;
		if (!s->guid[0]) {
			memcpy(s->guid, guid, GUID_LEN);
			s->guid_from = record_source(x, r);
		} else if (!s->other_guid[0]) {
			memcpy(s->other_guid, guid, GUID_LEN);
			s->other_guid_from = record_source(x, r);
		}
	}
}

#define LABEL_IS(i, word) (len[i] == sizeof(word) - 1 && \
                           memcmp(start[i], word, sizeof(word) - 1) == 0)

/* What one owner name of copy x says. */
static int scan_owner(draft *d, const export *x, const zl_name *owner)
{
	const char *start[8];
	size_t len[8];
	size_t n = split_labels(zl_name_text(owner), start, len, 8);
	unsigned labels = zl_name_labels(owner);

	if (n >= 3 && LABEL_IS(1, "_msdcs") && is_guid(start[0], len[0]))
		guid_cnames(d, x, owner, start[0]);
	if (n < 5 || !LABEL_IS(0, "_ldap") || !LABEL_IS(1, "_tcp"))
		return 0;
	if (LABEL_IS(3, "_msdcs")) {
		const zl_name *domain = ancestor(owner, 4);
		zl_iter it;
		const zl_record *r = zl_view_find(x->view, owner, ZL_TYPE_SRV, &it);

		if (!r || labels < 5)
			return 0;
		if (LABEL_IS(2, "dc") && add_fact(d, &d->domains, domain, record_source(x, r)))
			return -1;
		if (LABEL_IS(2, "gc") &&
		    add_fact(d, &d->gc_owners, domain, record_source(x, r)))
			return -1;
		return srv_targets(d, x, owner, LABEL_IS(2, "dc") ? ROLE_DC :
		                   LABEL_IS(2, "gc") ? ROLE_GC :
		                   LABEL_IS(2, "pdc") ? ROLE_PDC : -1, NULL);
	}
	if (n >= 7 && labels >= 7 && LABEL_IS(3, "_sites") && LABEL_IS(4, "dc") &&
	    LABEL_IS(5, "_msdcs")) {
		const char *site = zl_model_strndup(d->m, start[2], len[2]);
		return site ? srv_targets(d, x, owner, -1, site) : zl_draft_oom(d);
	}
	return 0;
}

#undef LABEL_IS

/* Every copy, the `file` copy of each zone first: the first place a fact
 * is seen is the one its comment names. */
static int scan_exports(draft *d)
{
	for (size_t i = 0; i < d->zones.n; i++) {
		const zone_entry *z = &d->zones.v[i];

		for (size_t k = 0; k <= z->exports.n; k++) {
			size_t xi = k == 0 ? z->file : z->exports.v[k - 1];
			const export *x = &d->exports.v[xi];

			if (k > 0 && xi == z->file)
				continue;
			for (size_t o = 0; o < zl_view_owner_count(x->view); o++)
				if (scan_owner(d, x, zl_view_owner(x->view, o)) != 0)
					return -1;
		}
	}
	return 0;
}

/* True when a and b have the same first label. */
static bool same_first_label(const zl_name *a, const zl_name *b)
{
	const char *sa[1], *sb[1];
	size_t la[1], lb[1];

	return split_labels(zl_name_text(a), sa, la, 1) == 1 &&
	       split_labels(zl_name_text(b), sb, lb, 1) == 1 &&
	       la[0] == lb[0] && memcmp(sa[0], sb[0], la[0]) == 0;
}

/* A folder named by a short name ("DC1") matches no record: the AD
 * records name dc1.<domain>, which then has no folder.  Say so. */
static void warn_short_names(const draft *d)
{
	for (size_t i = 0; i < d->servers.n && d->diag; i++) {
		const server *s = &d->servers.v[i];

		if (s->role[ROLE_DC])
			continue;
		for (size_t j = 0; j < d->unlisted.n; j++)
			if (same_first_label(s->name, d->unlisted.v[j].name)) {
				fprintf(d->diag, "zonelint: warning: %s/%s: AD records name "
				        "%s, which has no folder; name each folder by the "
				        "server's full host name\n", d->dir, s->folder,
				        zl_name_text(d->unlisted.v[j].name));
				break;
			}
	}
}

/* ---- the forest --------------------------------------------------------- */

static bool is_domain(const draft *d, const zl_name *n)
{
	for (size_t i = 0; i < d->domains.n; i++)
		if (d->domains.v[i].name == n)
			return true;
	return false;
}

/* Fewest labels first, then canonical order. */
static const fact *shortest(const draft *d, const fact *facts, size_t n, bool domains_only)
{
	const fact *best = NULL;

	for (size_t i = 0; i < n; i++) {
		const fact *f = &facts[i];
		if (domains_only && !is_domain(d, f->name))
			continue;
		if (!best || zl_name_labels(f->name) < zl_name_labels(best->name) ||
		    (zl_name_labels(f->name) == zl_name_labels(best->name) &&
		     zl_draft_name_cmp(f->name, best->name) < 0))
			best = f;
	}
	return best;
}

static int choose_forest(draft *d)
{
	const fact *f = shortest(d, d->gc_owners.v, d->gc_owners.n, true);

	if (!d->domains.n)
		return zl_draft_fail(d, "%s: no AD domain in the exports: no _ldap._tcp.dc._msdcs "
		            "SRV records in any of them (export the zones of the forest "
		            "root and of each domain, and its _msdcs zone)", d->dir);
	if (f) {
		d->forest = f->name;
		d->forest_from = f->from;
		d->forest_reason = "global catalogs register _ldap._tcp.gc._msdcs under "
		                   "the forest root's name";
		return 0;
	}
	for (size_t i = 0; i < d->zones.n; i++) {
		const zl_name *z = d->zones.v[i].name;
		if (zl_name_labels(z) >= 2 && is_domain(d, zl_name_parent(z)) &&
		    strncmp(zl_name_text(z), "_msdcs.", 7) == 0) {
			d->forest = zl_name_parent(z);
			d->forest_from = (source){ &d->exports.v[d->zones.v[i].file],
			                           d->exports.v[d->zones.v[i].file].named_line };
			d->forest_reason = "zone _msdcs.<forest> is the forest root's";
			return 0;
		}
	}
	f = shortest(d, d->domains.v, d->domains.n, false);
	d->forest = f->name;
	d->forest_from = f->from;
	d->forest_reason = "no global catalog records: the shortest domain name";
	return 0;
}

/* ---- site names as the exports spell them ------------------------------- */

/* Label i of the first token of line `line` of x's file, if it spells
 * `lower` in another case; else NULL. */
static char *spelling_at(const export *x, uint32_t line, size_t i, const char *lower)
{
	FILE *f = fopen(x->path, "r");
	char *buf = NULL, *found = NULL;
	size_t cap = 0;
	uint32_t n = 0;

	if (!f)
		return NULL;
	while (getline(&buf, &cap, f) >= 0)
		if (++n == line)
			break;
	if (n == line && buf) {
		const char *start[8];
		size_t len[8];
		buf[strcspn(buf, " \t\r\n")] = '\0';
		if (split_labels(buf, start, len, 8) > i && len[i] == strlen(lower) &&
		    strncasecmp(start[i], lower, len[i]) == 0)
			found = strndup(start[i], len[i]);
	}
	free(buf);
	fclose(f);
	return found;
}

/* The spelling of a site label (label 2 of its SRV owner), read once per
 * site from the line of its first record. */
const char *zl_draft_site_text(draft *d, const site_seen *s)
{
	site_case c = { s->text, NULL };

	for (size_t i = 0; i < d->site_cases.n; i++)
		if (strcmp(d->site_cases.v[i].lower, s->text) == 0)
			return d->site_cases.v[i].text ? d->site_cases.v[i].text : s->text;
	c.text = spelling_at(s->from.x, s->from.line, 2, s->text);
	if (VEC_PUSH(d->site_cases, c) != 0) {
		free(c.text);
		return s->text;
	}
	return c.text ? c.text : s->text;
}

int zl_draft_infer(draft *d)
{
	if (scan_exports(d) != 0)
		return -1;
	warn_short_names(d);
	return d->failed ? -1 : choose_forest(d);
}
