/*
 * lint/out/graph.h - what the HTML and DOT writers share (private): which
 * servers and replication connections each finding concerns, and the
 * replication graph built from them (docs/report.md says why each choice).
 *
 * Writers see the model read-only, through include/zonelint/model.h only.
 */
#ifndef ZL_OUT_GRAPH_H
#define ZL_OUT_GRAPH_H

#include <cgraph.h>

#include "engine.h"

/*
 * The findings mapped onto the forest: for every server (index i in the
 * model's order, sorted by name) the worst finding concerning it, and for
 * every pair of replication partners the worst partner finding about one
 * of them held by the other.  "Concerning server X" means: its `server`
 * is X; or it is a partner finding (partner-stale-address,
 * partner-missing-address, partner-no-same-network-address) whose subject,
 * its `owner`, is X; or it has no `server` and lies in the file of a view
 * X holds.
 */
typedef struct zl_concerns {
	const zl_model *model;    /* ref only */
	size_t n;                 /* servers */
	zl_severity *worst;       /* [n] worst severity concerning i; OFF: none */
	size_t *count;            /* [n] findings concerning i */
	bool *repair;             /* [n] a partner-repair-plan names i to fix */
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
/* True for the rules whose finding is about the pair (server, owner). */
bool zl_is_partner_rule(const char *id);
/*
 * Calls fn for each server name in a partner-repair-plan finding's data
 * ("a., b. and c." or "a.,b.,c."): names end with a dot, separators are
 * commas, spaces and the word "and".
 */
void zl_repair_plan_each(const zl_finding *f, void (*fn)(const char *name, void *ctx),
                         void *ctx);

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

/* The severity colours, shared by graph and HTML so the legend matches. */
typedef struct zl_palette {
	const char *fill;         /* node / badge background */
	const char *line;         /* border, edge, badge text */
} zl_palette;
const zl_palette *zl_severity_palette(zl_severity s);

#endif
