/*
 * lint/graph/graph.c - the replication graph as a Graphviz graph (cgraph),
 * of servers or of sites.  `--format dot` writes it as DOT text
 * (lint/writers/dot.c); the HTML report lays it out with `dot` and embeds
 * it as SVG (lint/writers/html.c).
 *
 * Layout choices for 200 DCs (docs/report.md): one cluster per AD site,
 * a connection both ways as one double-headed arrow, concentrate=true to
 * bundle parallel edges, short labels (the name below the forest root).
 */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Severity colours: fill for nodes and badges, line for borders, edges and
 * text.  Chosen to stay apart in grey print and for red-green blindness
 * (the line colours differ in lightness too). */
static const zl_palette palettes[] = {
	[ZL_SEVERITY_OFF] = { "#e3f2e1", "#2e7d32" },
	[ZL_SEVERITY_INFO] = { "#e1ecf8", "#1f5fa8" },
	[ZL_SEVERITY_WARNING] = { "#fdefcf", "#9a5b00" },
	[ZL_SEVERITY_ERROR] = { "#fbdada", "#b3261e" },
};

/* A connection without partner findings. */
#define EDGE_PLAIN "#8c8c8c"

const zl_palette *zl_severity_palette(zl_severity s)
{
	return &palettes[s <= ZL_SEVERITY_ERROR ? s : ZL_SEVERITY_ERROR];
}

/* Defaults written once at the top of the DOT text. */
static const char *const graph_defaults[][2] = {
	{ "concentrate", "true" }, { "rankdir", "TB" },
	{ "nodesep", "0.15" }, { "ranksep", "0.35" }, { "fontname", "Helvetica" },
	{ "fontsize", "11" }, { "labeljust", "l" }, { "style", "rounded,filled" },
	{ "fillcolor", "#f7f7f7" }, { "color", "#b0b0b0" },
};
static const char *const node_defaults[][2] = {
	{ "shape", "box" }, { "style", "rounded,filled" }, { "fontname", "Helvetica" },
	{ "fontsize", "10" }, { "height", "0.3" }, { "margin", "0.12,0.04" },
	{ "penwidth", "1" }, { "peripheries", "1" },
};
static const char *const edge_defaults[][2] = {
	{ "color", EDGE_PLAIN }, { "arrowsize", "0.6" }, { "penwidth", "1" },
	{ "style", "solid" }, { "dir", "forward" }, { "constraint", "true" },
};

#define COUNT(a) (sizeof(a) / sizeof(*(a)))

static void set_defaults(Agraph_t *g, int kind, const char *const (*kv)[2], size_t n)
{
	for (size_t i = 0; i < n; i++)
		agattr(g, kind, (char *)kv[i][0], (char *)kv[i][1]);
}

/* ---- text ---------------------------------------------------------------- */

/*
 * Labels and tooltips are Graphviz escStrings: a backslash starts an
 * escape (\N, \n, ...), so the model's own backslashes ("a\032b") are
 * doubled, and line breaks are written as \n.  For SVG, '&' becomes
 * "&amp;": Graphviz's SVG renderer keeps a '&' that starts an entity as
 * it is, so "R&amp;D" would show as "R&D".
 *
 * In DOT text no string may hold a backslash at all: agwrite escapes '"'
 * as \" but writes a backslash as it is, and the DOT lexer has no escape
 * for a backslash, so one before a quote (a site named "x\") ends the
 * string early and the rest of the name is read as DOT, up to an SVG link
 * to javascript: once rendered.  A backslash is written as the entity
 * &#92;, which Graphviz reads back as a backslash before it reads an
 * escString (so twice there).
 *
 * Controls, bidirectional controls and bytes that are not UTF-8 are first
 * written as \xHH (zl_shown_as_bytes), so that no ESC, BEL or U+202E from
 * the inventory reaches the SVG or DOT text.
 * Returns malloc'd text, NULL when memory runs out.
 */
