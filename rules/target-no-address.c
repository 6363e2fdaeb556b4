/*
 * target-no-address: an in-zone NS, MX or SRV target must have an address
 * in the zone (RFC 1034 4.2.2 for NS, RFC 5321 5.1 for MX, RFC 2782 for
 * SRV), or the service it names cannot be reached.
 */
#include "lib/relations.h"
#include "lib/zone.h"

static void check_target(const zl_model *m, const zl_view *v, zl_report *r,
                         const zl_record *rec, const zl_name *target)
{
	char desc[ZC_DESC_MAX];
	zl_iter it;
	bool owner = false;

	/* One walk of the target's records (a lookup in a zone of millions
	 * is a cache miss): an alias target is target-is-alias's alone
	 * (SPEC 3); an address ends it. */
	for (const zl_record *x = zl_view_find(v, target, 0, &it); x; x = zl_iter_next(&it)) {
		uint16_t t = zl_record_type(x);
		if (t == ZL_TYPE_CNAME || t == ZL_TYPE_A || t == ZL_TYPE_AAAA)
			return;
		owner = true;
	}
	/* No such name: a wildcard may answer for it.  A record below a
	 * DNAME is dname's alone (it is never served). */
	if ((!owner && zc_has_address(m, v, target)) || zc_below_dname(v, zl_record_owner(rec)))
		return;
	zl_finding *f = zc_report(r, v, rec, "%s at %s points to %s, which has no A or "
	                          "AAAA record in the zone", zc_describe(rec, desc, sizeof(desc)),
	                          zl_name_text(zl_record_owner(rec)), zl_name_text(target));
	zl_finding_fix(f, "add an A or AAAA record for %s, or point the %s record at a "
	               "host that has one", zl_name_text(target),
	               zl_type_name(zl_record_type(rec)));
	/* When the target is a server whose partner's copy lacks its host
	 * records, or the record itself is wrong (a stale NS, an orphan
	 * locator record), that is the cause. */
	rel_follows_no_address(f, v, target);
	rel_follows_record(f, v, rec);
}

static int check(const zl_model *m, zl_report *r)
{
	return zc_each_view_local_target(m, r, check_target);
}

const zl_rule zl_rule_target_no_address = {
	.id = "target-no-address",
	.pack = "zone",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "an in-zone NS, MX or SRV target has no A/AAAA record",
	.explanation =
	"A name server, mail exchanger or service target is reached by its address\n"
	"(RFC 1034 4.2.2, RFC 5321 5.1, RFC 2782).  When the target lies in the\n"
	"zone itself, the zone must hold its A or AAAA record (a wildcard counts):\n"
	"otherwise BIND refuses the zone (for the apex NS) and clients find a\n"
	"server, MX or DC they cannot reach.  Targets outside the zone are not\n"
	"looked up; targets at or below a delegation are the child's and need glue\n"
	"instead (missing-glue); a target that is a CNAME is target-is-alias's.\n"
	"Null MX and SRV targets (\".\") mean \"no service\" and are fine.  Where\n"
	"the target is a server that partner-missing-address reports missing from\n"
	"that copy, the finding follows from that one: text output folds it under\n"
	"its cause (-v prints it), JSON names the cause in caused_by.\n"
	"\n"
	"Example:\n"
	"  corp.dns:30:1: error: SRV 0 100 389 dc3.corp. at _ldap._tcp.corp. points\n"
	"  to dc3.corp., which has no A or AAAA record in the zone [target-no-address]\n"
	"\n"
	"Fix: add the target's A/AAAA record, or point the record at a host that has\n"
	"one (a retired DC's SRV records are removed by cleaning up its metadata).",
	.check = check,
};
