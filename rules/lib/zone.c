/* rules/lib/zone.c - see zone.h. */
#include "zone.h"

int zc_each_view_ctx(const zl_model *m, zl_report *r, zc_view_ctx_fn *fn,
                     void *ctx)
{
	size_t n = zl_model_view_count(m);
	size_t *span = malloc((2 * n + 1) * sizeof(*span));   /* [begin, end) a view */
	int rc = span ? 0 : -1;

	for (size_t i = 0; rc == 0 && i < n; i++) {
		const zl_view *v = zl_model_view(m, i);
		size_t first = zl_view_records_index(v);
		if (first < i) {
			rc = zl_report_repeat(r, span[2 * first], span[2 * first + 1],
			                      zl_model_view(m, first), v);
			continue;
		}
		span[2 * i] = zl_report_count(r);
		rc = fn(m, v, r, ctx);
		span[2 * i + 1] = zl_report_count(r);
	}
	free(span);
	return rc;
}

typedef struct zc_view_walk { zc_view_fn *fn; } zc_view_walk;

static int zc_view_walk_(const zl_model *m, const zl_view *v, zl_report *r,
                  void *ctx)
{
	return ((const zc_view_walk *)ctx)->fn(m, v, r);
}

int zc_each_view(const zl_model *m, zl_report *r, zc_view_fn *fn)
{
	zc_view_walk walk = { fn };

	return zc_each_view_ctx(m, r, zc_view_walk_, &walk);
}

void zc_each_owner(const zl_view *v, zl_report *r, zc_owner_fn *fn,
                   void *ctx)
{
	for (size_t i = 0; i < zl_view_owner_count(v); i++) {
		const zl_name *o = zl_view_owner(v, i);
		if (zc_in_zone(v, o))
			fn(v, o, i, r, ctx);
	}
}

typedef struct zc_owner_walk { zc_owner_fn *fn; } zc_owner_walk;

static int zc_owner_walk_(const zl_model *m, const zl_view *v, zl_report *r,
                   void *ctx)
{
	(void)m;
	zc_each_owner(v, r, ((const zc_owner_walk *)ctx)->fn, NULL);
	return 0;
}

int zc_each_view_owner(const zl_model *m, zl_report *r, zc_owner_fn *fn)
{
	zc_owner_walk walk = { fn };

	return zc_each_view_ctx(m, r, zc_owner_walk_, &walk);
}

bool zc_has(const zl_view *v, const zl_name *n, uint16_t t)
{
	zl_iter it;

	return zl_view_find(v, n, t, &it) != NULL;
}

bool zc_has_address_at(const zl_view *v, const zl_name *n)
{
	zl_iter it;

	for (const zl_record *x = zl_view_find(v, n, 0, &it); x; x = zl_iter_next(&it))
		if (zl_record_type(x) == ZL_TYPE_A || zl_record_type(x) == ZL_TYPE_AAAA)
			return true;
	return false;
}

bool zc_has_address(const zl_model *m, const zl_view *v,
                    const zl_name *n)
{
	zl_iter it;
	char text[1100];

	if (zl_view_find(v, n, 0, &it))
		return zc_has_address_at(v, n);
	for (const zl_name *a = zl_name_parent(n); a && zc_in_zone(v, a);
	     a = zl_name_parent(a)) {
		snprintf(text, sizeof(text), "*.%s", zl_name_labels(a) ? zl_name_text(a) : "");
		const zl_name *star = zl_model_name(m, text);
		if (star && zl_view_find(v, star, 0, &it))
			return zc_has_address_at(v, star);
		if (zl_view_find(v, a, 0, &it))
			return false;
	}
	return false;
}

bool zc_below_dname(const zl_view *v, const zl_name *n)
{
	zl_iter it;

	if (!zl_view_shape_records(v, ZL_TYPE_DNAME, &it))
		return false;             /* the zone has none: no lookups */
	for (const zl_name *a = zl_name_parent(n); a && zc_in_zone(v, a);
	     a = zl_name_parent(a))
		if (zc_has(v, a, ZL_TYPE_DNAME))
			return true;
	return false;
}

char *zc_data(const zl_record *rec, char *buf, size_t size)
{
	return zl_record_rdata_text(rec, buf, size);
}

