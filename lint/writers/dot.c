/*
 * lint/writers/dot.c - `--format dot`: the replication graph of the HTML
 * report (lint/graph/graph.c) as Graphviz DOT text, for people who lay it
 * out or restyle it themselves (docs/report.md).
 */
#include "writers.h"

#include "graph/graph.h"

int zl_write_dot(FILE *out, const zl_results *r, const zl_model *m,
                 const zl_write_options *o)
{
	zl_concerns *c = zl_concerns_new(r, m);
	Agraph_t *g = c ? zl_graph_new(c, ZL_GRAPH_DOT) : NULL;
	int rc = g && agwrite(g, out) == 0 && !ferror(out) ? 0 : -1;

	(void)o;
	if (g)
		agclose(g);
	zl_concerns_free(c);
	return rc;
}