static char *graph_text(const char *raw, zl_graph_target t, bool escstring)
{
	char *in = zl_escape_dup(raw, zl_visible_line_len);
	size_t n = 1;

	if (!in)
		return NULL;
	for (const char *p = in; *p; p++)
		n += *p == '\\' ? 10 : *p == '&' ? 5 : *p == '\n' ? 2 : 1;
	char *out = malloc(n), *o = out;
	if (!out) {
		free(in);
		return NULL;
	}
	for (const char *p = in; *p; p++) {
		if (*p == '&' && t == ZL_GRAPH_SVG)
			o += sprintf(o, "&amp;");
		else if (*p == '\\' && t == ZL_GRAPH_DOT)
			o += sprintf(o, escstring ? "&#92;&#92;" : "&#92;");
		else if (*p == '\\' && escstring)
			o += sprintf(o, "\\\\");
		else if (*p == '\n' && escstring)
			o += sprintf(o, "\\n");
		else
			*o++ = *p;
	}
	*o = '\0';
	free(in);
	return out;
}

/* Sets attribute `key` of object obj to text from the model. */
static int set_text(void *obj, const char *key, const char *value, zl_graph_target t)
{
	char *v = graph_text(value, t, true);

	if (!v)
		return -1;
	agsafeset(obj, (char *)key, v, "");
	free(v);
	return 0;
}

static int set_attr(void *obj, const char *key, const char *value)
{
	return agsafeset(obj, (char *)key, (char *)value, "");
}

/* The node's label: its name below the forest root ("dc06.emea" for
 * dc06.emea.corp.example.net. in forest corp.example.net.), else the name
 * without the root's dot: short enough for 200 boxes to stay legible. */
static void short_name(const zl_model *m, const zl_server *s, char *buf, size_t size)
{
	const char *name = zl_name_text(zl_server_name(s));
	const zl_name *forest = zl_model_forest(m);
	size_t len = strlen(name);

	if (forest && zl_name_labels(forest) > 0 &&
	    zl_name_is_below(zl_server_name(s), forest) &&
	    zl_server_name(s) != forest)
		len -= strlen(zl_name_text(forest)) + 1;
	else if (len > 1)
		len--;
	snprintf(buf, size, "%.*s", (int)len, name);
}

/* ---- nodes ----------------------------------------------------------------- */

/* "3 findings, worst error": what the node's colour means. */
static void describe_findings(FILE *f, const zl_concerns *c, size_t i)
{
	if (!c->count[i])
		fputs("no findings", f);
	else
		fprintf(f, "%zu finding%s, worst %s", c->count[i], c->count[i] == 1 ? "" : "s",
		        zl_severity_name(c->worst[i]));
	if (c->repair[i])
		fputs("\na repair plan names it: run the plan's commands here", f);
}

