/*
 * zone-conflict: the directory holds two or more zone objects for one zone
 * name: the zone in two partitions (DomainDnsZones and ForestDnsZones, or
 * an application partition and the legacy domain partition), a "CNF:"
 * replication-collision copy, or an "..InProgress" leftover of a zone
 * creation (KB 867464, DNS event 4515; PingCastle issue 237).  DNS servers
 * then load one copy or the other, and updates land in either.
 */
#include "lib/settings.h"

static int check(const zl_model *m, zl_report *r)
{
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);
		size_t n = zl_zone_directory_object_count(z);

		if (!st_is_ad(z))
			continue;
		if (!zl_zone_directory_known(z)) {
			unknown++;
			continue;
		}
		if (n < 2)
			continue;
		zl_finding *f = zl_report_add(r, zl_zone_directory_object(z, 1),
			"the directory holds %zu zone objects for %s: DNS servers load one "
			"or the other", n, zl_name_text(zl_zone_name(z)));
		zl_finding_zone(f, zl_zone_name(z));
		for (size_t k = 0; k < n; k++)
			zl_finding_note(f, "zone object %s", zl_zone_directory_object(z, k).file);
		zl_finding_fix(f, "keep the copy the DNS servers should serve and delete "
		               "the others (KB 867464): remove the CNF: and ..InProgress "
		               "objects, and the zone from the partition it should not be "
		               "in, with ADSI Edit or ldapdelete");
	}
	if (unknown)
		zl_report_not_checked(r, "directory not read (zones)", unknown);
	return 0;
}

const zl_rule zl_rule_zone_conflict = {
	.id = "zone-conflict",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "the directory holds two or more zone objects for one zone name",
	.explanation =
	"An AD-integrated zone is one dnsZone object in one partition.  The same\n"
	"name in two partitions (a zone created in DomainDnsZones and again in\n"
	"ForestDnsZones, or in the legacy domain partition), a \"CNF:\" copy left\n"
	"by a replication collision, or an \"..InProgress\" object left by a zone\n"
	"creation that did not finish makes DNS servers load one copy or the\n"
	"other (DNS event 4515, KB 867464), so records differ between DCs.  With\n"
	"--ldap only; one finding per zone, located at the second object, each\n"
	"object named in a note.\n"
	"\n"
	"Example:\n"
	"  ldap://dc1.corp/DC=corp,CN=MicrosoftDNS,DC=ForestDnsZones,DC=corp:1:1:\n"
	"  error: the directory holds 2 zone objects for corp.: DNS servers load\n"
	"  one or the other [zone-conflict]\n"
	"\n"
	"Fix: keep the copy that should be served and delete the others (ADSI\n"
	"Edit, or ldapdelete of the object).",
	.check = check,
};
