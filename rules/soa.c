/*
 * soa: a zone has exactly one SOA record, at its apex (RFC 1035 5.2,
 * RFC 1034 4.3.4).  Without it no server loads the zone; a second one or
 * one below the apex is refused by BIND and Knot alike.
 */
#include "lib/zone.h"

/* An SOA at an in-zone name other than the apex (one outside the zone
 * is out-of-zone's). */
static void away_from_apex(const zl_view *v, zl_report *r)
{
	zl_iter it;

	for (const zl_record *x = zl_view_shape_records(v, ZL_TYPE_SOA, &it); x;
	     x = zl_iter_next(&it)) {
		const zl_name *owner = zl_record_owner(x);
		if (owner == zc_origin(v) || !zc_in_zone(v, owner))
			continue;
		zl_finding *f = zc_report(r, v, x, "SOA at %s is not at the apex of zone %s",
		                          zl_name_text(owner), zl_name_text(zc_origin(v)));
		zl_finding_fix(f, "remove this SOA: only the apex %s holds one (a child "
		               "zone's SOA belongs in the child's own file)",
		               zl_name_text(zc_origin(v)));
	}
}

static int check_view(const zl_model *m, const zl_view *v, zl_report *r)
{
	const zl_record *first = zl_view_soa(v);
	zl_iter it;

	(void)m;
	if (!first && !zl_view_partial(v)) {
		zl_finding *f = zc_report_missing(r, v, "SOA record at its apex");
		zl_finding_fix(f, "add an SOA record for %s as the file's first record",
		               zl_name_text(zc_origin(v)));
	}
	for (const zl_record *x = zl_view_find(v, zc_origin(v), ZL_TYPE_SOA, &it); x;
	     x = zl_iter_next(&it)) {
		char line[1100];
		/* A zone saved from an AXFR ends with its SOA again (RFC 5936
		 * 2.2); BIND and Knot load it: only a differing SOA is a second. */
		if (x == first || zl_record_same_data(x, first))
			continue;
		/* Serials tell the two apart; the whole rdata is in the data. */
		zl_finding *f = zc_report(r, v, x, "second SOA at %s (serial %u); the first "
		                          "is at %s (serial %u)", zl_name_text(zc_origin(v)),
		                          (unsigned)zl_record_field_int(x, ZL_SOA_SERIAL),
		                          zc_line_of(v, x, first, line, sizeof(line)),
		                          (unsigned)zl_record_field_int(first, ZL_SOA_SERIAL));
		zl_finding_fix(f, "keep one SOA record and remove the other");
	}
	away_from_apex(v, r);
	return 0;
}

ZC_CHECK_EACH_VIEW(check_view)

const zl_rule zl_rule_soa = {
	.id = "soa",
	.pack = "zone",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "no SOA at the apex, more than one, or SOA away from the apex",
	.explanation =
	"Every zone starts with exactly one SOA record at its apex (RFC 1035 5.2,\n"
	"RFC 1034 4.3.4): it names the primary server and holds the serial and the\n"
	"timers secondaries and negative caching use (RFC 2308).  A zone file\n"
	"without one does not load; a second SOA, or an SOA at a name below the\n"
	"apex, is refused by BIND and Knot.  A missing SOA is reported on line 1;\n"
	"a second one on its own line, naming the line of the first.  A copy of\n"
	"the first SOA, as a zone saved from a zone transfer ends, is no second.\n"
	"\n"
	"Example:\n"
	"  corp.dns:9:1: error: second SOA at corp. (serial 42); the first is at\n"
	"  line 1 (serial 41) [soa]\n"
	"\n"
	"Fix: keep one SOA at the apex; a child zone's SOA goes in the child's file.",
	.check = check,
};