static char *node_tooltip(const zl_concerns *c, size_t i)
{
	const zl_server *s = zl_model_server(c->model, i);
	char *text = NULL, addr[ZL_ADDR_TEXT_MAX];
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (!f)
		return NULL;
	fprintf(f, "%s", zl_name_text(zl_server_name(s)));
	if (zl_server_site(s))
		fprintf(f, "\nsite %s", zl_server_site(s));
	for (size_t k = 0; k < zl_server_address_count(s); k++) {
		const zl_prefix *p = zl_server_address(s, k);
		fprintf(f, "%s%s/%u", k ? ", " : "\n", zl_addr_format(&p->addr, addr,
		        sizeof(addr)), p->length);
	}
	if (zl_server_os(s))
		fprintf(f, "\n%s", zl_server_os(s));
	fputc('\n', f);
	describe_findings(f, c, i);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

static int style_node(Agnode_t *n, const zl_concerns *c, size_t i, zl_graph_target t)
{
	const zl_palette *p = zl_severity_palette(c->worst[i]);
	const zl_server *s = zl_model_server(c->model, i);
	char label[1200], href[32];
	char *tip = node_tooltip(c, i);
	int rc = tip ? 0 : -1;

	short_name(c->model, s, label, sizeof(label));
	if (c->repair[i])
		strcat(label, "\n(fix here)");
	/* The HTML report has a section for each server with findings, and a
	 * forest table row for every server. */
	snprintf(href, sizeof(href), "#%c-%zu", c->count[i] ? 's' : 't', i);
	rc |= set_text(n, "label", label, t);
	set_attr(n, "fillcolor", p->fill);
	set_attr(n, "color", p->line);
	set_attr(n, "href", href);
	if (c->worst[i] >= ZL_SEVERITY_WARNING)
		set_attr(n, "penwidth", c->worst[i] == ZL_SEVERITY_ERROR ? "2.5" : "1.8");
	if (c->repair[i])
		set_attr(n, "peripheries", "2");
	if (tip)
		rc |= set_text(n, "tooltip", tip, t);
	free(tip);
	return rc;
}

/* The cluster of site `site` ("cluster_" + its name: Graphviz draws a
 * subgraph named cluster* as a box), made on first use; NULL: the root. */
static Agraph_t *site_graph(Agraph_t *g, const char *site, zl_graph_target t)
{
	char *name, *text;
	Agraph_t *sub;

	if (!site)
		return g;
	text = graph_text(site, t, false);
	name = text ? malloc(strlen(text) + 9) : NULL;
	if (!name) {
		free(text);
		return NULL;
	}
	sprintf(name, "cluster_%s", text);
	sub = agsubg(g, name, 0);
	if (!sub) {
		sub = agsubg(g, name, 1);
		if (sub && set_text(sub, "label", site, t) != 0)
			sub = NULL;
	}
	free(name);
	free(text);
	return sub;
}

static Agnode_t *add_node(Agraph_t *g, const zl_concerns *c, size_t i, zl_graph_target t)
{
	const zl_server *s = zl_model_server(c->model, i);
	Agraph_t *sub = site_graph(g, zl_server_site(s), t);
	char *name = graph_text(zl_name_text(zl_server_name(s)), t, false);
	Agnode_t *n = sub && name ? agnode(sub, name, 1) : NULL;

	free(name);
	if (n && style_node(n, c, i, t) != 0)
		return NULL;
	return n;
}

/* ---- edges ----------------------------------------------------------------- */

static bool replicates_from(const zl_server *y, const zl_server *x)
{
	for (size_t k = 0; k < zl_server_inbound_count(y); k++)
		if (zl_server_inbound(y, k) == x)
			return true;
	return false;
}

static bool same_site(const zl_server *x, const zl_server *y)
{
	const char *a = zl_server_site(x), *b = zl_server_site(y);

	return a && b && strcmp(a, b) == 0;
}

static char *edge_tooltip(const zl_server *x, const zl_server *y, bool both,
                          zl_severity worst)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (!f)
		return NULL;
	if (both)
		fprintf(f, "%s and %s replicate from each other",
		        zl_name_text(zl_server_name(x)), zl_name_text(zl_server_name(y)));
	else
		fprintf(f, "%s replicates from %s", zl_name_text(zl_server_name(y)),
		        zl_name_text(zl_server_name(x)));
	if (worst != ZL_SEVERITY_OFF)
		fprintf(f, "\nworst partner finding between them: %s", zl_severity_name(worst));
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* Partner findings show on the connection between the two servers, in
 * whichever direction it runs: they are about what one holds of the other. */
static int style_edge(Agedge_t *e, const zl_server *x, const zl_server *y, bool both,
                      zl_severity worst, zl_graph_target t)
{
	char *tip = edge_tooltip(x, y, both, worst);
	int rc = tip ? set_text(e, "tooltip", tip, t) : -1;

	free(tip);
	if (both)
		set_attr(e, "dir", "both");
	/* Ranks follow replication inside a site; a connection between sites
	 * would push each site a rank below the previous one (a staircase
	 * 200 DCs wide), so it does not rank: the sites stand side by side. */
	if (!same_site(x, y))
		set_attr(e, "constraint", "false");
	if (worst == ZL_SEVERITY_OFF)
		return rc;
	set_attr(e, "color", zl_severity_palette(worst)->line);
	set_attr(e, "penwidth", worst == ZL_SEVERITY_ERROR ? "2.5" : "1.8");
	if (worst == ZL_SEVERITY_WARNING)
		set_attr(e, "style", "dashed");
	return rc;
}

/* Y's inbound connections: X -> Y, data flowing from X to Y (SPEC 2). */
static int add_edges(Agraph_t *g, const zl_concerns *c, Agnode_t **nodes, size_t yi,
                     zl_graph_target t)
{
	const zl_server *y = zl_model_server(c->model, yi);

	for (size_t k = 0; k < zl_server_inbound_count(y); k++) {
		const zl_server *x = zl_server_inbound(y, k);
		size_t xi = zl_concerns_index(c, zl_name_text(zl_server_name(x)));
		bool both = replicates_from(x, y);
		if (xi >= c->n || xi == yi || (both && xi > yi))
			continue;       /* drawn once, from the lower index */
		if (agedge(g, nodes[xi], nodes[yi], NULL, 0))
			continue;       /* listed twice */
		Agedge_t *e = agedge(g, nodes[xi], nodes[yi], NULL, 1);
		if (!e || style_edge(e, x, y, both, zl_concerns_pair(c, xi, yi), t) != 0)
			return -1;
	}
	return 0;
}

/* ---- the graph ------------------------------------------------------------- */

/*
 * Object IDs in creation order.  cgraph's default ID discipline makes a
 * named object's ID the address of its interned name, and keeps
 * subgraphs ordered by ID: the sites' clusters came out in heap order,
 * which differs from one build to another.  This discipline numbers
 * names as they come (even IDs; anonymous objects, edges, get odd ones),
 * so clusters are laid out and written in the order they were made.  The
 * names are still cgraph's reference-counted strings (agstrdup), which
 * agwrite expects of a name, and agclose frees them with the graph.
 */
typedef struct ids {
	Agraph_t *graph;           /* ref only: the root graph */
	IDTYPE anonymous;          /* anonymous objects so far */
	VEC(char *) names;         /* name of ID 2 * (i + 1), agstrdup'ed */
} ids;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
	ids *t = calloc(1, sizeof(*t));

	(void)disc;
	if (t)
		t->graph = g;
	return t;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	ids *t = state;
	char *name;

	(void)objtype;
	if (!t)
		return 0;          /* ids_open ran out of memory */
	if (!str) {
		*id = t->anonymous++ * 2 + 1;
		return 1;
	}
	for (size_t i = 0; i < t->names.n; i++) {
		if (strcmp(t->names.v[i], str) == 0) {
			*id = (IDTYPE)(i + 1) * 2;
			return 1;
		}
	}
	if (!createflag || !(name = agstrdup(t->graph, str)))
		return 0;
	if (VEC_PUSH(t->names, name) != 0) {
		agstrfree(t->graph, name);
		return 0;
	}
	*id = (IDTYPE)t->names.n * 2;
	return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE request)
{
	(void)state;
	(void)objtype;
	(void)request;
	return 0;                  /* no ID chosen by the caller */
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;                  /* names live until the graph is closed */
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
	ids *t = state;

	(void)objtype;
	return t && id % 2 == 0 && id / 2 - 1 < t->names.n ? t->names.v[id / 2 - 1] : NULL;
}

