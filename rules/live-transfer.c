/* live-transfer: a zone transfer for --live that failed. */
#include <zonelint/zonelint.h>

static int check(const zl_model *m, zl_report *r)
{
	zl_report_problems(r, m);
	return 0;
}

const zl_rule zl_rule_live_transfer = {
	.id = "live-transfer",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "with --live, a zone transfer from a server failed (refused, timed "
	           "out, unreachable, malformed answer); the rest of the audit goes on",
	.explanation =
	"With --live, zonelint asks every server that hosts a zone for its own copy\n"
	"by zone transfer (AXFR over TCP, RFC 5936) from the server's `dns` endpoint\n"
	"(default: its first address, port 53).  A copy that cannot be fetched is a\n"
	"copy nobody audited: each failure is reported for that server and zone at\n"
	"axfr://HOST:PORT/ZONE, the other copies are still linted, and the exit\n"
	"code is 2.  A transfer fails when the connection is refused or times out\n"
	"(--timeout, default 10 s for the whole transfer), when the server answers\n"
	"REFUSED (transfers to the audit host are not allowed) or NOTAUTH (it is\n"
	"not authoritative for the zone: it does not host it, so the inventory's\n"
	"hosting or the server is wrong), or when the answer is malformed: it\n"
	"does not start and end with the zone's SOA, it is cut short, or a\n"
	"message does not parse.\n"
	"\n"
	"Example:\n"
	"  axfr://10.1.0.12:53/corp.example.net:1:1: error: zone transfer of\n"
	"  corp.example.net. from dc02.corp.example.net. at 10.1.0.12:53 failed:\n"
	"  the server answered REFUSED (zone transfers to this host are not allowed\n"
	"  on that server) [live-transfer]\n"
	"\n"
	"Fix: allow zone transfers to the audit host on that server and zone, and\n"
	"TCP port 53 from it through the firewalls (for NOTAUTH: add the zone on\n"
	"that server, or take the server out of the zone's hosted_on):\n"
	"  dnscmd DC /ZoneResetSecondaries ZONE /SecureList AUDIT-IP\n"
	"  Set-DnsServerPrimaryZone -ComputerName DC -Name ZONE "
	"-SecureSecondaries TransferToSecureServers -SecondaryServers AUDIT-IP\n"
	"(docs/live.md).  For an AD-integrated zone, set it on every DC that hosts\n"
	"it: the setting replicates with the zone, but check each server.",
	.check = check,
	.source = ZL_SOURCE_LIVE_TRANSFER,
};
