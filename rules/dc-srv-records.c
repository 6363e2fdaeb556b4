/*
 * dc-srv-records: the SRV records by which clients and other DCs locate a
 * DC (MS-ADTS 6.3.2.3): _ldap._tcp.dc._msdcs.<domain> and
 * _kerberos._tcp.<domain> for every DC, _gc._tcp.<forest> for a global
 * catalog.  Its Netlogon service registers them; a copy without them does
 * not send anybody to that DC.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "lib/ad.h"

typedef struct service {
	const char *prefix;       /* the labels before the domain */
	bool forest;              /* under the forest rather than the DC's domain */
	unsigned role;            /* roles that need it */
	unsigned port;
	const char *what;
} service;

static const service services[] = {
	{ "_ldap._tcp.dc._msdcs", false, ZL_ROLE_DC, 389, "LDAP service of a DC" },
	{ "_kerberos._tcp", false, ZL_ROLE_DC, 88, "Kerberos KDC" },
	{ "_gc._tcp", true, ZL_ROLE_GC, 3268, "global catalog" },
};

/* True when the copy has an SRV record at `owner` targeting dc: through
 * the view's target index, a few records a DC whatever the forest's size. */
static bool has_target(const zl_view *v, const zl_name *owner, const zl_server *dc)
{
	zl_iter it;

	for (const zl_record *r = zl_view_find_target(v, zl_server_name(dc), ZL_TYPE_SRV, &it);
	     r; r = zl_iter_next(&it))
		if (zl_record_owner(r) == owner)
			return true;
	return false;
}

static void report(zl_report *r, const zl_view *v, const zl_server *on,
                   const zl_server *dc, const service *sv, const char *owner)
{
	const zl_zone *z = zl_view_zone(v);
	const char *name = zl_name_text(zl_server_name(dc));
	char bare[AD_NAME_MAX], ps[2 * AD_NAME_MAX], data[AD_NAME_MAX + 30];
	char args[2 * AD_NAME_MAX + 80];

	zl_finding *f = zl_report_add(r, zl_view_soa_location(v),
		"no SRV record %s targeting %s in zone %s on %s: clients do not find "
		"the %s on %s", owner, name, zl_name_text(zl_zone_name(z)),
		zl_name_text(zl_server_name(on)), sv->what, name);
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_server(f, zl_server_name(dc));
	zl_finding_owner_text(f, owner);
	/* The copy's server too, so that two copies' fingerprints differ. */
	snprintf(data, sizeof(data), "%u on %s", sv->port, zl_name_text(zl_server_name(on)));
	zl_finding_data(f, data);
	zl_finding_fix(f, "run nltest /dsregdns on %s, which registers all of its "
	               "records, or add this one on %s", name,
	               zl_name_text(zl_server_name(on)));
	ad_bare(name, bare, sizeof(bare));
	snprintf(data, sizeof(data), "0 100 %u %s", sv->port, bare);
	snprintf(args, sizeof(args), "-Srv -DomainName %s -Priority 0 -Weight 100 -Port %u",
	         ad_ps_quote(bare, ps, sizeof(ps)), sv->port);
	ad_command_add(f, on, z, owner, "SRV", data, "", args);
}

/* One record a DC needs: the SRV name, and the name that tells which copy
 * holds it (the SRV name, else its closest interned ancestor). */
typedef struct need {
	const zl_server *dc;
	const service *sv;
	const zl_name *name, *anchor;
	size_t order;             /* servers by name, then services */
	char owner[AD_NAME_MAX];
} need;

static bool need_set(const zl_model *m, need *n, const zl_server *dc, const service *sv)
{
	const zl_name *parent = sv->forest ? zl_model_forest(m) : zl_server_domain(dc);

	if (!parent || zl_name_labels(parent) == 0 || !(zl_server_roles(dc) & sv->role))
		return false;
	n->dc = dc;
	n->sv = sv;
	snprintf(n->owner, sizeof(n->owner), "%s.%s", sv->prefix, zl_name_text(parent));
	n->name = zl_model_name(m, n->owner);
	n->anchor = ad_name_or_ancestor(m, n->owner);
	return n->anchor != NULL;
}

