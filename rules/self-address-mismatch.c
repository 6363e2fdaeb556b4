/*
 * self-address-mismatch: in a server's own copy of the zone that holds its
 * name, its A/AAAA records are missing or one has an address the server
 * does not have.  AD replication carries that copy to the partners, so a
 * wrong address here becomes their stale record (KB 914050, event 6702).
 */
#include "lib/ad.h"

static zl_finding *describe(zl_report *r, const ad_pair *pr, const zl_record *rec,
                            const zl_addr *a, const char *ip)
{
	const char *s = zl_name_text(zl_server_name(pr->subject));
	char have[512];

	zl_finding *f = zl_report_add(r, zl_record_location(pr->view, rec),
		"%s's own copy of zone %s holds %s record %s for it, which is not "
		"one of its addresses (%s)", s, zl_name_text(zl_zone_name(pr->zone)),
		ad_addr_type(a), ip, ad_addresses_text(pr->subject, have, sizeof(have)));
	zl_finding_note(f, "replication carries the record to the partners of %s, "
	                "which then try to reach it at %s", s, ip);
	return f;
}

static void report_missing(zl_report *r, const ad_pair *pr)
{
	const char *s = zl_name_text(zl_server_name(pr->subject));
	char ip[ZL_ADDR_TEXT_MAX];

	zl_addr_format(ad_addr_for(pr->subject, pr->subject), ip, sizeof(ip));
	zl_finding *f = zl_report_add(r, zl_view_soa_location(pr->view),
		"%s has no A or AAAA record for itself in its own copy of zone %s",
		s, zl_name_text(zl_zone_name(pr->zone)));
	ad_pair_about(f, pr, NULL);
	zl_finding_note(f, "its DNS client registers them: check that dynamic "
	                "updates of zone %s are allowed and that %s uses a DNS server "
	                "hosting it", zl_name_text(zl_zone_name(pr->zone)), s);
	zl_finding_fix(f, "add its address %s on %s (ipconfig /registerdns on it "
	               "registers all of its addresses)", ip, s);
	ad_pair_command_add(f, pr);
}

static int check(const zl_model *m, zl_report *r)
{
	size_t no_address = 0;

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		ad_pair pr;
		if (!ad_pair_load(m, s, s, &pr)) {
			no_address += zl_server_address_count(s) == 0;
			continue;
		}
		if (pr.records)
			ad_pair_report_stale(r, &pr, describe);
		else
			report_missing(r, &pr);
	}
	zl_report_not_checked(r, "server with no address in the inventory", no_address);
	return 0;
}

const zl_rule zl_rule_self_address_mismatch = {
	.id = "self-address-mismatch",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "in a server's own copy of the zone holding its name, its A/AAAA "
	           "records are missing or include an address it does not have",
	.explanation =
	"A DNS server's own copy of the zone that holds its name is where its\n"
	"host records start: AD replication carries them to every partner, which\n"
	"finds it by them (KB 914050, DNS event 6702).  zonelint reads the server's\n"
	"own copy (its `views:` entry, else the zone's `file`) and reports each\n"
	"A/AAAA record at the server's name whose address is not in its\n"
	"`addresses`, at the record's line, or, when there is none at all, one\n"
	"finding on the SOA line.  An address without a record is not flagged:\n"
	"servers may leave an interface unregistered.  `server` and `owner` are\n"
	"the server itself.\n"
	"\n"
	"Example:\n"
	"  zones/dc05/corp.example.net.dns:93:1: error: dc05.corp.example.net.'s own\n"
	"  copy of zone corp.example.net. holds AAAA record fd00:2::20c:29ff:fe3a:5b15\n"
	"  for it, which is not one of its addresses (10.2.0.15, fd00:2::15)\n"
	"  [self-address-mismatch]\n"
	"\n"
	"Fix: delete the record on the server itself, and add one when none would\n"
	"be left; then stop its cause (an interface that should not register, an\n"
	"autoconfigured IPv6 address):\n"
	"  dnscmd dc05.corp.example.net /RecordDelete corp.example.net dc05 AAAA "
	"fd00:2::20c:29ff:fe3a:5b15 /f\n"
	"  Remove-DnsServerResourceRecord -ComputerName 'dc05.corp.example.net' "
	"-ZoneName 'corp.example.net' -Name 'dc05' -RRType AAAA "
	"-RecordData 'fd00:2::20c:29ff:fe3a:5b15' -Force",
	.check = check,
	.tags = ZL_TAG_6702,
	.tag_order = 3,
};
