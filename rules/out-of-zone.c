/*
 * out-of-zone: a record whose owner is not at or below the zone's origin
 * (RFC 1034 4.2: a zone holds the names of its subtree).  Servers ignore
 * it: BIND logs "ignoring out-of-zone data", Knot skips it.
 *
 * Glue as Windows writes it is not flagged: Windows DNS Server writes the
 * address of every NS target right after the NS records, also when the
 * target lies outside the zone.  An A/AAAA record whose owner is the
 * target of an NS record of the zone is that glue, whatever wrote the file.
 */
#include "lib/zone.h"

/* The targets of the zone's NS records (apex and delegations); -1 on no
 * memory. */
static int ns_targets(const zl_view *v, zc_names *out)
{
	*out = (zc_names){ NULL, 0, 0 };
	for (size_t i = 0; i < zl_view_record_count(v); i++) {
		const zl_record *rec = zl_view_record(v, i);
		const zl_name *t;
		if (zl_record_type(rec) != ZL_TYPE_NS || !zc_in_zone(v, zl_record_owner(rec)) ||
		    !(t = zc_host_target(rec)) || zc_in_zone(v, t))
			continue;
		if (zc_names_add(out, t) != 0)
			return -1;
	}
	zc_names_sort(out);
	return 0;
}

static bool windows_glue(const zc_names *targets, const zl_record *x)
{
	uint16_t t = zl_record_type(x);

	return (t == ZL_TYPE_A || t == ZL_TYPE_AAAA) &&
	       zc_names_has(targets, zl_record_owner(x));
}

static int check_view(const zl_model *m, const zl_view *v, zl_report *r)
{
	char desc[ZC_DESC_MAX];
	zc_names targets;

	(void)m;
	if (ns_targets(v, &targets) != 0)
		return -1;
	for (size_t i = 0; i < zl_view_owner_count(v); i++) {
		const zl_name *o = zl_view_owner(v, i);
		zl_iter it;
		if (zc_in_zone(v, o))
			continue;
		for (const zl_record *x = zl_view_owner_records(v, i, 0, &it); x;
		     x = zl_iter_next(&it)) {
			if (windows_glue(&targets, x))
				continue;
			zl_finding *f = zc_report(r, v, x, "%s at %s is outside zone %s: servers "
			                          "ignore it", zc_describe(x, desc, sizeof(desc)),
			                          zl_name_text(o), zl_name_text(zc_origin(v)));
			zl_finding_fix(f, "move the record to the zone that holds %s, or correct "
			               "its owner (a missing trailing dot makes a name relative "
			               "to $ORIGIN)", zl_name_text(o));
		}
	}
	zc_names_free(&targets);
	return 0;
}

ZC_CHECK_EACH_VIEW(check_view)

const zl_rule zl_rule_out_of_zone = {
	.id = "out-of-zone",
	.pack = "zone",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a record whose owner is outside the zone",
	.explanation =
	"A zone holds the names at and below its origin (RFC 1034 4.2).  A record\n"
	"for any other name is never served: BIND loads the zone but ignores it\n"
	"(\"ignoring out-of-zone data\"), Knot skips it.  Usually an owner written\n"
	"with a stray trailing dot, or a file loaded as the wrong zone (-z ORIGIN).\n"
	"The zone pack's other rules leave such records alone.  An A or AAAA record\n"
	"at the name of an NS target of the zone is glue, as Windows DNS Server\n"
	"writes it beside the NS records of every export, and is not reported.\n"
	"\n"
	"Example:\n"
	"  corp.dns:20:1: warning: A 192.0.2.7 at www.example.com. is outside zone\n"
	"  corp.: servers ignore it [out-of-zone]\n"
	"\n"
	"Fix: move the record to the zone of its name, or correct the owner.",
	.check = check,
};
