/*
 * conditional-forwarder: stub and forwarder zones (SPEC 6.2).  Three
 * separate faults: one with no masters asks nobody; a server hosting a
 * primary zone and a forwarder zone of one name answers from one and
 * hides the other; a forwarder stored as a file (local to each server)
 * on some DNS servers of a domain but not all makes the answer depend on
 * the DC a client asks (BlueTuxedo Get-BTConditionalForwarder).
 */
#include "lib/settings.h"

static void check_masters(zl_report *r, const zl_zone *z, size_t *unknown)
{
	zl_addr_list l = zl_zone_masters(z);
	zl_finding *f;

	if (!l.known) {
		++*unknown;
		return;
	}
	if (l.count)
		return;
	f = zl_report_add(r, l.where, "%s zone %s has no masters: it asks nobody, "
	                  "and names below it do not resolve",
	                  zl_zone_kind_name(zl_zone_type(z)), zl_name_text(zl_zone_name(z)));
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_data(f, "no masters");
	zl_finding_fix(f, "give the zone the servers it asks (Set-DnsServerConditional"
	               "ForwarderZone -MasterServers, or dnscmd /ZoneResetMasters)");
}

/* A primary zone of z's name hosted on s, or NULL. */
static const zl_zone *primary_on(const zl_model *m, const zl_zone *z,
                                 const zl_server *s)
{
	const zl_zone *p = zl_model_zone_find(m, zl_zone_name(z));

	return p && st_is_primary(p) && zl_zone_is_hosted_on(p, s) ? p : NULL;
}

static void check_shadow(const zl_model *m, zl_report *r, const zl_zone *z)
{
	for (size_t h = 0; h < zl_zone_host_count(z); h++) {
		const zl_server *s = zl_zone_host(z, h);

		if (!primary_on(m, z, s))
			continue;
		zl_finding *f = zl_report_add(r, zl_zone_type_location(z),
			"%s hosts zone %s both as a primary zone and as a forwarder",
			zl_name_text(zl_server_name(s)), zl_name_text(zl_zone_name(z)));
		zl_finding_zone(f, zl_zone_name(z));
		zl_finding_server(f, zl_server_name(s));
		zl_finding_data(f, "primary and forwarder");
		zl_finding_fix(f, "keep one of them on %s", zl_name_text(zl_server_name(s)));
	}
}

/* The domains whose DNS servers host z: the others of the domain lack it. */
static void check_spread(const zl_model *m, zl_report *r, const zl_zone *z)
{
	char list[ST_LIST_MAX];
	zl_addr_list masters = zl_zone_masters(z);

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		bool peer = false;

		if (!st_runs_dns(s) || zl_zone_is_hosted_on(z, s))
			continue;
		for (size_t h = 0; h < zl_zone_host_count(z) && !peer; h++)
			peer = st_runs_dns(zl_zone_host(z, h)) &&
			       zl_server_domain(zl_zone_host(z, h)) == zl_server_domain(s);
		if (!peer)
			continue;
		zl_finding *f = zl_report_add(r, zl_zone_location(z),
			"forwarder zone %s is stored as a file on some DNS servers of its "
			"domain but not on %s", zl_name_text(zl_zone_name(z)),
			zl_name_text(zl_server_name(s)));
		zl_finding_zone(f, zl_zone_name(z));
		zl_finding_server(f, zl_server_name(s));
		zl_finding_data(f, "missing");
		zl_finding_fix(f, "store the forwarder in AD (ad-domain) so that every DNS "
		               "server of the domain has it, or add it on %s",
		               zl_name_text(zl_server_name(s)));
		if (!masters.known || !masters.count)
			continue;
		st_target t;
		st_target_set(&t, s, z);
		zl_finding_command_on(f, t.on, ZL_TOOL_POWERSHELL, ZL_COMMAND_ADD,
		                      "Add-DnsServerConditionalForwarderZone -ComputerName "
		                      "%s -Name %s -MasterServers %s", t.ps_server, t.ps_zone,
		                      st_addrs_text(masters.addrs, masters.count, ",", list,
		                                    sizeof list));
	}
}

static int check(const zl_model *m, zl_report *r)
{
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);

		if (st_is_primary(z))
			continue;
		check_masters(r, z, &unknown);
		if (zl_zone_type(z) != ZL_ZONE_FORWARDER)
			continue;
		check_shadow(m, r, z);
		if (!st_is_ad(z))
			check_spread(m, r, z);
	}
	if (unknown)
		zl_report_not_checked(r, "masters not known (zones)", unknown);
	return 0;
}

const zl_rule zl_rule_conditional_forwarder = {
	.id = "conditional-forwarder",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a stub or forwarder zone has no masters, shadows a primary zone, "
	           "or is on some DNS servers of a domain but not all",
	.explanation =
	"Conditional forwarders and stub zones send the queries for one name to\n"
	"given servers (`masters`).  Three separate faults: a stub or forwarder\n"
	"zone without masters asks nobody; a server hosting a primary zone and a\n"
	"forwarder zone of one name answers from one and hides the other; a\n"
	"forwarder stored as a file (it lives in one server's registry) on some\n"
	"DNS servers of a domain but not all, so clients get an answer or none\n"
	"depending on the DC they ask (one finding per server lacking it).\n"
	"\n"
	"Example:\n"
	"  forest.yaml:40:5: warning: forwarder zone partner.example. is stored as\n"
	"  a file on some DNS servers of its domain but not on dc2.corp.\n"
	"  [conditional-forwarder]\n"
	"\n"
	"Fix: store the forwarder in AD (ad-domain), or add it on each DNS server\n"
	"of the domain that lacks it, with the masters it has elsewhere:\n"
	"  Add-DnsServerConditionalForwarderZone -ComputerName 'dc2.corp' -Name 'partner.example' -MasterServers 192.0.2.10\n"
	"A zone without masters gets them with Set-DnsServerConditionalForwarderZone\n"
	"-MasterServers (or dnscmd /ZoneResetMasters).",
	.check = check,
};
