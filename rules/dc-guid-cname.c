/*
 * dc-guid-cname: every DC registers <DSA GUID>._msdcs.<forest> CNAME <its
 * host name> (MS-ADTS 6.3.2.3).  Replication partners find each other by
 * that alias, not by host name: without it, or pointing elsewhere, a
 * partner cannot replicate with the DC.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "lib/ad.h"

typedef struct alias {
	const zl_server *dc;
	char owner[AD_NAME_MAX];  /* "<guid>._msdcs.<forest>." */
	const zl_name *name;      /* interned owner, NULL when never seen */
	const zl_name *anchor;    /* owner or its closest interned ancestor */
	const zl_name *key;       /* a name whose holder is the alias's (below) */
	bool plain;               /* key is the parent's, not its own */
	size_t order;
} alias;

/* What the finding is about; `data` also names the copy's server, so the
 * fingerprints of two copies differ. */
static void about(zl_finding *f, const alias *al, const zl_view *v,
                  const zl_server *on, const char *target)
{
	char data[2 * AD_NAME_MAX];

	zl_finding_zone(f, zl_zone_name(zl_view_zone(v)));
	zl_finding_server(f, zl_server_name(al->dc));
	zl_finding_owner_text(f, al->owner);
	snprintf(data, sizeof(data), "%s on %s", target, zl_name_text(zl_server_name(on)));
	zl_finding_data(f, data);
}

static void report_wrong(zl_report *r, const alias *al, const zl_view *v,
                         const zl_server *on, const zl_record *rec)
{
	const char *dc = zl_name_text(zl_server_name(al->dc));
	const char *to = zl_name_text(zl_record_target(rec));
	char bare[AD_NAME_MAX], ps[2 * AD_NAME_MAX], args[2 * AD_NAME_MAX + 20];
	const zl_zone *z = zl_view_zone(v);

	zl_finding *f = zl_report_add(r, zl_record_location(v, rec),
		"%s points to %s instead of %s in zone %s on %s", al->owner, to, dc,
		zl_name_text(zl_zone_name(z)), zl_name_text(zl_server_name(on)));
	about(f, al, v, on, to);
	zl_finding_note(f, "replication partners of %s look it up by this alias and "
	                "reach %s instead", dc, to);
	zl_finding_fix(f, "replace the alias on %s", zl_name_text(zl_server_name(on)));
	ad_command_delete(f, on, z, al->owner, "CNAME", ad_bare(to, bare, sizeof(bare)));
	ad_bare(dc, bare, sizeof(bare));
	snprintf(args, sizeof(args), "-HostNameAlias %s", ad_ps_quote(bare, ps, sizeof(ps)));
	ad_command_add(f, on, z, al->owner, "CNAME", bare, "CName", args);
}

static void report_missing(zl_report *r, const alias *al, const zl_view *v,
                           const zl_server *on)
{
	const char *dc = zl_name_text(zl_server_name(al->dc));
	char bare[AD_NAME_MAX], ps[2 * AD_NAME_MAX], args[2 * AD_NAME_MAX + 20];
	const zl_zone *z = zl_view_zone(v);

	zl_finding *f = zl_report_add(r, zl_view_soa_location(v),
		"no CNAME %s to %s in zone %s on %s", al->owner, dc,
		zl_name_text(zl_zone_name(z)), zl_name_text(zl_server_name(on)));
	about(f, al, v, on, "");
	zl_finding_note(f, "replication partners of %s find it by this alias "
	                "(MS-ADTS 6.3.2.3); the Netlogon service of %s registers it",
	                dc, dc);
	zl_finding_fix(f, "add the alias on %s, or run nltest /dsregdns on %s",
	               zl_name_text(zl_server_name(on)), dc);
	ad_bare(dc, bare, sizeof(bare));
	snprintf(args, sizeof(args), "-HostNameAlias %s", ad_ps_quote(bare, ps, sizeof(ps)));
	ad_command_add(f, on, z, al->owner, "CNAME", bare, "CName", args);
}

/*
 * A forest of thousands of DCs has thousands of aliases and of copies:
 * checking each copy for each alias is quadratic.  So the aliases are
 * grouped by a key whose holder (ad_view_holder) is theirs, each distinct
 * copy's records (zl_view_records_index) are searched once, and each view
 * asks for the holder once a group.  An alias <guid>.P, P = _msdcs.<forest>
 * interned, with no zone of its own name, is held wherever P is, unless the
 * copy delegates the alias's name (RFC 1034 4.2.1: an NS record there), in
 * which case no server of the copy holds it; such aliases are "plain" and
 * share P as their key.  Any other alias is keyed by its own anchor.
 */
