/*
 * missing-glue: a delegation to a name server inside the delegated zone
 * needs that server's address in the parent as glue (RFC 1034 4.2.1,
 * RFC 9471): without it the referral cannot be followed.
 */
#include "lib/zone.h"

static void check_cut(const zl_view *v, const zl_name *cut, zl_report *r,
                      const zc_names *cuts)
{
	zl_iter it;
	char desc[ZC_DESC_MAX];

	/* A cut below another cut is the child's business, not this zone's. */
	if (zc_enclosing(cuts, v, cut, false))
		return;
	for (const zl_record *x = zl_view_find(v, cut, ZL_TYPE_NS, &it); x;
	     x = zl_iter_next(&it)) {
		const zl_name *t = zc_host_target(x);
		/* Targets elsewhere in the zone are target-no-address's; those
		 * below another delegation are resolved through it. */
		if (!t || !zl_name_is_below(t, cut) || zc_has_address_at(v, t))
			continue;
		zl_finding *f = zc_report(r, v, x, "delegation %s %s has no glue: no A or "
		                          "AAAA record at %s", zl_name_text(cut),
		                          zc_describe(x, desc, sizeof(desc)), zl_name_text(t));
		zl_finding_fix(f, "add the A/AAAA records of %s (the addresses the child "
		               "zone gives it) next to the delegation", zl_name_text(t));
	}
}

static int check_view(const zl_model *m, const zl_view *v, zl_report *r)
{
	zc_names cuts;

	(void)m;
	if (zc_cuts(v, &cuts) != 0)
		return -1;
	for (size_t i = 0; i < cuts.n; i++)
		check_cut(v, cuts.v[i], r, &cuts);
	zc_names_free(&cuts);
	return 0;
}

ZC_CHECK_EACH_VIEW(check_view)

const zl_rule zl_rule_missing_glue = {
	.id = "missing-glue",
	.pack = "zone",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "a delegation whose in-bailiwick NS target has no glue address",
	.explanation =
	"A delegation (NS records at a name below the apex) whose name server lies\n"
	"inside the delegated zone (ns1.child.corp. for child.corp.) can only be\n"
	"followed when the parent also holds that server's address as glue (RFC\n"
	"1034 4.2.1, RFC 9471): a resolver would have to ask the child for the\n"
	"address of the server it needs to ask the child.  Knot refuses such a\n"
	"zone.  The finding is on the NS record.  Name servers elsewhere in the\n"
	"parent zone are checked by target-no-address.\n"
	"\n"
	"Example:\n"
	"  corp.dns:40:1: error: delegation emea.corp. NS ns1.emea.corp. has no\n"
	"  glue: no A or AAAA record at ns1.emea.corp. [missing-glue]\n"
	"\n"
	"Fix: add the name server's A/AAAA records beside the delegation, with the\n"
	"addresses the child zone gives it (Windows DNS adds them with the\n"
	"delegation wizard's IP addresses).",
	.check = check,
};