/* The names themselves go with the graph's string table. */
static void ids_close(void *state)
{
	ids *t = state;

	if (t)
		VEC_FREE(t->names);
	free(t);
}

static void ids_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static const Agiddisc_t sequential_ids = {
	ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register,
};

static Agraph_t *graph_open(const zl_model *m)
{
	/* cgraph copies the three pointers and never writes through them. */
	Agdisc_t disc = { &AgMemDisc, (Agiddisc_t *)&sequential_ids, &AgIoDisc };
	Agraph_t *g = agopen("replication", Agdirected, &disc);
	const zl_name *forest = zl_model_forest(m);
	char *label = NULL;
	size_t size = 0;
	FILE *f;

	if (!g)
		return NULL;
	set_defaults(g, AGRAPH, graph_defaults, COUNT(graph_defaults));
	set_defaults(g, AGNODE, node_defaults, COUNT(node_defaults));
	set_defaults(g, AGEDGE, edge_defaults, COUNT(edge_defaults));
	f = open_memstream(&label, &size);
	if (!f)
		return g;
	fprintf(f, "AD replication of %s (arrows: direction data flows)",
	        forest ? zl_name_text(forest) : "the forest");
	if (fclose(f) == 0)
		agattr(g, AGRAPH, "tooltip", label);
	free(label);
	return g;
}