static void alias_key(const zl_model *m, alias *al, const zl_name *parent)
{
	al->plain = al->anchor == parent ||
	            (al->name && al->anchor == al->name && zl_name_parent(al->name) == parent &&
	             !zl_model_zone_find(m, al->name));
	al->key = al->plain ? parent : al->anchor;
}

static int cmp_alias(const void *a, const void *b)
{
	const alias *x = a, *y = b;
	uintptr_t p = (uintptr_t)x->key, q = (uintptr_t)y->key;

	if (p != q)
		return p < q ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* The DCs' aliases, grouped by key; *count of them. */
static alias *aliases_of(const zl_model *m, const zl_name *forest, size_t *count)
{
	char text[AD_NAME_MAX];
	alias *out = malloc((zl_model_server_count(m) + 1) * sizeof(*out));

	snprintf(text, sizeof(text), "_msdcs.%s", zl_name_text(forest));
	const zl_name *parent = ad_name_or_ancestor(m, text);
	*count = 0;
	for (size_t i = 0; out && i < zl_model_server_count(m); i++) {
		alias *al = &out[*count];
		*al = (alias){ .dc = zl_model_server(m, i), .order = *count };
		const char *guid = zl_server_dsa_guid(al->dc);
		if (!guid || !(zl_server_roles(al->dc) & ZL_ROLE_DC))
			continue;
		snprintf(al->owner, sizeof(al->owner), "%s._msdcs.%s", guid, zl_name_text(forest));
		al->name = zl_model_name(m, al->owner);
		al->anchor = ad_name_or_ancestor(m, al->owner);
		if (!al->anchor)
			continue;
		alias_key(m, al, parent);
		++*count;
	}
	if (out)
		qsort(out, *count, sizeof(*out), cmp_alias);
	return out;
}

/* What one copy's records say of an alias: `rec` a CNAME to the wrong
 * name, or NULL: no CNAME at all. */
typedef struct verdict {
	size_t alias;
	const zl_record *rec;
} verdict;

typedef struct verdicts {
	size_t *at;               /* group g's verdicts: at[g] to at[g + 1] */
	verdict *v;
	size_t n, cap;
} verdicts;

static void verdicts_free(verdicts *vs)
{
	if (vs) {
		free(vs->at);
		free(vs->v);
	}
	free(vs);
}

static bool verdict_add(verdicts *vs, size_t which, const zl_record *rec)
{
	if (vs->n == vs->cap) {
		size_t cap = vs->cap ? 2 * vs->cap : 16;
		verdict *grown = realloc(vs->v, cap * sizeof(*grown));
		if (!grown)
			return false;
		vs->v = grown;
		vs->cap = cap;
	}
	vs->v[vs->n++] = (verdict){ which, rec };
	return true;
}

/* The wrong and missing aliases of copy v, in key groups. */
static bool judge(const zl_view *v, const alias *al, bool *ok, verdicts *vs, size_t i)
{
	bool right = false, wrong = false;
	zl_iter it;

	if (al->plain && al->name && zl_view_find(v, al->name, ZL_TYPE_NS, &it))
		return true;              /* delegated: no server of v holds it */
	for (const zl_record *rec = zl_view_find(v, al->name, ZL_TYPE_CNAME, &it); rec;
	     rec = zl_iter_next(&it)) {
		if (zl_record_target(rec) == zl_server_name(al->dc))
			right = true;
		else if ((wrong = true) && !verdict_add(vs, i, rec))
			*ok = false;
	}
	if (!right && !wrong && !verdict_add(vs, i, NULL))
		*ok = false;
	return *ok;
}

static verdicts *verdicts_of(const zl_view *v, const alias *als, const size_t *group,
                             size_t groups)
{
	verdicts *vs = calloc(1, sizeof(*vs));
	bool ok = vs && (vs->at = malloc((groups + 1) * sizeof(size_t)));
	const zl_name *zone = zl_zone_name(zl_view_zone(v));

	for (size_t g = 0; ok && g < groups; g++) {
		vs->at[g] = vs->n;
		/* Not in v's zone: no server of v holds it (ad_view_holder). */
		if (!zl_name_is_below(als[group[g]].key, zone))
			continue;
		for (size_t i = group[g]; ok && i < group[g + 1]; i++)
			judge(v, &als[i], &ok, vs, i);
	}
	if (!ok) {
		verdicts_free(vs);
		return NULL;
	}
	vs->at[groups] = vs->n;
	return vs;
}

static void report_view(zl_report *r, const zl_model *m, const zl_view *v,
                        const alias *als, const verdicts *vs, size_t groups)
{
	for (size_t g = 0; g < groups; g++) {
		if (vs->at[g] == vs->at[g + 1])
			continue;
		const zl_server *on = ad_view_holder(m, v, als[vs->v[vs->at[g]].alias].key);
		for (size_t k = vs->at[g]; on && k < vs->at[g + 1]; k++) {
			const alias *al = &als[vs->v[k].alias];
			if (vs->v[k].rec)
				report_wrong(r, al, v, on, vs->v[k].rec);
			else
				report_missing(r, al, v, on);
		}
	}
}

static int check(const zl_model *m, zl_report *r)
{
	const zl_name *forest = zl_model_forest(m);
	size_t n = 0, groups = 0, nv = zl_model_view_count(m), unknown = 0;

	if (!forest || zl_name_labels(forest) == 0)
		return 0;
	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *dc = zl_model_server(m, i);
		if ((zl_server_roles(dc) & ZL_ROLE_DC) && !zl_server_dsa_guid(dc))
			unknown++;
	}
	/* The alias's owner is the GUID: without it nothing can be looked up. */
	zl_report_not_checked(r, "DC without dsa_guid in the inventory", unknown);
	alias *als = aliases_of(m, forest, &n);
	size_t *group = als ? ad_group_starts(als, n, sizeof(*als), offsetof(alias, key),
	                                      &groups) : NULL;
	verdicts **vs = calloc(nv + 1, sizeof(*vs));
	int rc = group && vs ? 0 : -1;

	for (size_t i = 0; rc == 0 && i < nv; i++) {
		const zl_view *v = zl_model_view(m, i);
		size_t first = zl_view_records_index(v);
		if (!vs[first] && !(vs[first] = verdicts_of(v, als, group, groups)))
			rc = -1;
		else
			report_view(r, m, v, als, vs[first], groups);
	}
	for (size_t i = 0; vs && i < nv; i++)
		verdicts_free(vs[i]);
	free(vs);
	free(group);
	free(als);
	return rc;
}