const char *zc_type(uint16_t type, char buf[16])
{
	const char *name = zl_type_name(type);

	if (name)
		return name;
	snprintf(buf, 16, "TYPE%u", (unsigned)type);
	return buf;
}

char *zc_describe(const zl_record *rec, char *buf, size_t size)
{
	char data[ZC_DATA_MAX], tb[16];

	if (zl_record_type(rec) == ZL_TYPE_SOA) {
		snprintf(buf, size, "SOA serial %u", (unsigned)zl_record_field_int(rec, ZL_SOA_SERIAL));
		return buf;
	}
	size_t len = strlen(zc_data(rec, data, sizeof(data)));
	bool cut = len > ZC_DESC_DATA;
	snprintf(buf, size, "%s%s%.*s%s", zc_type(zl_record_type(rec), tb),
	         len ? " " : "", (int)(cut ? ZC_DESC_DATA - 3 : len), data, cut ? "..." : "");
	return buf;
}

char *zc_line_of(const zl_view *v, const zl_record *later,
                 const zl_record *earlier, char *buf, size_t size)
{
	zl_location a = zl_record_location(v, later);
	zl_location b = zl_record_location(v, earlier);

	if (a.file == b.file || strcmp(a.file, b.file) == 0)
		snprintf(buf, size, "line %u", (unsigned)b.line);
	else
		snprintf(buf, size, "%s:%u", b.file, (unsigned)b.line);
	return buf;
}

zl_finding *zc_report(zl_report *r, const zl_view *v,
                      const zl_record *rec, const char *fmt, ...)
{
	char msg[2048], data[ZC_DATA_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	zl_finding *f = zl_report_add(r, zl_record_location(v, rec), "%s", msg);
	zl_finding_zone(f, zc_origin(v));
	zl_finding_owner(f, zl_record_owner(rec));
	zl_finding_data(f, zc_data(rec, data, sizeof(data)));
	return f;
}

zl_finding *zc_report_conflict(zl_report *r, const zl_view *v,
                               const zl_record *later,
                               const zl_record *earlier,
                               const char *relation)
{
	char a[ZC_DESC_MAX], b[ZC_DESC_MAX], at[1100] = "", line[1100];
	const zl_name *eo = zl_record_owner(earlier);

	if (eo != zl_record_owner(later))
		snprintf(at, sizeof(at), " at %s", zl_name_text(eo));
	return zc_report(r, v, later, "%s at %s %s %s%s (%s)", zc_describe(later, a, sizeof(a)),
	                 zl_name_text(zl_record_owner(later)), relation,
	                 zc_describe(earlier, b, sizeof(b)), at,
	                 zc_line_of(v, later, earlier, line, sizeof(line)));
}

zl_finding *zc_report_missing(zl_report *r, const zl_view *v,
                              const char *what)
{
	const zl_name *origin = zc_origin(v);
	zl_finding *f = zl_report_add(r, zl_view_soa_location(v), "zone %s has no %s",
	                              zl_name_text(origin), what);

	zl_finding_zone(f, origin);
	zl_finding_owner(f, origin);
	return f;
}

static int zc_cmp_name_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const zl_name *const *)a;
	uintptr_t y = (uintptr_t)*(const zl_name *const *)b;

	return (x > y) - (x < y);
}

void zc_names_free(zc_names *s)
{
	free(s->v);
	*s = (zc_names){ NULL, 0, 0 };
}

bool zc_names_has(const zc_names *s, const zl_name *n)
{
	return s->n && bsearch(&n, s->v, s->n, sizeof(*s->v), zc_cmp_name_ptr);
}

int zc_names_add(zc_names *s, const zl_name *n)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		const zl_name **p = realloc(s->v, cap * sizeof(*p));
		if (!p) {
			zc_names_free(s);
			return -1;
		}
		s->v = p;
		s->cap = cap;
	}
	s->v[s->n++] = n;
	return 0;
}

void zc_names_sort(zc_names *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), zc_cmp_name_ptr);
}

/* o is an in-zone owner to list (the apex only when `apex`). */
static bool zc_listed_owner(const zl_view *v, const zl_name *o, bool apex)
{
	return zc_in_zone(v, o) && (apex || o != zc_origin(v));
}

