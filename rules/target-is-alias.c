/*
 * target-is-alias: an NS, MX or SRV record must name a host, not an alias
 * (RFC 2181 10.3; RFC 2782 for SRV; RFC 5321 5.1 for MX).
 */
#include "lib/zone.h"

static void check_target(const zl_model *m, const zl_view *v, zl_report *r,
                         const zl_record *rec, const zl_name *target)
{
	zl_iter it;
	const zl_record *cname = zl_view_find(v, target, ZL_TYPE_CNAME, &it);
	char desc[ZC_DESC_MAX], line[1100];

	(void)m;
	if (!cname)
		return;
	zl_finding *f = zc_report(r, v, rec, "%s at %s points to an alias: %s is a CNAME "
	                          "for %s (%s)", zc_describe(rec, desc, sizeof(desc)),
	                          zl_name_text(zl_record_owner(rec)), zl_name_text(target),
	                          zl_name_text(zl_record_target(cname)),
	                          zc_line_of(v, rec, cname, line, sizeof(line)));
	zl_finding_fix(f, "point the %s record at the canonical name %s instead",
	               zl_type_name(zl_record_type(rec)),
	               zl_name_text(zl_record_target(cname)));
}

static int check(const zl_model *m, zl_report *r)
{
	return zc_each_view_local_target(m, r, check_target);
}

const zl_rule zl_rule_target_is_alias = {
	.id = "target-is-alias",
	.pack = "zone",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "an NS, MX or SRV target is a CNAME owner in the zone (RFC 2181 "
	           "10.3, RFC 2782)",
	.explanation =
	"NS, MX and SRV records name hosts, and the name must be the host's\n"
	"canonical name, never an alias (RFC 2181 10.3; RFC 2782 for SRV; RFC 5321\n"
	"5.1 for MX).  Resolvers do not chase a CNAME for the additional-section\n"
	"addresses of an NS, some mail servers refuse such an MX, and the AD DC\n"
	"locator does not follow an SRV target's CNAME.  Targets are judged inside\n"
	"the zone's own data; such a target is not also reported by\n"
	"target-no-address.\n"
	"\n"
	"Example:\n"
	"  corp.dns:8:1: warning: MX 10 mail.corp. at corp. points to an alias:\n"
	"  mail.corp. is a CNAME for exch1.corp. (line 20) [target-is-alias]\n"
	"\n"
	"Fix: point the record at the canonical name (the CNAME's target).",
	.check = check,
};
