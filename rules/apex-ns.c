/*
 * apex-ns: a zone's apex holds its NS RRset (RFC 1034 4.2.1, RFC 1035 5.2):
 * without it the zone names no authoritative server and cannot be
 * delegated to or transferred.
 */
#include "lib/zone.h"

static int check_view(const zl_model *m, const zl_view *v, zl_report *r)
{
	(void)m;
	if (zc_has(v, zc_origin(v), ZL_TYPE_NS) || zl_view_partial(v))
		return 0;
	zl_finding *f = zc_report_missing(r, v, "NS records at its apex");
	zl_finding_fix(f, "add an NS record at %s for each server that hosts the zone",
	               zl_name_text(zc_origin(v)));
	return 0;
}

ZC_CHECK_EACH_VIEW(check_view)

const zl_rule zl_rule_apex_ns = {
	.id = "apex-ns",
	.pack = "zone",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "no NS records at the apex",
	.explanation =
	"The apex of every zone holds the NS RRset naming its authoritative servers\n"
	"(RFC 1034 4.2.1, RFC 1035 5.2).  Without it BIND and Knot refuse to load\n"
	"the zone, the parent's delegation has nothing to match, and Windows DNS\n"
	"cannot tell secondaries where to notify.  The finding is on the SOA line.\n"
	"\n"
	"Example:\n"
	"  corp.dns:1:1: error: zone corp. has no NS records at its apex [apex-ns]\n"
	"\n"
	"Fix: add one NS record at the apex for each DNS server that hosts the\n"
	"zone (in Windows DNS: zone properties, Name Servers tab).",
	.check = check,
};
