/*
 * scavenging: stale records never go.  Three independent clauses (SPEC
 * 6.2): a zone with aging on has no server that may scavenge it with
 * scavenging on; a scavenging_servers address is no hosting server's (BPA
 * ff807383, ff807357); a server's interval is outside 6 hours-28 days
 * (BPA ff807371).
 */
#include "lib/settings.h"

enum { MIN_HOURS = 6, MAX_HOURS = 672 };

/* May s scavenge z?  [MS-DNSP] 0x11/0x90: the listed servers, or any
 * hosting server when the list is empty. */
static bool may_scavenge(const zl_server *s, const zl_aging *a)
{
	const zl_addr_list *l = &a->scavenging_servers;

	if (!st_runs_dns(s))
		return false;
	if (!l->known || l->count == 0)
		return true;
	for (size_t i = 0; i < l->count; i++)
		if (zl_server_has_address(s, &l->addrs[i]))
			return true;
	return false;
}

/* Scavenging every 7 days on `on` (`state`: PowerShell's -ScavengingState,
 * or ""); dnscmd's /ScavengingInterval > 0 turns it on too. */
static void command_interval(zl_finding *f, const zl_server *on, const char *state)
{
	st_target t;

	st_target_set(&t, on, NULL);
	if (st_dnscmd_ok(f, &t))
		zl_finding_command_on(f, t.on, ZL_TOOL_DNSCMD, ZL_COMMAND_SET,
		                      "dnscmd %s /Config /ScavengingInterval 168", t.server);
	zl_finding_command_on(f, t.on, ZL_TOOL_POWERSHELL, ZL_COMMAND_SET,
	                      "Set-DnsServerScavenging -ComputerName %s%s "
	                      "-ScavengingInterval 7.00:00:00", t.ps_server, state);
}

static void report_nobody(zl_report *r, const zl_zone *z, const zl_aging *a,
                          const zl_server *on)
{
	zl_finding *f = zl_report_add(r, a->where,
		"zone %s has aging on, but no server that may scavenge it has "
		"scavenging on: its stale records are never deleted",
		zl_name_text(zl_zone_name(z)));
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_data(f, "no scavenger");
	if (!on)
		return;
	zl_finding_fix(f, "turn scavenging on, every 7 days, on one server that may "
	               "scavenge the zone");
	command_interval(f, on, " -ScavengingState $true");
}

/* Clause 1; returns false when a server's interval is unknown. */
static bool check_scavenger(zl_report *r, const zl_zone *z, const zl_aging *a)
{
	const zl_server *first = NULL;
	bool unknown = false;

	for (size_t h = 0; h < zl_zone_host_count(z); h++) {
		const zl_server *s = zl_zone_host(z, h);
		zl_number hours = zl_server_scavenging_hours(s);

		if (!may_scavenge(s, a))
			continue;
		if (!first)
			first = s;
		if (hours.known && hours.value > 0)
			return true;
		unknown |= !hours.known;
	}
	if (unknown)
		return false;
	report_nobody(r, z, a, first);
	return true;
}

/* Clause 2: each listed address that no hosting server holds. */
static void check_list(zl_report *r, const zl_zone *z, const zl_aging *a)
{
	char t[ZL_ADDR_TEXT_MAX];

	for (size_t i = 0; i < a->scavenging_servers.count; i++) {
		const zl_addr *addr = &a->scavenging_servers.addrs[i];
		bool hosted = false;

		for (size_t h = 0; h < zl_zone_host_count(z) && !hosted; h++)
			hosted = zl_server_has_address(zl_zone_host(z, h), addr);
		if (hosted)
			continue;
		zl_addr_format(addr, t, sizeof t);
		zl_finding *f = zl_report_add(r, a->scavenging_servers.where,
			"scavenging server %s of zone %s is no address of a server "
			"hosting the zone", t, zl_name_text(zl_zone_name(z)));
		zl_finding_zone(f, zl_zone_name(z));
		zl_finding_data(f, t);
		zl_finding_fix(f, "list the addresses of hosting servers only "
		               "(Set-DnsServerZoneAging -ScavengeServers)");
	}
}

/* Clause 3. */
static void check_interval(zl_report *r, const zl_server *s)
{
	zl_number hours = zl_server_scavenging_hours(s);
	char data[32];

	if (!hours.known || hours.value == 0 ||
	    (hours.value >= MIN_HOURS && hours.value <= MAX_HOURS))
		return;
	snprintf(data, sizeof data, "%u", (unsigned)hours.value);
	zl_finding *f = zl_report_add(r, hours.where,
		"%s scavenges every %u hours, outside %d hours to %d days",
		zl_name_text(zl_server_name(s)), (unsigned)hours.value, MIN_HOURS,
		MAX_HOURS / 24);
	zl_finding_server(f, zl_server_name(s));
	zl_finding_data(f, data);
	zl_finding_fix(f, "scavenge every 7 days");
	command_interval(f, s, "");
}

static int check(const zl_model *m, zl_report *r)
{
	size_t unknown_aging = 0, unknown_hours = 0;

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);
		const zl_aging *a = &zl_zone_own_settings(z)->aging;

		if (!st_is_primary(z))
			continue;
		if (!a->known)
			unknown_aging++;
		else if (a->enabled && !check_scavenger(r, z, a))
			unknown_hours++;
		check_list(r, z, a);
	}
	for (size_t i = 0; i < zl_model_server_count(m); i++)
		check_interval(r, zl_model_server(m, i));
	if (unknown_aging)
		zl_report_not_checked(r, "aging not known (zones)", unknown_aging);
	if (unknown_hours)
		zl_report_not_checked(r, "scavenging_hours not known (zones)", unknown_hours);
	return 0;
}

const zl_rule zl_rule_scavenging = {
	.id = "scavenging",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "aging is on but nobody scavenges, a scavenging server hosts no "
	           "copy, or a scavenging interval is out of range",
	.explanation =
	"Aging stamps records; only scavenging deletes the stale ones, and only\n"
	"on a server whose scavenging is on and that may scavenge the zone (the\n"
	"hosting servers whose address is in `scavenging_servers`, all of them\n"
	"when the list is empty).  Three separate faults: a zone with aging on\n"
	"that no such server scavenges (its stale records stay for ever; one\n"
	"finding per zone); a `scavenging_servers` address that is no hosting\n"
	"server's (one per address; BPA); a server whose non-zero\n"
	"`scavenging_hours` is below 6 or above 672 (28 days; one per server).\n"
	"\n"
	"Example:\n"
	"  forest.yaml:23:12: warning: zone corp. has aging on, but no server that\n"
	"  may scavenge it has scavenging on: its stale records are never deleted\n"
	"  [scavenging]\n"
	"\n"
	"Fix: turn scavenging on, every 7 days, on one server that may scavenge\n"
	"the zone:\n"
	"  dnscmd dc1.corp /Config /ScavengingInterval 168\n"
	"  Set-DnsServerScavenging -ComputerName 'dc1.corp' -ScavengingState $true -ScavengingInterval 7.00:00:00\n"
	"An interval out of range gets the same commands (without -ScavengingState).",
	.check = check,
};