Agraph_t *zl_graph_new(const zl_concerns *c, zl_graph_target t)
{
	Agraph_t *g = graph_open(c->model);
	Agnode_t **nodes = calloc(c->n ? c->n : 1, sizeof(*nodes));

	if (!g || !nodes)
		goto fail;
	for (size_t i = 0; i < c->n; i++)
		if (!(nodes[i] = add_node(g, c, i, t)))
			goto fail;
	for (size_t i = 0; i < c->n; i++)
		if (add_edges(g, c, nodes, i, t) != 0)
			goto fail;
	free(nodes);
	return g;
fail:
	free(nodes);
	if (g)
		agclose(g);
	return NULL;
}

/* ---- the graph of sites ------------------------------------------------------ */

void zl_sites_free(zl_sites *s)
{
	if (!s)
		return;
	free(s->name);
	free(s->of);
	free(s->members);
	free(s->inside);
	free(s->worst);
	free(s);
}

/* Site names first by name, servers without one last. */
static int cmp_site(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	if (!x || !y)
		return (x == NULL) - (y == NULL);
	return strcmp(x, y);
}

/* Group of site name `site` among the sorted names. */
static size_t site_group(const zl_sites *s, const char *site)
{
	const char **hit = bsearch(&site, s->name, s->n, sizeof(*s->name), cmp_site);

	return hit ? (size_t)(hit - s->name) : s->n;
}

/* The distinct site names of the servers, sorted (NULL last). */
static bool site_names(zl_sites *s, const zl_model *m, size_t n)
{
	s->name = malloc((n + 1) * sizeof(*s->name));
	if (!s->name)
		return false;
	for (size_t i = 0; i < n; i++)
		s->name[i] = zl_server_site(zl_model_server(m, i));
	qsort(s->name, n, sizeof(*s->name), cmp_site);
	for (size_t i = 0; i < n; i++)
		if (s->n == 0 || cmp_site(&s->name[s->n - 1], &s->name[i]) != 0)
			s->name[s->n++] = s->name[i];
	return true;
}

/* An unordered pair of groups with a connection between them. */
typedef struct site_pair {
	size_t a, b;              /* a < b */
	size_t count;             /* connections */
	zl_severity worst;        /* worst partner finding among them */
} site_pair;

static int cmp_site_pair(const void *x, const void *y)
{
	const site_pair *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return (p->b > q->b) - (p->b < q->b);
}

/*
 * Calls fn for every connection between two servers once: (x, y) with
 * x < y, partners of each other.  Returns how many there are.
 */
typedef void connection_fn(size_t x, size_t y, void *ctx);

static size_t each_connection(const zl_concerns *c, connection_fn *fn, void *ctx)
{
	size_t n = 0;

	for (size_t x = 0; x < c->n; x++) {
		const zl_server *s = zl_model_server(c->model, x);
		for (size_t k = 0; k < zl_server_partner_count(s); k++) {
			size_t y = zl_concerns_index(c, zl_name_text(zl_server_name(
			                             zl_server_partner(s, k))));
			if (y < c->n && y > x) {
				n++;
				if (fn)
					fn(x, y, ctx);
			}
		}
	}
	return n;
}

typedef struct pair_list {
	const zl_concerns *c;
	const zl_sites *s;
	size_t *inside;           /* counts connections inside groups, or NULL */
	site_pair *v;
	size_t n;
} pair_list;

static void note_pair(size_t x, size_t y, void *ctx)
{
	pair_list *pl = ctx;
	size_t a = pl->s->of[x], b = pl->s->of[y];

	if (a == b) {
		if (pl->inside)
			pl->inside[a]++;
		return;
	}
	pl->v[pl->n++] = (site_pair){ a < b ? a : b, a < b ? b : a, 1,
	                              zl_concerns_pair(pl->c, x, y) };
}

