/*
 * zone-storage: a zone stored where it should not be.  _msdcs.<forest>
 * as a zone of its own must be in ForestDnsZones, or DCs of the other
 * domains cannot read the forest's locator CNAMEs (KB 817470); a zone in
 * the domain partition (Windows 2000 compatible) replicates to every DC of
 * the domain, DNS or not, and not to other domains (BlueTuxedo
 * Test-BTADILegacyZone).
 */
#include "lib/settings.h"

static void report(zl_report *r, const zl_zone *z, const char *why,
                   const char *scope, const char *dnscmd_scope)
{
	static const char *const cmdlet[] = { "Primary", "Stub", "ConditionalForwarder" };
	const zl_server *on = st_first_dns_host(z);
	st_target t;
	zl_finding *f = zl_report_add(r, zl_zone_location(z), "zone %s is stored %s: %s",
		zl_name_text(zl_zone_name(z)), zl_storage_name(zl_zone_storage(z)), why);

	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_data(f, zl_storage_name(zl_zone_storage(z)));
	if (!on)
		return;
	st_target_set(&t, on, z);
	zl_finding_fix(f, "move the zone to the %s DNS application partition", scope);
	if (st_dnscmd_ok(f, &t))
		zl_finding_command_on(f, t.on, ZL_TOOL_DNSCMD, ZL_COMMAND_SET,
		                      "dnscmd %s /ZoneChangeDirectoryPartition %s /%s",
		                      t.server, t.zone, dnscmd_scope);
	zl_finding_command_on(f, t.on, ZL_TOOL_POWERSHELL, ZL_COMMAND_SET,
	                      "Set-DnsServer%sZone -ComputerName %s -Name %s "
	                      "-ReplicationScope %s", cmdlet[zl_zone_type(z)],
	                      t.ps_server, t.ps_zone, scope);
}

static int check(const zl_model *m, zl_report *r)
{
	const zl_name *forest = zl_model_forest(m);

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);
		const zl_name *n = zl_zone_name(z);
		bool msdcs = zl_name_parent(n) == forest && zl_name_labels(n) > 0 &&
		             strncmp(zl_name_text(n), "_msdcs.", 7) == 0;

		if (msdcs && st_is_primary(z) && zl_zone_storage(z) != ZL_STORAGE_AD_FOREST)
			report(r, z, "the forest's DC locator zone must replicate to every "
			       "DNS server of the forest (ad-forest)", "Forest", "forest");
		else if (zl_zone_storage(z) == ZL_STORAGE_AD_LEGACY)
			report(r, z, "the domain partition replicates it to every DC of the "
			       "domain and to no other domain", "Domain", "domain");
	}
	return 0;
}

const zl_rule zl_rule_zone_storage = {
	.id = "zone-storage",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "_msdcs.<forest> is not stored ad-forest, or a zone is stored "
	           "ad-legacy",
	.explanation =
	"_msdcs.<forest> holds the CNAME of every DC of every domain and the\n"
	"forest-wide locator records; as a zone of its own it belongs in the\n"
	"ForestDnsZones partition so that every DNS server of the forest holds it\n"
	"(KB 817470).  A zone in the domain partition (ad-legacy, the Windows 2000\n"
	"compatible scope) replicates to every DC of its domain, DNS server or\n"
	"not, and to no other domain.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:30:5: warning: zone _msdcs.corp. is stored ad-domain: the\n"
	"  forest's DC locator zone must replicate to every DNS server of the\n"
	"  forest (ad-forest) [zone-storage]\n"
	"\n"
	"Fix: move the zone, on one DNS server hosting it (replication carries\n"
	"the move to the others):\n"
	"  dnscmd dc1.corp /ZoneChangeDirectoryPartition _msdcs.corp /forest\n"
	"  Set-DnsServerPrimaryZone -ComputerName 'dc1.corp' -Name '_msdcs.corp' -ReplicationScope Forest",
	.check = check,
};
