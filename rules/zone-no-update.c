/*
 * zone-no-update: the zone that holds a domain's DC locator records
 * (_ldap._tcp.dc._msdcs.D, _ldap._tcp.D: MS-ADTS 6.3.2.3) on a hosting
 * server accepts no dynamic updates, so Netlogon on the DCs cannot register
 * them (dcdiag /test:DNS Dyn; [MS-DNSP] dnsProperty 0x02 = 0).  One finding
 * per zone for its own setting, one per server whose own says none.
 */
#include <stdlib.h>

#include "lib/settings.h"

static void report(zl_report *r, const zl_zone *z, const zl_server *s,
                   const zl_server *fix_on, zl_location where, const zl_name *domain)
{
	zl_finding *f = zl_report_add(r, where,
		"zone %s accepts no dynamic updates%s%s, but holds the DC locator "
		"records of %s: its DCs cannot register them",
		zl_name_text(zl_zone_name(z)), s ? " on " : "",
		s ? zl_name_text(zl_server_name(s)) : "", zl_name_text(domain));

	zl_finding_zone(f, zl_zone_name(z));
	if (s)
		zl_finding_server(f, zl_server_name(s));
	zl_finding_data(f, "none");
	if (!fix_on)
		return;
	zl_finding_fix(f, "accept secure dynamic updates, then re-register the "
	               "locator records (nltest /dsregdns on each DC)");
	st_command_update(f, fix_on, z, ZL_UPDATE_SECURE);
}

/* A listed domain and one of its locator names (or its closest interned
 * ancestor) below the zone. */
typedef struct locator {
	const zl_name *domain, *name;
} locator;

/* The locator names of the listed domains below z, in domain order: once
 * a zone, not once a hosting server (the forest's _msdcs zone has one a
 * DC, and a forest thousands of DCs). */
static size_t locators_below(const zl_model *m, const zl_zone *z, locator *out)
{
	static const char *const names[] = { "_ldap._tcp.dc._msdcs.", "_ldap._tcp." };
	char text[AD_NAME_MAX];
	size_t n = 0;

	for (size_t i = 0; i < zl_model_domain_count(m); i++)
		for (size_t k = 0; k < 2; k++) {
			const zl_name *d = zl_model_domain(m, i), *name;

			snprintf(text, sizeof text, "%s%s", names[k], zl_name_text(d));
			name = ad_name_or_ancestor(m, text);
			if (zl_name_is_below(name, zl_zone_name(z)))
				out[n++] = (locator){ d, name };
		}
	return n;
}

/* The listed domain whose locator names z holds on s, or NULL. */
static const zl_name *locator_domain(const zl_model *m, const zl_zone *z,
                                     const zl_server *s, const locator *loc, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (zl_model_zone_holding(m, s, loc[i].name) == z)
			return loc[i].domain;
	return NULL;
}

static int check_zone(const zl_model *m, zl_report *r, const zl_zone *z,
                      size_t *unknown)
{
	locator *loc = malloc((2 * zl_model_domain_count(m) + 1) * sizeof(*loc));
	bool own_done = false;

	if (!loc)
		return -1;
	size_t nloc = locators_below(m, z, loc);
	for (size_t h = 0; h < zl_zone_host_count(z); h++) {
		const zl_server *s = zl_zone_host(z, h);
		const zl_name *d = st_runs_dns(s) ? locator_domain(m, z, s, loc, nloc) : NULL;
		const zl_zone_settings *o = zl_server_zone_settings(s, z);
		zl_zone_settings on;

		if (!d)
			continue;
		zl_zone_settings_on(z, s, &on);
		if (on.dynamic_update == ZL_UPDATE_UNKNOWN)
			++*unknown;
		else if (o && o->dynamic_update == ZL_UPDATE_NONE)
			report(r, z, s, s, o->dynamic_update_where, d);
		else if (on.dynamic_update == ZL_UPDATE_NONE && !own_done) {
			report(r, z, NULL, st_first_dns_host(z), on.dynamic_update_where, d);
			own_done = true;
		}
	}
	free(loc);
	return 0;
}

static int check(const zl_model *m, zl_report *r)
{
	size_t unknown = 0;
	int rc = 0;

	for (size_t i = 0; i < zl_model_zone_count(m) && rc == 0; i++)
		if (st_is_primary(zl_model_zone(m, i)))
			rc = check_zone(m, r, zl_model_zone(m, i), &unknown);
	if (unknown)
		zl_report_not_checked(r, "dynamic_update not known (server, zone)", unknown);
	return rc;
}

const zl_rule zl_rule_zone_no_update = {
	.id = "zone-no-update",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "the zone holding a domain's DC locator records accepts no "
	           "dynamic updates",
	.explanation =
	"Netlogon on every DC registers the DC locator records (MS-ADTS 6.3.2.3)\n"
	"by dynamic update.  When the zone that holds _ldap._tcp.dc._msdcs.D or\n"
	"_ldap._tcp.D on a hosting server accepts no updates, new DCs, changed\n"
	"addresses and new sites never reach DNS, and clients stop finding DCs\n"
	"(dcdiag /test:DNS, Dyn).  One finding per zone for its own\n"
	"`dynamic_update`, one per server whose `zone_settings` says none.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:31:21: warning: zone _msdcs.corp. accepts no dynamic\n"
	"  updates, but holds the DC locator records of corp.: its DCs cannot\n"
	"  register them [zone-no-update]\n"
	"\n"
	"Fix: accept secure dynamic updates:\n"
	"  dnscmd dc1.corp /Config _msdcs.corp /AllowUpdate 2\n"
	"  Set-DnsServerPrimaryZone -ComputerName 'dc1.corp' -Name '_msdcs.corp' -DynamicUpdate Secure\n"
	"then re-register the locator records on each DC:\n"
	"  nltest /server:dc1.corp /dsregdns",
	.check = check,
};
