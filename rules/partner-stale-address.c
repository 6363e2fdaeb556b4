/*
 * partner-stale-address: a replication partner P of server S holds an A or
 * AAAA record for S with an address S does not have.  KB 914050 (DNS event
 * 6702), repair step 4: on each partner that runs DNS, delete the host
 * records of this server that are not its addresses.
 */
#include "lib/ad.h"

static zl_finding *describe(zl_report *r, const ad_pair *pr, const zl_record *rec,
                            const zl_addr *a, const char *ip)
{
	const char *s = zl_name_text(zl_server_name(pr->subject));
	const char *p = zl_name_text(zl_server_name(pr->holder));
	char have[512];

	zl_finding *f = zl_report_add(r, zl_record_location(pr->view, rec),
		"stale %s record for %s on its replication partner %s (zone %s): "
		"%s is not an address of %s", ad_addr_type(a), s, p,
		zl_name_text(zl_zone_name(pr->zone)), ip, s);
	zl_finding_involves(f, zl_server_name(pr->subject));
	zl_finding_note(f, "%s has %s; %s cannot reach it at %s, so AD "
	                "replication between them fails (DNS event 6702, KB 914050)",
	                s, ad_addresses_text(pr->subject, have, sizeof(have)), p, ip);
	return f;
}

static void check_pair(zl_report *r, const ad_pair *pr)
{
	ad_pair_report_stale(r, pr, describe);
}

static int check(const zl_model *m, zl_report *r)
{
	ad_each_partner_pair(m, r, check_pair);
	return 0;
}

const zl_rule zl_rule_partner_stale_address = {
	.id = "partner-stale-address",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "a DNS-running replication partner holds an A/AAAA record for a "
	           "server with an address that is not the server's",
	.explanation =
	"DNS event 6702 (KB 914050).  A DC finds its replication partners by their\n"
	"host records.  When a server's address changes and its update of its own\n"
	"records on its peers fails (event 6702), a partner keeps the old address,\n"
	"cannot reach the server and stops replicating with it: the new records\n"
	"never arrive.  zonelint reads each partner's own copy (the zone's `views:`)\n"
	"and reports every A/AAAA record at the server's name whose address is not\n"
	"in the server's `addresses`, at that record's line; `server` is the\n"
	"partner, where the fix runs, and `owner` the server.\n"
	"\n"
	"Example:\n"
	"  zones/dc2/corp.dns:63:1: error: stale A record for dc1.corp. on its\n"
	"  replication partner dc2.corp. (zone corp.): 10.0.0.9 is not an address\n"
	"  of dc1.corp. [partner-stale-address]\n"
	"\n"
	"Fix (KB 914050, step 4): delete the record on the partner:\n"
	"  dnscmd dc2.corp /RecordDelete corp dc1 A 10.0.0.9 /f\n"
	"  Remove-DnsServerResourceRecord -ComputerName 'dc2.corp' -ZoneName 'corp' -Name 'dc1' "
	"-RRType A -RecordData '10.0.0.9' -Force\n"
	"When the partner holds no right address for the server, the fix also adds\n"
	"one on the partner's network.  partner-repair-plan says which partners need\n"
	"the fix: replication carries it to the others.",
	.check = check,
	.tags = ZL_TAG_PARTNER | ZL_TAG_6702,
	.tag_order = 4,
};