/* The connections between groups, one entry a pair of groups, sorted. */
static site_pair *site_pairs(const zl_concerns *c, const zl_sites *s, size_t *inside,
                             size_t *count)
{
	pair_list pl = { c, s, inside, malloc((s->connections + 1) * sizeof(site_pair)), 0 };
	size_t k = 0;

	if (!pl.v)
		return NULL;
	each_connection(c, note_pair, &pl);
	qsort(pl.v, pl.n, sizeof(*pl.v), cmp_site_pair);
	for (size_t i = 0; i < pl.n; i++) {
		if (k && pl.v[k - 1].a == pl.v[i].a && pl.v[k - 1].b == pl.v[i].b) {
			pl.v[k - 1].count++;
			if (pl.v[i].worst > pl.v[k - 1].worst)
				pl.v[k - 1].worst = pl.v[i].worst;
			continue;
		}
		pl.v[k++] = pl.v[i];
	}
	*count = k;
	return pl.v;
}

zl_sites *zl_sites_new(const zl_concerns *c)
{
	zl_sites *s = calloc(1, sizeof(*s));
	size_t n = c->n;

	if (!s || !site_names(s, c->model, n))
		goto fail;
	s->of = malloc((n + 1) * sizeof(*s->of));
	s->members = calloc(s->n + 1, sizeof(*s->members));
	s->inside = calloc(s->n + 1, sizeof(*s->inside));
	s->worst = calloc(s->n + 1, sizeof(*s->worst));
	if (!s->of || !s->members || !s->inside || !s->worst)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		size_t g = site_group(s, zl_server_site(zl_model_server(c->model, i)));
		s->of[i] = g;
		s->members[g]++;
		if (c->worst[i] > s->worst[g])
			s->worst[g] = c->worst[i];
	}
	s->connections = each_connection(c, NULL, NULL);
	site_pair *pairs = site_pairs(c, s, s->inside, &s->links);
	if (!pairs)
		goto fail;
	free(pairs);
	return s;
fail:
	zl_sites_free(s);
	return NULL;
}

zl_graph_kind zl_graph_choose(const zl_concerns *c, const zl_sites *s)
{
	if (c->n <= ZL_GRAPH_MAX_NODES && s->connections <= ZL_GRAPH_MAX_EDGES)
		return ZL_GRAPH_SERVERS;
	/* One group of servers without a site is no map of anything. */
	if (s->n > 1 && s->n <= ZL_GRAPH_MAX_SITES && s->links <= ZL_GRAPH_MAX_EDGES)
		return ZL_GRAPH_SITES;
	return ZL_GRAPH_NONE;
}

static char *site_tooltip(const zl_sites *s, size_t g)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (!f)
		return NULL;
	fprintf(f, "%s: %zu server%s, %zu connection%s inside",
	        s->name[g] ? s->name[g] : "servers without a site", s->members[g],
	        s->members[g] == 1 ? "" : "s", s->inside[g], s->inside[g] == 1 ? "" : "s");
	if (s->worst[g] != ZL_SEVERITY_OFF)
		fprintf(f, "\nworst finding: %s", zl_severity_name(s->worst[g]));
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

static Agnode_t *add_site(Agraph_t *g, const zl_sites *s, size_t k, zl_graph_target t)
{
	const zl_palette *p = zl_severity_palette(s->worst[k]);
	char id[32], label[1200];
	Agnode_t *n;
	char *tip = site_tooltip(s, k);

	snprintf(id, sizeof(id), "site %zu", k);
	n = tip ? agnode(g, id, 1) : NULL;
	snprintf(label, sizeof(label), "%s\n%zu server%s", s->name[k] ? s->name[k] : "(no site)",
	         s->members[k], s->members[k] == 1 ? "" : "s");
	if (n && (set_text(n, "label", label, t) != 0 || set_text(n, "tooltip", tip, t) != 0))
		n = NULL;
	if (n) {
		set_attr(n, "fillcolor", p->fill);
		set_attr(n, "color", p->line);
		set_attr(n, "href", "#forest");
		if (s->worst[k] >= ZL_SEVERITY_WARNING)
			set_attr(n, "penwidth", s->worst[k] == ZL_SEVERITY_ERROR ? "2.5" : "1.8");
	}
	free(tip);
	return n;
}

