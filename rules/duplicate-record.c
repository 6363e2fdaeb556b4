/*
 * duplicate-record: the same record (owner, class, type, rdata) twice
 * (RFC 2181 5: an RRset holds distinct records; servers drop the copy).
 * The records of an owner are sorted by a hash of their data, so an owner
 * with thousands of records costs n log n, not n squared.
 */
#include "lib/hash.h"
#include "lib/zone.h"

typedef struct entry {
	uint64_t hash;            /* of type, class and rdata */
	size_t seq;               /* position at the owner: load order */
	const zl_record *rec;
} entry;

typedef struct scratch {
	entry *v;                 /* reused from owner to owner */
	size_t cap;
	bool oom;
} scratch;

/* Equal for records zl_record_same_data calls equal. */
static uint64_t data_hash(const zl_record *x)
{
	uint16_t tc[2] = { zl_record_type(x), zl_record_class(x) };
	uint64_t h = rl_fnv1a(RL_FNV_BASIS, tc, sizeof(tc));

	for (size_t i = 0; i < zl_record_field_count(x); i++) {
		const zl_name *name = zl_record_field_name(x, i);
		zl_addr a;
		size_t len = 0;
		const uint8_t *bytes = zl_record_field_bytes(x, i, &len);
		uint32_t n = zl_record_field_int(x, i);
		if (name)
			h = rl_fnv1a(h, &name, sizeof(name));     /* names are interned */
		else if (zl_record_field_addr(x, i, &a))
			h = rl_fnv1a(h, &a, sizeof(a));
		else if (bytes)
			h = rl_fnv1a(h, bytes, len);
		else
			h = rl_fnv1a(h, &n, sizeof(n));
	}
	return h;
}

static int cmp_entry(const void *a, const void *b)
{
	const entry *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Collects the owner's records, a second SOA left to the soa rule. */
static size_t collect(const zl_view *v, size_t at, scratch *s)
{
	zl_iter it;
	size_t n = 0;

	for (const zl_record *x = zl_view_owner_records(v, at, 0, &it); x;
	     x = zl_iter_next(&it)) {
		if (zl_record_type(x) == ZL_TYPE_SOA)
			continue;
		if (n == s->cap) {
			size_t cap = s->cap ? s->cap * 2 : 64;
			entry *p = realloc(s->v, cap * sizeof(*p));
			if (!p) {
				s->oom = true;
				return 0;
			}
			s->v = p;
			s->cap = cap;
		}
		s->v[n] = (entry){ data_hash(x), n, x };
		n++;
	}
	return n;
}

static void check_owner(const zl_view *v, const zl_name *owner, size_t at,
                        zl_report *r, void *ctx)
{
	scratch *s = ctx;
	size_t n = collect(v, at, s);

	(void)owner;

	if (n > 1)
		qsort(s->v, n, sizeof(*s->v), cmp_entry);
	/* Within a run of equal hashes (in load order), each record that
	 * repeats an earlier one is reported against the first such. */
	for (size_t run = 0, end; run < n; run = end) {
		for (end = run + 1; end < n && s->v[end].hash == s->v[run].hash; end++)
			;
		for (size_t j = run + 1; j < end; j++) {
			size_t k = run;
			while (k < j && !zl_record_same_data(s->v[k].rec, s->v[j].rec))
				k++;
			if (k == j)
				continue;
			zl_finding *f = zc_report_conflict(r, v, s->v[j].rec, s->v[k].rec,
			                                   "duplicates");
			zl_finding_fix(f, "remove one of the two copies");
		}
	}
}

static int check_view(const zl_model *m, const zl_view *v, zl_report *r)
{
	scratch s = { NULL, 0, false };

	(void)m;
	zc_each_owner(v, r, check_owner, &s);
	free(s.v);
	return s.oom ? -1 : 0;
}

ZC_CHECK_EACH_VIEW(check_view)

const zl_rule zl_rule_duplicate_record = {
	.id = "duplicate-record",
	.pack = "zone",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "the same record twice",
	.explanation =
	"An RRset is a set: the same owner, class, type and data may appear once\n"
	"(RFC 2181 5).  Servers silently drop the copy, so the file says more than\n"
	"the zone serves, and an edit to one copy leaves the other behind.  Names\n"
	"are compared case-insensitively and TTLs are not compared (ttl-mismatch\n"
	"covers those).  The later copy carries the finding.\n"
	"\n"
	"Example:\n"
	"  corp.dns:14:1: warning: A 10.0.0.10 at dc1.corp. duplicates A 10.0.0.10\n"
	"  (line 12) [duplicate-record]\n"
	"\n"
	"Fix: remove one copy.",
	.check = check,
};