const zl_rule zl_rule_dc_guid_cname = {
	.id = "dc-guid-cname",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "a DC with a dsa_guid lacks <guid>._msdcs.<forest> CNAME <its name> "
	           "in a DNS server's copy, or the alias points elsewhere",
	.explanation =
	"AD replication partners do not look a DC up by its host name but by the\n"
	"alias <DSA GUID>._msdcs.<forest>, the objectGUID of its NTDS Settings\n"
	"object, which its Netlogon service registers as a CNAME to its host name\n"
	"(MS-ADTS 6.3.2.3).  Without the alias, or with one left pointing to\n"
	"another server (a DC rebuilt under a new name), replication fails with\n"
	"DNS lookup errors.  zonelint checks every DNS server's copy of the zone\n"
	"that holds the alias (_msdcs.<forest> as a zone of its own, or inside the\n"
	"forest zone), once per copy; `owner` is the alias and `server` the DC it\n"
	"must point to.  A missing alias is reported on the SOA line of the copy,\n"
	"a wrong one on its own line.\n"
	"\n"
	"Example:\n"
	"  zones/dc01/_msdcs.corp.example.net.dns:30:1: error:\n"
	"  5a8f1c3e-6b9d-4f27-8e14-c3d7a9b2e046._msdcs.corp.example.net. points to\n"
	"  dc06.corp.example.net. instead of dc06.emea.corp.example.net. in zone\n"
	"  _msdcs.corp.example.net. on dc01.corp.example.net. [dc-guid-cname]\n"
	"\n"
	"Fix: on the DNS server holding the copy, delete the wrong alias and add\n"
	"the right one (an alias an admin created by hand is owned by the admin,\n"
	"so Netlogon cannot correct it); for the example:\n"
	"  dnscmd dc01.corp.example.net /RecordDelete _msdcs.corp.example.net "
	"5a8f1c3e-6b9d-4f27-8e14-c3d7a9b2e046 CNAME dc06.corp.example.net /f\n"
	"  Remove-DnsServerResourceRecord -ComputerName 'dc01.corp.example.net' "
	"-ZoneName '_msdcs.corp.example.net' -Name '5a8f1c3e-6b9d-4f27-8e14-c3d7a9b2e046' "
	"-RRType CNAME -RecordData 'dc06.corp.example.net' -Force\n"
	"  dnscmd dc01.corp.example.net /RecordAdd _msdcs.corp.example.net "
	"5a8f1c3e-6b9d-4f27-8e14-c3d7a9b2e046 CNAME dc06.emea.corp.example.net\n"
	"  Add-DnsServerResourceRecordCName -ComputerName 'dc01.corp.example.net' "
	"-ZoneName '_msdcs.corp.example.net' -Name '5a8f1c3e-6b9d-4f27-8e14-c3d7a9b2e046' "
	"-HostNameAlias 'dc06.emea.corp.example.net'\n"
	"A missing alias needs only the two add commands; nltest /dsregdns on the\n"
	"DC also registers it again.",
	.check = check,
};
