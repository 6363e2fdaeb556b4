/*
 * dname: a DNAME redirects the whole subtree below its owner (RFC 6672
 * 2.3, 2.4): one DNAME a name, and no data below it.
 */
#include "lib/zone.h"

static void second_dname(const zl_view *v, const zl_name *owner, zl_report *r)
{
	zl_iter it;
	const zl_record *first = zl_view_find(v, owner, ZL_TYPE_DNAME, &it);

	for (const zl_record *x = zl_iter_next(&it); x; x = zl_iter_next(&it)) {
		if (zl_record_same_data(x, first))
			continue;     /* an identical copy is duplicate-record's */
		zl_finding *f = zc_report_conflict(r, v, x, first, "shares its name with");
		zl_finding_fix(f, "keep one DNAME at %s", zl_name_text(owner));
	}
}

/*
 * A DNAME beside the NS records of a delegation: what lies below is the
 * child zone's (and its glue), not data below the DNAME; the finding is
 * that the two share a name, as Knot reports it.  Once, on the later of
 * the DNAME and the first NS.
 */
static void dname_at_cut(const zl_view *v, const zl_name *owner, zl_report *r)
{
	zl_iter it, n;
	const zl_record *dname = zl_view_find(v, owner, ZL_TYPE_DNAME, &it);
	const zl_record *ns = zl_view_find(v, owner, ZL_TYPE_NS, &n);
	bool dname_later = zl_record_location(v, dname).line > zl_record_location(v, ns).line;
	const zl_record *later = dname_later ? dname : ns, *earlier = dname_later ? ns : dname;

	zl_finding *f = zc_report_conflict(r, v, later, earlier, "shares its name with");
	zl_finding_fix(f, "remove the DNAME or the delegation at %s: a name either "
	               "delegates its subtree or redirects it", zl_name_text(owner));
}

/* NSEC3 records and their signatures are at hashed names below the apex
 * (RFC 5155 7.1), also when the apex holds a DNAME: not data below it. */
static bool nsec3_chain(const zl_view *v, const zl_record *x)
{
	uint16_t t = zl_record_type(x);

	return t == ZL_TYPE_NSEC3 ||
	       (t == ZL_TYPE_RRSIG && zc_has(v, zl_record_owner(x), ZL_TYPE_NSEC3));
}

static void check_owner(const zl_view *v, const zl_name *owner, size_t at,
                        zl_report *r, void *ctx)
{
	const zc_names *dnames = ctx;
	const zl_name *above = zc_enclosing(dnames, v, owner, false);
	zl_iter it, d;

	if (zc_names_has(dnames, owner)) {
		second_dname(v, owner, r);
		if (owner != zc_origin(v) && zc_has(v, owner, ZL_TYPE_NS))
			dname_at_cut(v, owner, r);
	}
	if (!above || (above != zc_origin(v) && zc_has(v, above, ZL_TYPE_NS)))
		return;
	/* Each record below carries its own finding (SPEC 3). */
	const zl_record *dname = zl_view_find(v, above, ZL_TYPE_DNAME, &d);
	for (const zl_record *x = zl_view_owner_records(v, at, 0, &it); x;
	     x = zl_iter_next(&it)) {
		if (nsec3_chain(v, x))
			continue;
		zl_finding *f = zc_report_conflict(r, v, x, dname, "is below");
		zl_finding_fix(f, "remove the record, or the DNAME at %s: a DNAME's owner "
		               "has no descendants", zl_name_text(above));
	}
}

static int check_view(const zl_model *m, const zl_view *v, zl_report *r)
{
	zc_names dnames;

	(void)m;
	if (zc_owners_with(v, ZL_TYPE_DNAME, true, &dnames) != 0)
		return -1;
	if (dnames.n)
		zc_each_owner(v, r, check_owner, &dnames);
	zc_names_free(&dnames);
	return 0;
}

ZC_CHECK_EACH_VIEW(check_view)

const zl_rule zl_rule_dname = {
	.id = "dname",
	.pack = "zone",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "more than one DNAME at a name, or records below a DNAME (RFC 6672)",
	.explanation =
	"A DNAME maps every name below its owner to another subtree (RFC 6672).  A\n"
	"name holds at most one DNAME (2.4), and no records may exist below its\n"
	"owner (2.3): they would never be answered, since the DNAME redirects every\n"
	"query for them.  BIND and Knot refuse such zones.  Each record below a\n"
	"DNAME carries its own finding, naming the DNAME's line.  NSEC3 records\n"
	"and their RRSIGs are at hashed names below the apex (RFC 5155) and are\n"
	"not data below an apex DNAME.  A DNAME beside the NS records of a\n"
	"delegation is reported once (the name both delegates and redirects its\n"
	"subtree, as Knot warns); the glue below it is the delegation's.\n"
	"\n"
	"Example:\n"
	"  corp.dns:22:1: error: A 10.0.0.5 at host.old.corp. is below DNAME new.corp.\n"
	"  at old.corp. (line 20) [dname]\n"
	"\n"
	"Fix: move the records to the DNAME's target zone, or remove the DNAME.",
	.check = check,
};
