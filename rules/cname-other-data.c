/*
 * cname-other-data: a CNAME is the only data at its name (RFC 1034 3.6.2,
 * RFC 2181 10.1); DNSSEC's RRSIG and NSEC may stand beside it (RFC 4035
 * 2.5).  A second CNAME with another target is as wrong (RFC 2181 10.1).
 */
#include "lib/zone.h"

static bool dnssec_type(uint16_t t)
{
	return t == ZL_TYPE_RRSIG || t == ZL_TYPE_NSEC || t == ZL_TYPE_NSEC3;
}

static void fix(zl_finding *f, const zl_name *owner)
{
	zl_finding_fix(f, "keep either the CNAME or the other records at %s; to have "
	               "both, give the alias another name", zl_name_text(owner));
}

/* The later record of each conflicting pair carries the finding (SPEC 3):
 * data before the first CNAME is named by that CNAME's finding, data after
 * it carries its own. */
static void check_owner(const zl_view *v, const zl_name *owner, size_t at,
                        zl_report *r, void *ctx)
{
	zl_iter it;
	const zl_record *cname = zl_view_owner_records(v, at, ZL_TYPE_CNAME, &it);
	const zl_record *before = NULL;
	bool seen = false;

	(void)ctx;
	if (!cname)
		return;
	for (const zl_record *x = zl_view_owner_records(v, at, 0, &it); x;
	     x = zl_iter_next(&it)) {
		if (x == cname) {
			seen = true;
		} else if (dnssec_type(zl_record_type(x)) || zl_record_same_data(x, cname)) {
			continue;     /* allowed; an identical CNAME is duplicate-record's */
		} else if (!seen) {
			before = before ? before : x;
		} else {
			fix(zc_report_conflict(r, v, x, cname, "shares its name with"), owner);
		}
	}
	if (before)
		fix(zc_report_conflict(r, v, cname, before, "shares its name with"), owner);
}

static int check(const zl_model *m, zl_report *r)
{
	return zc_each_view_owner(m, r, check_owner);
}

const zl_rule zl_rule_cname_other_data = {
	.id = "cname-other-data",
	.pack = "zone",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "a CNAME shares its owner with other data (DNSSEC types excepted) "
	           "or with another CNAME",
	.explanation =
	"A CNAME makes its owner an alias: resolvers follow it for every type, so\n"
	"no other data may stand at that name (RFC 1034 3.6.2, RFC 2181 10.1), nor a\n"
	"second CNAME.  Only DNSSEC's RRSIG and NSEC may (RFC 4035 2.5).  BIND and\n"
	"Knot refuse such a zone; Windows DNS refuses to add the record.  The later\n"
	"of the two records carries the finding and names the earlier one's line.\n"
	"\n"
	"Example:\n"
	"  corp.dns:12:1: error: CNAME web.corp. at www.corp. shares its name with\n"
	"  A 192.0.2.1 (line 11) [cname-other-data]\n"
	"\n"
	"Fix: keep the CNAME or the other records; an alias that also needs other\n"
	"data (MX, TXT) must become an A/AAAA record instead.",
	.check = check,
};
