/*
 * lint/graph/graph.h - what the HTML and DOT writers share (private): which
 * servers and replication connections each finding concerns, and the
 * replication graph built from them (docs/report.md says why each choice).
 *
 * Writers see the model read-only, through include/zonelint/model.h only.
 */
#ifndef ZL_GRAPH_H
#define ZL_GRAPH_H

#include <cgraph.h>

#include "engine.h"

/*
 * The findings mapped onto the forest: for every server (index i in the
 * model's order, sorted by name) the worst finding concerning it, and for
 * every pair of replication partners the worst partner finding about one
 * of them held by the other.  "Concerning server X" means: its `server`
 * is X; or it involves X (zl_finding_involves: the subject of a partner
 * finding, of a rule tagged ZL_TAG_PARTNER); or it has no `server` and
 * lies in the file of a view X holds.
 */
typedef struct zl_concerns {
	const zl_model *model;    /* ref only */
	size_t n;                 /* servers */
	zl_severity *worst;       /* [n] worst severity concerning i; OFF: none */
	size_t *count;            /* [n] findings concerning i */
	bool *repair;             /* [n] a repair plan names i to fix
	                           * (zl_finding_partner) */
	size_t *first;            /* [n + 1] i's partners' slots in pair[] */
	zl_severity *pair;        /* worst partner finding between i and its
	                           * j-th partner (zl_server_partner order) */
	const zl_view **views;    /* the model's views sorted by file */
	size_t nviews;
} zl_concerns;

/* How a finding concerns a server. */
typedef enum zl_concern_kind {
	ZL_CONCERN_SERVER,        /* it is the finding's `server` */
	ZL_CONCERN_SUBJECT,       /* partner finding about its host records */
	ZL_CONCERN_VIEW,          /* no `server`; in a file of a view it holds */
} zl_concern_kind;

typedef void zl_concern_fn(size_t server, zl_concern_kind kind, void *ctx);

/* NULL when memory runs out. */
zl_concerns *zl_concerns_new(const zl_results *r, const zl_model *m);
void zl_concerns_free(zl_concerns *c);
/* Index of the server named `name` (canonical text), or SIZE_MAX. */
size_t zl_concerns_index(const zl_concerns *c, const char *name);
/* Calls fn for each server (index) that finding f concerns. */
void zl_concerns_each(const zl_concerns *c, const zl_finding *f, zl_concern_fn *fn,
                      void *ctx);
/* Worst partner finding between servers a and b (OFF: none, or not partners). */
zl_severity zl_concerns_pair(const zl_concerns *c, size_t a, size_t b);

/* How the graph is drawn: "dot" keeps text as is; "svg" pre-escapes '&'
 * because Graphviz's SVG renderer leaves "&amp;"-like text unescaped. */
typedef enum zl_graph_target { ZL_GRAPH_DOT, ZL_GRAPH_SVG } zl_graph_target;

/*
 * The replication graph (SPEC 2: an arrow X -> Y when Y replicates from
 * X; one double-headed arrow when both do): servers as nodes clustered by
 * site, coloured by c; nodes link to "#s-<index>" in the HTML report.
 * Free it with agclose.  NULL when memory runs out.
 */
Agraph_t *zl_graph_new(const zl_concerns *c, zl_graph_target t);

/*
 * How big a graph Graphviz is asked to lay out.  dot's layout grows much
 * faster than the graph: 200 servers in sites take about a second (the
 * 200-DC sample of docs/report.md), a full mesh of 300 servers (45,000
 * connections) more than ten minutes.  Up to
 * ZL_GRAPH_MAX_NODES servers and ZL_GRAPH_MAX_EDGES connections the
 * servers are drawn; above, the sites are (one node each, the connections
 * between two sites one line), when there are at most ZL_GRAPH_MAX_SITES
 * of them with at most ZL_GRAPH_MAX_EDGES lines between them; above that
 * nothing is laid out, and the report says so.
 */
#define ZL_GRAPH_MAX_NODES 250
#define ZL_GRAPH_MAX_SITES 400
#define ZL_GRAPH_MAX_EDGES 600

typedef enum zl_graph_kind {
	ZL_GRAPH_SERVERS,         /* one node a server (zl_graph_new) */
	ZL_GRAPH_SITES,           /* one node a site (zl_site_graph_new) */
	ZL_GRAPH_NONE,            /* too big to lay out */
} zl_graph_kind;

/*
 * The servers' sites: servers without a site are one group of their own.
 * For the site graph and the report's text about it.
 */
typedef struct zl_sites {
	size_t n;                 /* groups */
	const char **name;        /* [n] site names, sorted; NULL: no site */
	size_t *of;               /* [servers] group of server i */
	size_t *members;          /* [n] servers in group g */
	size_t *inside;           /* [n] connections inside group g */
	zl_severity *worst;       /* [n] worst finding concerning a member */
	size_t connections;       /* server pairs that replicate, all told */
	size_t links;             /* group pairs with a connection between them */
} zl_sites;

/* NULL when memory runs out. */
zl_sites *zl_sites_new(const zl_concerns *c);
void zl_sites_free(zl_sites *s);
/* Which graph to draw for these servers and sites. */
zl_graph_kind zl_graph_choose(const zl_concerns *c, const zl_sites *s);
/*
 * The graph of sites: a node a site, coloured by the worst finding of its
 * servers, labelled with how many servers it has; a line between two sites
 * for the connections between their servers, as wide as there are many,
 * labelled with their number and coloured by the worst partner finding
 * among them.  Free it with agclose; NULL when memory runs out.
 */
Agraph_t *zl_site_graph_new(const zl_concerns *c, const zl_sites *s, zl_graph_target t);

/* The severity colours, shared by graph and HTML so the legend matches. */
typedef struct zl_palette {
	const char *fill;         /* node / badge background */
	const char *line;         /* border, edge, badge text */
} zl_palette;
const zl_palette *zl_severity_palette(zl_severity s);

#endif
