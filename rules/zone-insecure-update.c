/*
 * zone-insecure-update: a zone accepts nonsecure dynamic updates, so any
 * host that can reach the server can add or overwrite records ([MS-DNSP]
 * dnsProperty 0x02 = 1; dcdiag /test:DNS Dyn; PingCastle A-DnsZoneUpdate1
 * and 2; DISA STIG V-259334).  One finding for the zone's own setting, one
 * per server whose own registry says so (SPEC 6.2).
 */
#include "lib/settings.h"

static void report(zl_report *r, const zl_zone *z, const zl_server *s,
                   const zl_server *fix_on, zl_location where)
{
	const char *zn = zl_name_text(zl_zone_name(z));
	zl_finding *f;

	if (s)
		f = zl_report_add(r, where, "zone %s accepts nonsecure dynamic updates "
		                  "on %s: any host can add or replace its records", zn,
		                  zl_name_text(zl_server_name(s)));
	else
		f = zl_report_add(r, where, "zone %s accepts nonsecure dynamic updates: "
		                  "any host can add or replace its records", zn);
	zl_finding_zone(f, zl_zone_name(z));
	if (s)
		zl_finding_server(f, zl_server_name(s));
	zl_finding_data(f, "nonsecure");
	if (!fix_on)
		return;
	zl_finding_fix(f, "accept secure dynamic updates only%s",
	               st_is_ad(z) ? "" : " (after making the zone AD-integrated: a "
	               "file-backed zone cannot take secure updates)");
	st_command_update(f, fix_on, z, ZL_UPDATE_SECURE);
}

static int check(const zl_model *m, zl_report *r)
{
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);
		const zl_zone_settings *own = zl_zone_own_settings(z);
		bool known = own->dynamic_update != ZL_UPDATE_UNKNOWN;

		if (!st_is_primary(z))
			continue;
		if (own->dynamic_update == ZL_UPDATE_NONSECURE)
			report(r, z, NULL, st_first_dns_host(z), own->dynamic_update_where);
		for (size_t h = 0; h < zl_zone_host_count(z); h++) {
			const zl_server *s = zl_zone_host(z, h);
			const zl_zone_settings *o = zl_server_zone_settings(s, z);

			if (!o || o->dynamic_update == ZL_UPDATE_UNKNOWN)
				continue;
			known = true;
			if (o->dynamic_update == ZL_UPDATE_NONSECURE)
				report(r, z, s, s, o->dynamic_update_where);
		}
		unknown += !known;
	}
	if (unknown)
		zl_report_not_checked(r, "dynamic_update not known (zones)", unknown);
	return 0;
}

const zl_rule zl_rule_zone_insecure_update = {
	.id = "zone-insecure-update",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "a zone accepts nonsecure dynamic updates",
	.explanation =
	"A zone that takes nonsecure dynamic updates lets any host that reaches\n"
	"the DNS server add, change or delete its records, DC locator records\n"
	"included: an attacker registers wpad or takes over a server's name.\n"
	"AD-integrated zones can take secure updates only (Kerberos-signed,\n"
	"checked against each record's ACL).  dcdiag /test:DNS (Dyn), PingCastle\n"
	"(A-DnsZoneUpdate1/2) and the DISA STIG flag the same setting.  One\n"
	"finding for the zone's own setting (`dynamic_update`, dnsProperty 0x02),\n"
	"one per server whose `zone_settings` says so.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:20:21: error: zone corp. accepts nonsecure dynamic\n"
	"  updates: any host can add or replace its records [zone-insecure-update]\n"
	"\n"
	"Fix: accept secure dynamic updates only, on a DNS server hosting the zone\n"
	"(on the server named, for a server's own setting):\n"
	"  dnscmd dc1.corp /Config corp /AllowUpdate 2\n"
	"  Set-DnsServerPrimaryZone -ComputerName 'dc1.corp' -Name 'corp' -DynamicUpdate Secure",
	.check = check,
};