int zc_owners_with(const zl_view *v, uint16_t type, bool apex,
                   zc_names *out)
{
	zl_iter it;
	const zl_record *x = zl_view_shape_records(v, type, &it);
	bool listed = type == ZL_TYPE_SOA || type == ZL_TYPE_NS || type == ZL_TYPE_DNAME;

	*out = (zc_names){ NULL, 0, 0 };
	/* SOA, NS and DNAME records the view lists: as many steps as there
	 * are of them.  Any other type: a walk of every owner. */
	for (; x; x = zl_iter_next(&it))
		if (zc_listed_owner(v, zl_record_owner(x), apex) &&
		    zc_names_add(out, zl_record_owner(x)) != 0)
			return -1;
	for (size_t i = 0; !listed && i < zl_view_owner_count(v); i++) {
		const zl_name *o = zl_view_owner(v, i);
		if (zc_listed_owner(v, o, apex) && zl_view_owner_records(v, i, type, &it) &&
		    zc_names_add(out, o) != 0)
			return -1;
	}
	zc_names_sort(out);
	/* An owner with several such records was added once for each. */
	size_t n = 0;
	for (size_t i = 0; i < out->n; i++)
		if (n == 0 || out->v[n - 1] != out->v[i])
			out->v[n++] = out->v[i];
	out->n = n;
	return 0;
}

const zl_name *zc_enclosing(const zc_names *s, const zl_view *v,
                            const zl_name *n, bool self)
{
	const zl_name *origin = zc_origin(v);

	if (!s->n)
		return NULL;
	for (const zl_name *a = self ? n : zl_name_parent(n);
	     a && zl_name_labels(a) >= zl_name_labels(origin); a = zl_name_parent(a))
		if (zc_names_has(s, a))
			return a;
	return NULL;
}

int zc_cuts(const zl_view *v, zc_names *out)
{
	return zc_owners_with(v, ZL_TYPE_NS, false, out);
}

bool zc_below_cut(const zc_names *cuts, const zl_view *v,
                  const zl_name *n)
{
	return zc_enclosing(cuts, v, n, true) != NULL;
}

bool zc_authoritative(const zc_names *cuts, const zl_view *v,
                      const zl_record *rec)
{
	const zl_name *o = zl_record_owner(rec);
	const zl_name *cut = zc_enclosing(cuts, v, o, true);

	if (!zc_in_zone(v, o))
		return false;
	return !cut || (cut == o && zl_record_type(rec) == ZL_TYPE_NS &&
	                !zc_enclosing(cuts, v, o, false));
}

const zl_name *zc_host_target(const zl_record *rec)
{
	uint16_t t = zl_record_type(rec);
	const zl_name *n;

	if (t != ZL_TYPE_NS && t != ZL_TYPE_MX && t != ZL_TYPE_SRV)
		return NULL;
	n = zl_record_target(rec);
	return n && zl_name_labels(n) > 0 ? n : NULL;
}

int zc_each_local_target(const zl_model *m, const zl_view *v,
                         zl_report *r, zc_target_fn *fn)
{
	zc_names cuts;

	if (zc_cuts(v, &cuts) != 0)
		return -1;
	for (size_t i = 0; i < zl_view_record_count(v); i++) {
		const zl_record *rec = zl_view_record(v, i);
		const zl_name *t = zc_host_target(rec);
		if (t && zc_in_zone(v, t) && !zc_below_cut(&cuts, v, t) &&
		    zc_authoritative(&cuts, v, rec))
			fn(m, v, r, rec, t);
	}
	zc_names_free(&cuts);
	return 0;
}

typedef struct zc_target_walk { zc_target_fn *fn; } zc_target_walk;

static int zc_target_walk_(const zl_model *m, const zl_view *v, zl_report *r,
                    void *ctx)
{
	return zc_each_local_target(m, v, r, ((const zc_target_walk *)ctx)->fn);
}

int zc_each_view_local_target(const zl_model *m, zl_report *r,
                              zc_target_fn *fn)
{
	zc_target_walk walk = { fn };

	return zc_each_view_ctx(m, r, zc_target_walk_, &walk);
}
