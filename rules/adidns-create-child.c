/*
 * adidns-create-child: any domain user may create records in an
 * AD-integrated zone (PingCastle A-DnsZoneAUCreateChild; Kevin Robertson's
 * ADIDNS research, Powermad): a user registers a name nobody holds yet
 * (wpad, a wildcard, a mistyped server name) and receives its traffic.
 */
#include "lib/adidns.h"

static int check(const zl_model *m, zl_report *r)
{
	char who[ST_LIST_MAX];
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);
		zl_text_list l = zl_zone_create_child(z);

		/* records live in primary zones only (SPEC 6.3): a stub or
		 * forwarder zone object has no dnsNode to create */
		if (!st_is_ad(z) || !st_is_primary(z))
			continue;
		if (!l.known) {
			unknown++;
			continue;
		}
		if (!*adidns_broad(z, who, sizeof who))
			continue;
		zl_finding *f = zl_report_add(r, l.where,
			"any user may create records in zone %s (create_child: %s): "
			"names nobody holds yet, such as wpad or *, can be claimed",
			zl_name_text(zl_zone_name(z)), who);
		zl_finding_zone(f, zl_zone_name(z));
		zl_finding_data(f, who);
		zl_finding_fix(f, "remove the Create all child objects right of these "
		               "trustees from the zone's ACL, and let the DHCP servers "
		               "register clients (a DnsUpdateProxy-style account); or "
		               "pre-create the names that must not be claimed");
	}
	if (unknown)
		zl_report_not_checked(r, "create_child not known (zones)", unknown);
	return 0;
}

const zl_rule zl_rule_adidns_create_child = {
	.id = "adidns-create-child",
	.pack = "security",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "authenticated users, everyone, domain users or domain computers "
	           "may create records in an AD-integrated zone",
	.explanation =
	"By default every authenticated user may create child objects (dnsNode\n"
	"records) in an AD-integrated zone.  Any domain account can then register\n"
	"a name nobody holds yet, such as wpad, a wildcard * or a mistyped server\n"
	"name, and receive the traffic meant for it (PingCastle\n"
	"A-DnsZoneAUCreateChild; Powermad).  Read from `create_child`, or with\n"
	"--ldap from the zone's DACL: an allow ACE with Create Child (or Generic\n"
	"All) for no object type or for dnsNode, not cancelled by an earlier deny.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:26:19: warning: any user may create records in zone corp.\n"
	"  (create_child: authenticated-users): names nobody holds yet, such as\n"
	"  wpad or *, can be claimed [adidns-create-child]\n"
	"\n"
	"Fix: remove the right from those trustees, or pre-create the names that\n"
	"must not be claimed (adidns-unguarded-name lists them).",
	.check = check,
};
