/*
 * partner-missing-address: a replication partner P of server S holds no A
 * or AAAA record for S at all.  KB 914050 (DNS event 6702), repair step 5:
 * where a partner has no host record of this server, add one it can reach.
 */
#include "lib/ad.h"
#include "lib/relations.h"

static void check_pair(zl_report *r, const ad_pair *pr)
{
	const char *s = zl_name_text(zl_server_name(pr->subject));
	const char *p = zl_name_text(zl_server_name(pr->holder));
	const zl_addr *add = ad_addr_for(pr->subject, pr->holder);
	char ip[ZL_ADDR_TEXT_MAX];

	if (pr->records)
		return;
	zl_addr_format(add, ip, sizeof(ip));
	zl_finding *f = zl_report_add(r, zl_view_soa_location(pr->view),
		"no A or AAAA record for %s on its replication partner %s (zone %s): "
		"%s cannot find %s to replicate with it", s, p,
		zl_name_text(zl_zone_name(pr->zone)), p, s);
	ad_pair_about(f, pr, ip);
	zl_finding_involves(f, zl_server_name(pr->subject));
	/* Every NS and SRV record of this copy that targets S now points at
	 * a name without an address: they follow from this finding (SPEC 6.4). */
	rel_explains_no_address(f, pr->view, zl_server_name(pr->subject));
	if (ad_on_networks(pr->holder, add))
		zl_finding_fix(f, "add %s, the address of %s on %s's network, to the "
		               "copy on %s", ip, s, p, p);
	else
		zl_finding_fix(f, "add %s, the first address of %s (it has none on %s's "
		               "networks), to the copy on %s", ip, s, p, p);
	ad_pair_command_add(f, pr);
}

static int check(const zl_model *m, zl_report *r)
{
	ad_each_partner_pair(m, r, check_pair);
	return 0;
}

const zl_rule zl_rule_partner_missing_address = {
	.id = "partner-missing-address",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "a DNS-running replication partner's copy of the zone has no A or "
	           "AAAA record for a server",
	.explanation =
	"DNS event 6702 (KB 914050).  A partner with no host record for a server\n"
	"cannot find it, so AD replication between them stops, and with it the\n"
	"records that would repair the partner.  zonelint reads each partner's own\n"
	"copy of the zone that holds the server's name (the zone's `views:`);\n"
	"partners that host no such zone are not checked.  The finding is on the\n"
	"SOA line of the partner's copy; `server` is the partner, where the fix\n"
	"runs, and `owner` the server.\n"
	"\n"
	"Example:\n"
	"  zones/dc3/corp.dns:6:1: error: no A or AAAA record for dc1.corp. on its\n"
	"  replication partner dc3.corp. (zone corp.): dc3.corp. cannot find\n"
	"  dc1.corp. to replicate with it [partner-missing-address]\n"
	"\n"
	"Fix (KB 914050, step 5): add one of the server's addresses on the\n"
	"partner, the one on the partner's network when there is one, else the\n"
	"server's first address:\n"
	"  dnscmd dc3.corp /RecordAdd corp dc1 A 10.0.0.10\n"
	"  Add-DnsServerResourceRecordA -ComputerName 'dc3.corp' -ZoneName 'corp' -Name 'dc1' "
	"-IPv4Address 10.0.0.10\n"
	"partner-repair-plan says which partners need the fix.",
	.check = check,
	.tags = ZL_TAG_PARTNER | ZL_TAG_6702,
	.tag_order = 5,
};
