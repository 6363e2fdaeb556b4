/*
 * partner-no-same-network-address: server S has an address on one of its
 * replication partner P's networks, but P's copy holds only S's other
 * addresses.  KB 914050, repair step 5: register at least the address on
 * the same network as the partner.  Routed networks between sites are
 * normal: only an address S really has on P's network counts.
 */
#include "lib/ad.h"

static void check_pair(zl_report *r, const ad_pair *pr)
{
	const char *s = zl_name_text(zl_server_name(pr->subject));
	const char *p = zl_name_text(zl_server_name(pr->holder));
	const zl_addr *near = ad_addr_for(pr->subject, pr->holder);
	char ip[ZL_ADDR_TEXT_MAX];

	if (!pr->off_network)
		return;
	zl_addr_format(near, ip, sizeof(ip));
	zl_finding *f = zl_report_add(r, zl_record_location(pr->view, pr->first),
		"%s holds only addresses of %s off its own networks (zone %s): %s, "
		"the address of %s on %s's network, is missing", p, s,
		zl_name_text(zl_zone_name(pr->zone)), ip, s, p);
	ad_pair_about(f, pr, ip);
	zl_finding_involves(f, zl_server_name(pr->subject));
	zl_finding_note(f, "%s reaches %s only through a router, or not at all when "
	                "that network is not routed to it", p, s);
	zl_finding_fix(f, "add %s to the copy on %s", ip, p);
	ad_pair_command_add(f, pr);
}

static int check(const zl_model *m, zl_report *r)
{
	ad_each_partner_pair(m, r, check_pair);
	return 0;
}

const zl_rule zl_rule_partner_no_same_network_address = {
	.id = "partner-no-same-network-address",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a server has an address on a replication partner's network, but "
	           "the partner holds only its other addresses",
	.explanation =
	"KB 914050, repair step 5: when a DNS server has several addresses, the\n"
	"partner needs at least the one on the partner's own network.  A\n"
	"multi-homed DC that registered only its backup or storage interface is\n"
	"reached, if at all, through a router.  zonelint compares the networks\n"
	"given by the prefixes in `addresses` (IPv4 and IPv6 alike) and counts only\n"
	"the server's real addresses in the partner's copy; stale ones are\n"
	"partner-stale-address.  Servers whose addresses share no network with the\n"
	"partner (other sites, routed) are not flagged.  The finding is on the\n"
	"first of the server's address records in the partner's copy.\n"
	"\n"
	"Example:\n"
	"  zones/dc02/corp.example.net.dns:86:1: warning: dc02.corp.example.net.\n"
	"  holds only addresses of dc01.corp.example.net. off its own networks (zone\n"
	"  corp.example.net.): 10.1.0.11, the address of dc01.corp.example.net. on\n"
	"  dc02.corp.example.net.'s network, is missing [partner-no-same-network-address]\n"
	"\n"
	"Fix: add that address on the partner, then set \"Register this connection's\n"
	"addresses in DNS\" on the server's interface that partners use:\n"
	"  dnscmd dc02.corp.example.net /RecordAdd corp.example.net dc01 A 10.1.0.11\n"
	"  Add-DnsServerResourceRecordA -ComputerName 'dc02.corp.example.net' "
	"-ZoneName 'corp.example.net' -Name 'dc01' -IPv4Address 10.1.0.11",
	.check = check,
	.tags = ZL_TAG_PARTNER | ZL_TAG_6702,
	.tag_order = 6,
};