static int add_site_link(Agraph_t *g, Agnode_t **nodes, const zl_sites *s,
                         const site_pair *p, zl_graph_target t)
{
	Agedge_t *e = agedge(g, nodes[p->a], nodes[p->b], NULL, 1);
	char count[32], width[32], tip[2400];
	unsigned w = 1;

	if (!e)
		return -1;
	for (size_t k = p->count; k > 1; k /= 2)
		w++;                  /* 1 + log2: a hundred connections, 7 wide */
	snprintf(count, sizeof(count), "%zu", p->count);
	snprintf(width, sizeof(width), "%u", w > 8 ? 8 : w);
	snprintf(tip, sizeof(tip), "%zu connection%s between %s and %s%s%s", p->count,
	         p->count == 1 ? "" : "s", s->name[p->a] ? s->name[p->a] : "(no site)",
	         s->name[p->b] ? s->name[p->b] : "(no site)",
	         p->worst != ZL_SEVERITY_OFF ? "\nworst partner finding: " : "",
	         p->worst != ZL_SEVERITY_OFF ? zl_severity_name(p->worst) : "");
	set_attr(e, "dir", "none");
	set_attr(e, "constraint", "false");
	set_attr(e, "xlabel", count);
	set_attr(e, "penwidth", width);
	if (p->worst != ZL_SEVERITY_OFF)
		set_attr(e, "color", zl_severity_palette(p->worst)->line);
	if (p->worst == ZL_SEVERITY_WARNING)
		set_attr(e, "style", "dashed");
	return set_text(e, "tooltip", tip, t);
}

/*
 * Sites in rows of about the square root of their number: dot ranks along
 * edges, so a ring of 250 sites came out as one line 8 metres wide.  The
 * connections do not rank (constraint=false); invisible edges from each
 * site to the one a row further down do, which makes a square.
 */
static int site_grid(Agraph_t *g, Agnode_t **nodes, size_t n)
{
	size_t cols = 1;
	char name[48];

	while (cols * cols < n)
		cols++;
	for (size_t k = 0; k + cols < n; k++) {
		snprintf(name, sizeof(name), "grid %zu", k);
		Agedge_t *e = agedge(g, nodes[k], nodes[k + cols], name, 1);
		if (!e)
			return -1;
		set_attr(e, "style", "invis");
		set_attr(e, "dir", "none");
		set_attr(e, "constraint", "true");
	}
	return 0;
}

Agraph_t *zl_site_graph_new(const zl_concerns *c, const zl_sites *s, zl_graph_target t)
{
	Agraph_t *g = graph_open(c->model);
	Agnode_t **nodes = calloc(s->n + 1, sizeof(*nodes));
	size_t npairs = 0;
	site_pair *pairs = g && nodes ? site_pairs(c, s, NULL, &npairs) : NULL;

	if (!pairs)
		goto fail;
	/* No clusters and no bundling: a few hundred plain nodes lay out in
	 * a second. */
	agattr(g, AGRAPH, "concentrate", "false");
	agattr(g, AGEDGE, "fontsize", "9");
	agattr(g, AGEDGE, "xlabel", "");
	for (size_t k = 0; k < s->n; k++)
		if (!(nodes[k] = add_site(g, s, k, t)))
			goto fail;
	for (size_t i = 0; i < npairs; i++)
		if (add_site_link(g, nodes, s, &pairs[i], t) != 0)
			goto fail;
	if (site_grid(g, nodes, s->n) != 0)
		goto fail;
	free(pairs);
	free(nodes);
	return g;
fail:
	free(pairs);
	free(nodes);
	if (g)
		agclose(g);
	return NULL;
}
