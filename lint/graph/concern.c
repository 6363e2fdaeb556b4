/*
 * lint/graph/concern.c - findings mapped onto servers and replication
 * connections, for the pictures of the HTML and DOT writers.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

/* A partner finding is about a pair (S, P): `server` is the partner P
 * holding S's wrong records, S the server it involves (KB 914050). */
static bool is_partner_finding(const zl_finding *f)
{
	return (f->rule->tags & ZL_TAG_PARTNER) != 0;
}

size_t zl_concerns_index(const zl_concerns *c, const char *name)
{
	size_t lo = 0, hi = c->n;

	while (name && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(zl_name_text(zl_server_name(zl_model_server(c->model, mid))),
		               name);
		if (d == 0)
			return mid;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

/* Slot of b among a's partners (sorted by name), or SIZE_MAX. */
static size_t pair_slot(const zl_concerns *c, size_t a, size_t b)
{
	const zl_server *s = zl_model_server(c->model, a);
	const char *name = zl_name_text(zl_server_name(zl_model_server(c->model, b)));
	size_t lo = 0, hi = zl_server_partner_count(s);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(zl_name_text(zl_server_name(zl_server_partner(s, mid))), name);
		if (d == 0)
			return c->first[a] + mid;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

zl_severity zl_concerns_pair(const zl_concerns *c, size_t a, size_t b)
{
	size_t slot = pair_slot(c, a, b);

	return slot == SIZE_MAX ? ZL_SEVERITY_OFF : c->pair[slot];
}

static void raise_to(zl_severity *worst, zl_severity s)
{
	if (s > *worst)
		*worst = s;
}

/* ---- which servers a finding concerns ------------------------------------ */

static int cmp_view_file(const void *a, const void *b)
{
	return strcmp(zl_view_file(*(const zl_view *const *)a),
	              zl_view_file(*(const zl_view *const *)b));
}

/* A finding with no server, in the file of views: it concerns every
 * server holding one of them (zone-pack findings are per view, SPEC 3). */
static void each_view_server(const zl_concerns *c, const zl_finding *f,
                             zl_concern_fn *fn, void *ctx)
{
	size_t lo = 0, hi = c->nviews;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(zl_view_file(c->views[mid]), f->file) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->nviews && strcmp(zl_view_file(c->views[lo]), f->file) == 0; lo++) {
		for (size_t k = 0; k < zl_view_server_count(c->views[lo]); k++) {
			const zl_server *s = zl_view_server(c->views[lo], k);
			size_t i = zl_concerns_index(c, zl_name_text(zl_server_name(s)));
			if (i < c->n)
				fn(i, ZL_CONCERN_VIEW, ctx);
		}
	}
}

void zl_concerns_each(const zl_concerns *c, const zl_finding *f, zl_concern_fn *fn,
                      void *ctx)
{
	size_t holder = zl_concerns_index(c, f->server);

	if (holder < c->n)
		fn(holder, ZL_CONCERN_SERVER, ctx);
	else if (!f->server && f->file)
		each_view_server(c, f, fn, ctx);
	for (size_t k = 0; k < f->involves.n; k++) {
		size_t subject = zl_concerns_index(c, f->involves.v[k]);
		if (subject < c->n && subject != holder)
			fn(subject, ZL_CONCERN_SUBJECT, ctx);
	}
}

/* ---- colours ------------------------------------------------------------- */

typedef struct adding {
	zl_concerns *c;
	const zl_finding *f;
} adding;

static void add_concern(size_t i, zl_concern_kind kind, void *ctx)
{
	adding *a = ctx;

	(void)kind;
	raise_to(&a->c->worst[i], a->f->severity);
	a->c->count[i]++;
}

static void add_finding(zl_concerns *c, const zl_finding *f)
{
	adding a = { c, f };

	zl_concerns_each(c, f, add_concern, &a);
	for (size_t k = 0; is_partner_finding(f) && k < f->involves.n; k++) {
		size_t p = zl_concerns_index(c, f->server);
		size_t s = zl_concerns_index(c, f->involves.v[k]);
		size_t ps = p < c->n && s < c->n ? pair_slot(c, p, s) : SIZE_MAX;
		if (ps != SIZE_MAX) {
			raise_to(&c->pair[ps], f->severity);
			raise_to(&c->pair[pair_slot(c, s, p)], f->severity);
		}
	}
	/* The partners a repair plan names are where its commands run. */
	for (size_t k = 0; k < f->partners.n; k++) {
		size_t i = zl_concerns_index(c, f->partners.v[k]);
		if (i < c->n)
			c->repair[i] = true;
	}
}

/* ---- life cycle -------------------------------------------------------- */

static bool alloc_arrays(zl_concerns *c)
{
	size_t n = c->n ? c->n : 1, pairs = 0;

	c->first = calloc(n + 1, sizeof(*c->first));
	if (!c->first)
		return false;
	for (size_t i = 0; i < c->n; i++) {
		c->first[i] = pairs;
		pairs += zl_server_partner_count(zl_model_server(c->model, i));
	}
	c->first[c->n] = pairs;
	c->worst = calloc(n, sizeof(*c->worst));
	c->count = calloc(n, sizeof(*c->count));
	c->repair = calloc(n, sizeof(*c->repair));
	c->pair = calloc(pairs ? pairs : 1, sizeof(*c->pair));
	return c->worst && c->count && c->repair && c->pair;
}

zl_concerns *zl_concerns_new(const zl_results *r, const zl_model *m)
{
	zl_concerns *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->model = m;
	c->n = zl_model_server_count(m);
	c->nviews = zl_model_view_count(m);
	c->views = calloc(c->nviews ? c->nviews : 1, sizeof(*c->views));
	if (!c->views || !alloc_arrays(c)) {
		zl_concerns_free(c);
		return NULL;
	}
	for (size_t i = 0; i < c->nviews; i++)
		c->views[i] = zl_model_view(m, i);
	qsort(c->views, c->nviews, sizeof(*c->views), cmp_view_file);
	for (size_t i = 0; i < r->findings.n; i++)
		add_finding(c, r->findings.v[i]);
	return c;
}

void zl_concerns_free(zl_concerns *c)
{
	if (!c)
		return;
	free(c->worst);
	free(c->count);
	free(c->repair);
	free(c->first);
	free(c->pair);
	free(c->views);
	free(c);
}