/* By anchor (a few: one a domain and service), then in order. */
static int cmp_need(const void *a, const void *b)
{
	const need *x = a, *y = b;
	uintptr_t p = (uintptr_t)x->anchor, q = (uintptr_t)y->anchor;

	if (p != q)
		return p < q ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* Every (DC, service) pair to check, grouped by anchor; *count of them. */
static need *needs_of(const zl_model *m, size_t *count)
{
	size_t ns = sizeof(services) / sizeof(*services);
	need *out = malloc((zl_model_server_count(m) * ns + 1) * sizeof(*out));

	*count = 0;
	for (size_t i = 0; out && i < zl_model_server_count(m); i++)
		for (size_t j = 0; j < ns; j++)
			if (need_set(m, &out[*count], zl_model_server(m, i), &services[j])) {
				out[*count].order = *count;
				++*count;
			}
	if (out)
		qsort(out, *count, sizeof(*out), cmp_need);
	return out;
}

/*
 * The needs that v's records do not meet: indexes into needs, those of
 * anchor group g (needs with the same anchor) between at[g] and at[g + 1].
 * Views sharing records (zl_view_records_index) share it, so a forest of
 * identical copies is checked once, not once per copy.
 */
typedef struct missing {
	size_t *at;               /* groups + 1 */
	size_t idx[];
} missing;

static missing *missing_in(const zl_view *v, const need *needs, size_t n,
                           const size_t *group, size_t groups)
{
	missing *out = malloc(sizeof(*out) + (n + 1) * sizeof(size_t));
	size_t k = 0;

	if (out && !(out->at = malloc((groups + 1) * sizeof(size_t)))) {
		free(out);
		return NULL;
	}
	for (size_t g = 0; out && g < groups; g++) {
		out->at[g] = k;
		/* Not in v's zone: no server of v holds it (ad_view_holder). */
		if (!zl_name_is_below(needs[group[g]].anchor, zl_zone_name(zl_view_zone(v))))
			continue;
		for (size_t i = group[g]; i < group[g + 1]; i++)
			if (!has_target(v, needs[i].name, needs[i].dc))
				out->idx[k++] = i;
	}
	if (out)
		out->at[groups] = k;
	return out;
}

static void missing_free(missing *ms)
{
	if (ms)
		free(ms->at);
	free(ms);
}

/* Reports v's missing records, on the first server holding each anchor:
 * one lookup a group, and none for a group v has nothing missing of. */
static void report_view(const zl_model *m, zl_report *r, const zl_view *v,
                        const need *needs, const missing *ms, size_t groups)
{
	for (size_t g = 0; g < groups; g++) {
		if (ms->at[g] == ms->at[g + 1])
			continue;
		const zl_server *on = ad_view_holder(m, v, needs[ms->idx[ms->at[g]]].anchor);
		for (size_t k = ms->at[g]; on && k < ms->at[g + 1]; k++) {
			const need *nd = &needs[ms->idx[k]];
			report(r, v, on, nd->dc, nd->sv, nd->owner);
		}
	}
}

static int check(const zl_model *m, zl_report *r)
{
	size_t n = 0, groups = 0, nv = zl_model_view_count(m), no_domain = 0;
	need *needs = needs_of(m, &n);
	size_t *group = needs ? ad_group_starts(needs, n, sizeof(*needs),
	                                        offsetof(need, anchor), &groups) : NULL;
	missing **ms = calloc(nv + 1, sizeof(*ms));
	int rc = group && ms ? 0 : -1;

	for (size_t i = 0; rc == 0 && i < nv; i++) {
		const zl_view *v = zl_model_view(m, i);
		size_t first = zl_view_records_index(v);
		if (!ms[first] && !(ms[first] = missing_in(v, needs, n, group, groups)))
			rc = -1;
		else
			report_view(m, r, v, needs, ms[first], groups);
	}
	for (size_t i = 0; ms && i < nv; i++)
		missing_free(ms[i]);
	free(ms);
	free(group);
	free(needs);
	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *dc = zl_model_server(m, i);
		/* Its domain's records need its domain: not guessed. */
		if ((zl_server_roles(dc) & ZL_ROLE_DC) && !zl_server_domain(dc))
			no_domain++;
	}
	zl_report_not_checked(r, "DC in no listed domain (its domain's SRV records)",
	                      no_domain);
	return rc;
}

const zl_rule zl_rule_dc_srv_records = {
	.id = "dc-srv-records",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a DC lacks _ldap._tcp.dc._msdcs.<domain> or _kerberos._tcp.<domain> "
	           "SRV records targeting it (and _gc._tcp.<forest> for a gc)",
	.explanation =
	"Clients and other DCs find a domain's DCs through SRV records that each\n"
	"DC's Netlogon service registers (MS-ADTS 6.3.2.3): _ldap._tcp.dc._msdcs.<domain>\n"
	"for LDAP, _kerberos._tcp.<domain> for the KDC and, for a global catalog,\n"
	"_gc._tcp.<forest>.  A DNS server's copy without them never sends anybody\n"
	"to that DC.  zonelint checks every DNS server's copy of the zone that holds\n"
	"each name (the forest's _msdcs zone, a child domain's own zone), once per\n"
	"copy, on its SOA line; `owner` is the SRV name and `server` the DC.  A DC\n"
	"belongs to the longest listed domain that is a suffix of its name; a DC\n"
	"in none is not checked.\n"
	"\n"
	"Example:\n"
	"  zones/dc06/emea.corp.example.net.dns:6:1: warning: no SRV record\n"
	"  _kerberos._tcp.emea.corp.example.net. targeting dc06.emea.corp.example.net.\n"
	"  in zone emea.corp.example.net. on dc06.emea.corp.example.net.: clients do\n"
	"  not find the Kerberos KDC on dc06.emea.corp.example.net. [dc-srv-records]\n"
	"\n"
	"Fix: find why Netlogon did not register it (is the KDC running?), then run\n"
	"nltest /dsregdns on the DC, or add the record on the DNS server holding\n"
	"the copy:\n"
	"  dnscmd dc06.emea.corp.example.net /RecordAdd emea.corp.example.net "
	"_kerberos._tcp SRV 0 100 88 dc06.emea.corp.example.net\n"
	"  Add-DnsServerResourceRecord -ComputerName 'dc06.emea.corp.example.net' "
	"-ZoneName 'emea.corp.example.net' -Name '_kerberos._tcp' -Srv "
	"-DomainName 'dc06.emea.corp.example.net' -Priority 0 -Weight 100 -Port 88",
	.check = check,
};
