/*
 * zone-transfer-any: a server lets any host transfer a zone (AXFR), which
 * hands the whole AD namespace to whoever asks (SecureSecondaries 0, kept
 * in each server's registry: KB 4050194; BPA ff807398; PingCastle
 * A-DnsZoneTransfert).  One finding per (server, zone): each server's
 * setting is its own (SPEC 6.3).
 */
#include "lib/settings.h"

static void report(zl_report *r, const zl_zone *z, const zl_server *s,
                   zl_location where)
{
	static const zl_zone_settings ns = { .transfers = ZL_TRANSFERS_NS };
	zl_finding *f = zl_report_add(r, where,
		"%s lets any host transfer zone %s: anyone can list every name in it",
		zl_name_text(zl_server_name(s)), zl_name_text(zl_zone_name(z)));

	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_server(f, zl_server_name(s));
	zl_finding_data(f, "any");
	zl_finding_fix(f, "allow transfers to the zone's name servers only (or to "
	               "none: AD replication needs no transfers)");
	st_command_transfers(f, s, z, &ns);
}

static int check(const zl_model *m, zl_report *r)
{
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);

		for (size_t h = 0; st_is_primary(z) && h < zl_zone_host_count(z); h++) {
			const zl_server *s = zl_zone_host(z, h);
			zl_zone_settings on;

			if (!st_runs_dns(s))
				continue;
			zl_zone_settings_on(z, s, &on);
			if (on.transfers == ZL_TRANSFERS_UNKNOWN)
				unknown++;
			else if (on.transfers == ZL_TRANSFERS_ANY)
				report(r, z, s, on.transfers_where);
		}
	}
	if (unknown)
		zl_report_not_checked(r, "transfers not known (server, zone)", unknown);
	return 0;
}

const zl_rule zl_rule_zone_transfer_any = {
	.id = "zone-transfer-any",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "a server allows transfers of a zone to any host",
	.explanation =
	"A zone transfer (AXFR) returns every record of the zone.  Allowed to any\n"
	"host, it gives an attacker the map of the domain: every DC, server and\n"
	"workstation name and address.  AD-integrated zones replicate through AD\n"
	"and need no transfers at all.  The setting (SecureSecondaries) lives in\n"
	"each server's registry, not in AD, and a change of the zone's\n"
	"replication scope resets it (KB 4050194): give each server's own value\n"
	"in `zone_settings`.  One finding per server and zone.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:12:24: error: dc1.corp. lets any host transfer zone corp.:\n"
	"  anyone can list every name in it [zone-transfer-any]\n"
	"\n"
	"Fix: allow transfers to the zone's name servers only (or to none):\n"
	"  dnscmd dc1.corp /ZoneResetSecondaries corp /SecureNs\n"
	"  Set-DnsServerPrimaryZone -ComputerName 'dc1.corp' -Name 'corp' -SecureSecondaries TransferToZoneNameServer",
	.check = check,
};
