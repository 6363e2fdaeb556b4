/*
 * adidns-tombstoned: a dnsNode whose record was deleted stays in the
 * directory with dNSTombstoned TRUE until the tombstone lifetime ends.
 * Any authenticated user may take it over by writing a new dnsRecord
 * (Kevin Robertson's ADIDNS research, Powermad Enable-ADIDNSNode;
 * BlueTuxedo Get-BTTombstonedNode).
 */
#include "lib/settings.h"

static int check(const zl_model *m, zl_report *r)
{
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);

		if (!st_is_ad(z) || !st_is_primary(z))
			continue;
		if (!zl_zone_tombstones_known(z)) {
			unknown++;
			continue;
		}
		for (size_t k = 0; k < zl_zone_tombstone_count(z); k++) {
			zl_location where;
			const zl_name *owner = zl_zone_tombstone(z, k, &where);
			zl_finding *f = zl_report_add(r, where,
				"%s is a tombstoned node in zone %s: any authenticated user "
				"can claim it", zl_name_text(owner), zl_name_text(zl_zone_name(z)));

			zl_finding_zone(f, zl_zone_name(z));
			zl_finding_owner(f, owner);
			zl_finding_fix(f, "if nobody should register %s again, delete the "
			               "node object from the directory, or create a static "
			               "record there", zl_name_text(owner));
		}
	}
	if (unknown)
		zl_report_not_checked(r, "dnsNode objects not read (zones)", unknown);
	return 0;
}

const zl_rule zl_rule_adidns_tombstoned = {
	.id = "adidns-tombstoned",
	.pack = "security",
	.severity = ZL_SEVERITY_INFO,
	.summary = "a dnsNode of an AD-integrated zone is tombstoned",
	.explanation =
	"Deleting a record of an AD-integrated zone leaves its dnsNode object in\n"
	"the directory with dNSTombstoned TRUE until the tombstone lifetime runs\n"
	"out.  Whoever writes a new dnsRecord to it first owns the name again,\n"
	"and any authenticated user may (Powermad Enable-ADIDNSNode).  With\n"
	"--ldap only; one finding per node.\n"
	"\n"
	"Example:\n"
	"  ldap://dc1.corp/DC=old,DC=corp,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp:1:1:\n"
	"  info: old.corp. is a tombstoned node in zone corp.: any authenticated\n"
	"  user can claim it [adidns-tombstoned]\n"
	"\n"
	"Fix: delete the node object, or create a static record at the name.",
	.check = check,
};
