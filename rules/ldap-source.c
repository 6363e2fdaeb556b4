/* ldap-source: the directory could not be read, or held data that does
 * not decode (--ldap). */
#include <zonelint/zonelint.h>

static int check(const zl_model *m, zl_report *r)
{
	zl_report_problems(r, m);
	return 0;
}

const zl_rule zl_rule_ldap_source = {
	.id = "ldap-source",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "with --ldap, a DC could not be reached, refused the bind, or "
	           "returned data that cannot be decoded",
	.explanation =
	"zonelint --ldap reads the forest from each DC named with --ldap: the\n"
	"configuration partition (DCs, sites, subnets, replication connections)\n"
	"and the AD-integrated zones of the DC's replica (dnsNode objects, their\n"
	"dnsRecord values in the [MS-DNSP] 2.3.2.2 layout).  A DC that cannot be\n"
	"reached, whose certificate does not verify, or that refuses the bind is\n"
	"reported here and the other DCs are still read; so is a dnsRecord value\n"
	"that is truncated or inconsistent, at its node's DN, and the rest of the\n"
	"zone is still read.  Either makes the exit code 2: the audit is\n"
	"incomplete.  A DC that was not queried and that the inventory gives no\n"
	"address for is a warning: its host records cannot be checked.\n"
	"\n"
	"Example:\n"
	"  ldap://dc1.corp/DC=dc2,DC=corp,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp:1:1:\n"
	"  error: dnsRecord value 1 of dc2.corp.: A data is 3 bytes; an address\n"
	"  takes 4 [ldap-source]\n"
	"\n"
	"Fix: for a connection, check the URI, the CA (--ca), the account\n"
	"(--bind-dn and its password, or the Kerberos ticket) and its read access\n"
	"(docs/ldap.md).  For a bad record, delete and re-create it on that DC:\n"
	"  dnscmd dc1.corp /RecordDelete corp dc2 A /f",
	.check = check,
	.source = ZL_SOURCE_LDAP,
};
