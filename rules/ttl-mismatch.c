/*
 * ttl-mismatch: the records of one RRset share one TTL (RFC 2181 5.2).
 * Servers take one of them (BIND the first) and the rest is ignored.
 */
#include "lib/zone.h"

/* The first record of rec's RRset (same owner, type and class). */
static const zl_record *rrset_first(const zl_view *v, const zl_record *rec)
{
	zl_iter it;
	const zl_record *x = zl_view_find(v, zl_record_owner(rec), zl_record_type(rec), &it);

	while (x && zl_record_class(x) != zl_record_class(rec))
		x = zl_iter_next(&it);
	return x;
}

/* The first record of x's RRset, from those of the owner's RRsets seen so
 * far: an owner has few types, so this stays cheap however large an RRset
 * is.  Past MAX_SETS RRsets, the owner's records are walked. */
#define MAX_SETS 16

static const zl_record *first_of(const zl_view *v, const zl_record *x,
                                 const zl_record **sets, size_t *n)
{
	for (size_t i = 0; i < *n; i++)
		if (zl_record_type(sets[i]) == zl_record_type(x) &&
		    zl_record_class(sets[i]) == zl_record_class(x))
			return sets[i];
	if (*n == MAX_SETS)
		return rrset_first(v, x);
	/* Records come in load order: the first of its RRset seen is it. */
	sets[(*n)++] = x;
	return x;
}

static void check_owner(const zl_view *v, const zl_name *owner, size_t at,
                        zl_report *r, void *ctx)
{
	zl_iter it;
	char rel[96];
	const zl_record *sets[MAX_SETS];
	size_t nsets = 0;

	(void)owner;
	(void)ctx;
	for (const zl_record *x = zl_view_owner_records(v, at, 0, &it); x;
	     x = zl_iter_next(&it)) {
		/* RRSIGs of one name cover different types: their TTLs may differ
		 * (RFC 4034 3); a second SOA is the soa rule's. */
		uint16_t t = zl_record_type(x);
		if (t == ZL_TYPE_RRSIG || t == ZL_TYPE_SOA)
			continue;
		const zl_record *first = first_of(v, x, sets, &nsets);
		if (first == x || zl_record_ttl(first) == zl_record_ttl(x))
			continue;
		snprintf(rel, sizeof(rel), "has TTL %u, but its RRset has TTL %u from",
		         (unsigned)zl_record_ttl(x), (unsigned)zl_record_ttl(first));
		zl_finding *f = zc_report_conflict(r, v, x, first, rel);
		zl_finding_fix(f, "give every record of the RRset the same TTL (%u, as the "
		               "servers serve it)", (unsigned)zl_record_ttl(first));
	}
}

static int check(const zl_model *m, zl_report *r)
{
	return zc_each_view_owner(m, r, check_owner);
}

const zl_rule zl_rule_ttl_mismatch = {
	.id = "ttl-mismatch",
	.pack = "zone",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "records of one RRset with different TTLs",
	.explanation =
	"All records of an RRset (same owner, class and type) have one TTL\n"
	"(RFC 2181 5.2).  A file that gives them different TTLs does not get them:\n"
	"BIND keeps the first TTL and warns, other servers pick another, so the\n"
	"cache lifetime is not what the file says.  RRSIG records are exempt (RFC\n"
	"4034 3).  Each record whose TTL differs from its RRset's first record\n"
	"carries a finding naming that record's line.\n"
	"\n"
	"Example:\n"
	"  corp.dns:15:1: warning: A 10.0.0.11 at www.corp. has TTL 300, but its\n"
	"  RRset has TTL 3600 from A 10.0.0.10 (line 14) [ttl-mismatch]\n"
	"\n"
	"Fix: give the records of the RRset one TTL.",
	.check = check,
};
