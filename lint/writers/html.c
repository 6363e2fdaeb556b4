/*
 * lint/writers/html.c - the audit report people open in a browser or a mail:
 * one self-contained HTML5 file (no script, no external style, font or
 * image, so it opens from a mail attachment and prints), with
 *   1. a summary: audit date, inputs, counts by severity and by rule;
 *   2. the replication topology, laid out by Graphviz's `dot` in-process
 *      and embedded as inline SVG (the graph of lint/graph/graph.c);
 *   3. findings by server, each in full once, with links from every other
 *      server it concerns; then findings not tied to a server;
 *   4. findings by rule, as tables linking to the full entries;
 *   5. the forest: servers, addresses, roles, OS, zones hosted, partners.
 * Every text from the inputs goes through zl_html_escape.  docs/report.md
 * describes the report and the choices made where SPEC is silent.
 */
#include "graph/graph.h"

#include <gvc.h>
#include <gvplugin.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "writers/writers.h"

/* ---- escaping ---------------------------------------------------------- */

/* HTML 13.2.3.5: controls (C0 and C1 alike) and noncharacters in the input
 * stream are parse errors; they are shown as bytes instead, and so are
 * the bidirectional controls every writer shows as bytes. */
static bool html_forbidden(uint32_t c)
{
	return zl_shown_as_bytes(c) || (c >= 0xfdd0 && c <= 0xfdef) ||
	       (c & 0xfffe) == 0xfffe;
}

int zl_html_escape(FILE *out, const char *in)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)(in ? in : "");

	while (*p) {
		uint32_t c = 0;
		size_t len = zl_utf8_next(p, &c);
		if (len == 0 || html_forbidden(c)) {
			for (size_t i = 0; i < (len ? len : 1); i++)
				fprintf(out, "\\x%c%c", hex[p[i] >> 4], hex[p[i] & 15]);
			p += len ? len : 1;
			continue;
		}
		switch (c) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fwrite(p, 1, len, out);
		}
		p += len;
	}
	return ferror(out) ? -1 : 0;
}

/* fprintf-like with one text argument from the inputs, escaped: fmt has
 * exactly one "%s" where it goes. */
static void put_text(FILE *out, const char *fmt, const char *text)
{
	const char *at = strstr(fmt, "%s");

	if (!at) {
		fputs(fmt, out);
		return;
	}
	fwrite(fmt, 1, (size_t)(at - fmt), out);
	zl_html_escape(out, text);
	fputs(at + 2, out);
}

/* "1 server", "3 servers": nouns whose plural takes an s. */
static void counted(FILE *out, size_t n, const char *noun)
{
	fprintf(out, "%zu %s%s", n, noun, n == 1 ? "" : "s");
}

/* ---- the page ---------------------------------------------------------- */

/* The style sheet, inline: nothing is fetched.  Severity colours are the
 * graph's (lint/graph/graph.c), so the legend, the badges and the nodes agree. */
static const char style[] =
	"*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
	"color:#1d1d1f;margin:0 auto;max-width:1200px;padding:0 1.2em 3em}"
	"h1{font-size:1.6em;margin:1em 0 .2em}h2{font-size:1.3em;margin:1.8em 0 .5em;"
	"border-bottom:2px solid #ddd;padding-bottom:.2em}h3{font-size:1.05em;margin:1.4em 0 .4em}"
	"nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3em 1.2em}"
	"table{border-collapse:collapse;width:100%;margin:.5em 0}"
	"th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}"
	"th{background:#f3f3f3}td.n{text-align:right}"
	"code,pre,.loc{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}"
	"pre{background:#f6f6f6;border:1px solid #e2e2e2;padding:.5em;white-space:pre-wrap;"
	"overflow-wrap:anywhere;margin:.3em 0}"
	".badge{display:inline-block;border:1px solid;border-radius:3px;padding:0 .35em;"
	"font-size:.85em;font-weight:600}"
	".counts{display:flex;gap:1em;flex-wrap:wrap;margin:.6em 0}"
	".counts div{border:1px solid #ccc;border-radius:4px;padding:.4em .9em;min-width:7em}"
	".counts b{display:block;font-size:1.6em}"
	".finding{border-left:4px solid;padding:.2em .8em;margin:.7em 0;break-inside:avoid}"
	".finding p{margin:.2em 0}.finding .msg{font-weight:600}"
	".followers{margin:.4em 0}.followers summary{cursor:pointer;color:#555}"
	".about{color:#555}.fix{margin:.3em 0}.refs{margin:.3em 0 .3em 1.2em;padding:0}"
	".legend{display:flex;flex-wrap:wrap;gap:.3em 1.4em;list-style:none;padding:0}"
	".swatch{display:inline-block;width:1.4em;height:.9em;border:2px solid;"
	"border-radius:3px;vertical-align:middle;margin-right:.3em}"
	".double{background:#fff;border-color:#555;outline:1px solid #555;outline-offset:2px;"
	"margin-right:.6em}"
	"figure{margin:.5em 0}.graph{display:inline-block;max-width:100%;border:1px solid #ddd;"
	"overflow:auto}"
	".graph svg{display:block;max-width:100%;height:auto}"
	/* Graphviz sized the boxes with Helvetica's metrics: Arial and
	 * Liberation Sans have the same widths. */
	".graph svg text{font-family:Helvetica,Arial,'Liberation Sans',sans-serif}"
	"#zoom:checked~figure .graph svg{max-width:none}"
	"#zoom:checked~figure .graph{max-height:85vh}"
	"figcaption{color:#555;font-size:.9em;margin:.3em 0}"
	"a{color:#1a56a8}"
	"td.differ{background:#fff0c2;font-weight:600}"
	"@media print{nav,.zoom{display:none}body{max-width:none}"
	".graph{border:0;overflow:visible;max-height:none}"
	".graph svg{max-width:100%!important}h2{break-after:avoid}"
	"a{color:inherit;text-decoration:none}}";

/* "none" for servers without findings, else the severity's name: the
 * suffix of the CSS classes below. */
static const char *sev_class(zl_severity s)
{
	return s == ZL_SEVERITY_OFF ? "none" : zl_severity_name(s);
}

/* The severity colours as classes (an inline style attribute is what
 * validators and mail clients' sanitisers object to): b- badges, c-
 * boxes and swatches, f- the border of a finding. */
static void severity_styles(FILE *out)
{
	for (zl_severity s = ZL_SEVERITY_OFF; s <= ZL_SEVERITY_ERROR; s++) {
		const zl_palette *p = zl_severity_palette(s);
		fprintf(out, ".b-%s{background:%s;color:%s}.c-%s{background:%s;border-color:%s}"
		        ".f-%s{border-color:%s}", sev_class(s), p->fill, p->line, sev_class(s),
		        p->fill, p->line, sev_class(s), p->line);
	}
}

static void badge(FILE *out, zl_severity s)
{
	fprintf(out, "<span class=\"badge b-%s\">%s</span>", sev_class(s), sev_class(s));
}

static void date_text(const zl_model *m, char *buf, size_t size)
{
	time_t t = (time_t)zl_model_audit_date(m);
	struct tm tm;

	if (!gmtime_r(&t, &tm) || strftime(buf, size, "%Y-%m-%d", &tm) == 0)
		snprintf(buf, size, "unknown");
}

static const char *forest_text(const zl_model *m)
{
	const zl_name *forest = zl_model_forest(m);

	return forest ? zl_name_text(forest) : NULL;
}

static void page_head(FILE *out, const zl_model *m, const char *date)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"zonelint " ZL_VERSION "\">\n", out);
	put_text(out, "<title>DNS audit of %s", forest_text(m) ? forest_text(m) : "zone files");
	fprintf(out, " on %s</title>\n<style>%s", date, style);
	severity_styles(out);
	fputs("</style>\n</head>\n<body>\n", out);
	put_text(out, "<header>\n<h1>DNS audit of %s</h1>\n",
	         forest_text(m) ? forest_text(m) : "zone files");
	fprintf(out, "<p>Audit date %s &middot; zonelint %s</p>\n</header>\n", date,
	        ZL_VERSION);
	fputs("<nav><ul><li><a href=\"#summary\">Summary</a></li>"
	      "<li><a href=\"#topology\">Replication</a></li>"
	      "<li><a href=\"#by-server\">Findings by server</a></li>"
	      "<li><a href=\"#by-rule\">Findings by rule</a></li>"
	      "<li><a href=\"#forest\">Forest</a></li>"
	      "<li><a href=\"#settings\">Zone settings</a></li></ul></nav>\n", out);
}

/* ---- grouping -------------------------------------------------------------- */

/* One finding as it concerns one server (or none: server SIZE_MAX). */
typedef struct ref {
	size_t server;
	zl_concern_kind kind;
	size_t finding;           /* index in the sorted results */
	zl_severity severity;
} ref;

typedef struct report {
	FILE *out;
	const zl_results *r;
	const zl_model *m;
	const zl_concerns *c;
	VEC(ref) refs;            /* by server, kind, severity (worst first), finding */
	size_t *first;            /* [c->n + 2]: server i's refs; n: not tied */
	const zl_rule **rules;    /* rules with findings, by id */
	size_t nrules;
	struct placed { const zl_finding *f; size_t i; } *placed;  /* by address */
	bool oom;
} report;

typedef struct collecting {
	report *rp;
	size_t finding;
	bool tied;
} collecting;

static void collect_ref(size_t server, zl_concern_kind kind, void *ctx)
{
	collecting *col = ctx;
	ref rf = { server, kind, col->finding,
	           col->rp->r->findings.v[col->finding]->severity };

	col->tied |= kind == ZL_CONCERN_SERVER;
	if (VEC_PUSH(col->rp->refs, rf) != 0)
		col->rp->oom = true;
}

static int cmp_ref(const void *a, const void *b)
{
	const ref *x = a, *y = b;

	if (x->server != y->server)
		return x->server < y->server ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	return x->finding < y->finding ? -1 : x->finding > y->finding;
}

static int cmp_rule(const void *a, const void *b)
{
	return strcmp((*(const zl_rule *const *)a)->id, (*(const zl_rule *const *)b)->id);
}

/* The distinct rules of the findings, sorted by id. */
static int collect_rules(report *rp)
{
	rp->rules = calloc(rp->r->findings.n + 1, sizeof(*rp->rules));
	if (!rp->rules)
		return -1;
	for (size_t i = 0; i < rp->r->findings.n; i++)
		rp->rules[rp->nrules++] = rp->r->findings.v[i]->rule;
	qsort(rp->rules, rp->nrules, sizeof(*rp->rules), cmp_rule);
	size_t k = 0;
	for (size_t i = 0; i < rp->nrules; i++)
		if (k == 0 || rp->rules[k - 1] != rp->rules[i])
			rp->rules[k++] = rp->rules[i];
	rp->nrules = k;
	return 0;
}

static int cmp_placed(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct placed *)a)->f;
	uintptr_t y = (uintptr_t)((const struct placed *)b)->f;

	return (x > y) - (x < y);
}

/* Where each finding sits in the results, to link a follower by its id. */
static int place(report *rp)
{
	size_t n = rp->r->findings.n;

	if (!(rp->placed = malloc((n ? n : 1) * sizeof(*rp->placed))))
		return -1;
	for (size_t i = 0; i < n; i++)
		rp->placed[i] = (struct placed){ rp->r->findings.v[i], i };
	qsort(rp->placed, n, sizeof(*rp->placed), cmp_placed);
	return 0;
}

static size_t index_of(const report *rp, const zl_finding *f)
{
	struct placed key = { f, 0 };
	const struct placed *p = bsearch(&key, rp->placed, rp->r->findings.n,
	                                 sizeof(*rp->placed), cmp_placed);

	return p ? p->i : 0;
}

/* Every finding under each server it concerns; a finding whose `server`
 * is none of the model's goes under "not tied" (index c->n) instead. */
static int group(report *rp)
{
	for (size_t i = 0; i < rp->r->findings.n && !rp->oom; i++) {
		collecting col = { rp, i, false };
		zl_concerns_each(rp->c, rp->r->findings.v[i], collect_ref, &col);
		if (!col.tied)
			collect_ref(rp->c->n, ZL_CONCERN_SERVER, &col);
	}
	rp->first = calloc(rp->c->n + 2, sizeof(*rp->first));
	if (rp->oom || !rp->first || collect_rules(rp) != 0 || place(rp) != 0)
		return -1;
	if (rp->refs.n)
		qsort(rp->refs.v, rp->refs.n, sizeof(*rp->refs.v), cmp_ref);
	for (size_t k = 0, s = 0; s <= rp->c->n + 1; s++) {
		while (k < rp->refs.n && rp->refs.v[k].server < s)
			k++;
		rp->first[s] = k;
	}
	return 0;
}

static const char *server_text(const report *rp, size_t i)
{
	return zl_name_text(zl_server_name(zl_model_server(rp->m, i)));
}

/* ---- summary --------------------------------------------------------------- */

static void count_box(FILE *out, const char *what, size_t n, zl_severity s)
{
	fprintf(out, "<div class=\"c-%s\"><b>%zu</b>%s</div>", sev_class(s), n, what);
}

static void inputs(const report *rp)
{
	FILE *out = rp->out;
	zl_location inv = zl_model_forest_location(rp->m);

	fputs("<table class=\"inputs\">\n<tbody>\n", out);
	if (inv.file)
		put_text(out, "<tr><th>Inventory</th><td><code>%s</code></td></tr>\n", inv.file);
	if (forest_text(rp->m))
		put_text(out, "<tr><th>Forest</th><td>%s</td></tr>\n", forest_text(rp->m));
	fputs("<tr><th>Read</th><td>", out);
	counted(out, rp->r->servers, "server");
	fputs(", ", out);
	counted(out, rp->r->zones, "zone");
	fputs(", ", out);
	counted(out, rp->r->views, "view");
	fputs(" (distinct copies of a zone), ", out);
	counted(out, rp->r->records, "record");
	fputs("</td></tr>\n<tr><th>Zone files</th><td><details><summary>", out);
	counted(out, zl_model_view_count(rp->m), "file");
	fputs("</summary><ul>", out);
	for (size_t i = 0; i < zl_model_view_count(rp->m); i++)
		put_text(out, "<li><code>%s</code></li>", zl_view_file(zl_model_view(rp->m, i)));
	fputs("</ul></details></td></tr>\n</tbody>\n</table>\n", out);
}

static void rule_counts(const report *rp)
{
	FILE *out = rp->out;

	if (!rp->nrules)
		return;
	fputs("<table>\n<thead><tr><th>Rule</th><th>Pack</th><th>Error</th><th>Warning"
	      "</th><th>Info</th><th>Fires when</th></tr></thead>\n<tbody>\n", out);
	for (size_t k = 0; k < rp->nrules; k++) {
		const zl_rule *rule = rp->rules[k];
		size_t n[ZL_SEVERITY_ERROR + 1] = { 0 };
		for (size_t i = 0; i < rp->r->findings.n; i++)
			if (rp->r->findings.v[i]->rule == rule)
				n[rp->r->findings.v[i]->severity]++;
		fputs("<tr><td><a href=\"#r-", out);
		zl_html_escape(out, rule->id);
		put_text(out, "\">%s</a></td>", rule->id);
		put_text(out, "<td>%s</td>", rule->pack);
		fprintf(out, "<td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">"
		        "%zu</td>", n[ZL_SEVERITY_ERROR], n[ZL_SEVERITY_WARNING],
		        n[ZL_SEVERITY_INFO]);
		put_text(out, "<td>%s</td></tr>\n", rule->summary);
	}
	fputs("</tbody>\n</table>\n", out);
}

static void summary(const report *rp)
{
	FILE *out = rp->out;
	const size_t *n = rp->r->count;

	fputs("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"counts\">", out);
	count_box(out, "errors", n[ZL_SEVERITY_ERROR], ZL_SEVERITY_ERROR);
	count_box(out, "warnings", n[ZL_SEVERITY_WARNING], ZL_SEVERITY_WARNING);
	count_box(out, "info", n[ZL_SEVERITY_INFO], ZL_SEVERITY_INFO);
	count_box(out, "suppressed", rp->r->suppressed, ZL_SEVERITY_OFF);
	fputs("</div>\n", out);
	inputs(rp);
	rule_counts(rp);
	fputs("</section>\n", out);
}

/* ---- the graph ----------------------------------------------------------------- */

/* Writes the SVG document without what comes before <svg> (XML prolog,
 * DOCTYPE) and without comments, which only repeat the names. */
static void put_svg(FILE *out, const char *svg, size_t len)
{
	const char *p = strstr(svg, "<svg"), *end = svg + len;

	while (p && p < end) {
		const char *c = strstr(p, "<!--");
		if (!c || c >= end) {
			fwrite(p, 1, (size_t)(end - p), out);
			break;
		}
		fwrite(p, 1, (size_t)(c - p), out);
		p = strstr(c, "-->");
		p = p ? p + 3 : end;
		if (*p == '\n')
			p++;
	}
}

/*
 * The two Graphviz plugins the report needs, linked in (Makefile) rather
 * than found through the plugin configuration file: the `dot` layout and
 * the core SVG renderer.  Without the cairo/pango plugin, text widths come
 * from Graphviz's built-in font metrics, so the SVG is the same whatever
 * fonts the machine has, and fontconfig is never loaded.  Graphviz's
 * "Using Graphviz as a Library" (gvContextPlugins, demand_loading 0).
 */
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;

static const lt_symlist_t plugins[] = {
	{ "gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library },
	{ "gvplugin_core_LTX_library", &gvplugin_core_LTX_library },
	{ NULL, NULL },
};

/*
 * gvLayout with dot.  Graphviz 2.42 (Debian 12) leaks the skeleton of
 * every cluster it builds in dot_mincross (build_skeleton's virtual nodes
 * and edges, never freed by gvFreeLayout; gone in later releases): under
 * LeakSanitizer, what the layout allocates is not tracked, so the
 * sanitizer build still reports every leak of zonelint's own.
 */
static int layout(GVC_t *gvc, Agraph_t *g)
{
#ifdef __SANITIZE_ADDRESS__
	__lsan_disable();
#endif
	int rc = gvLayout(gvc, g, "dot");
#ifdef __SANITIZE_ADDRESS__
	__lsan_enable();
#endif
	return rc;
}

/* Lays the graph out with dot and renders SVG in memory (gvRenderData):
 * the servers', or with `sites`, the sites'. */
static int render_graph(const report *rp, const zl_sites *sites)
{
	Agraph_t *g = sites ? zl_site_graph_new(rp->c, sites, ZL_GRAPH_SVG)
	                    : zl_graph_new(rp->c, ZL_GRAPH_SVG);
	GVC_t *gvc = g ? gvContextPlugins(plugins, 0) : NULL;
	char *svg = NULL;
	unsigned len = 0;
	int rc = -1;

	if (gvc && layout(gvc, g) == 0) {
		if (gvRenderData(gvc, g, "svg", &svg, &len) == 0 && svg) {
			put_svg(rp->out, svg, len);
			rc = 0;
		}
		gvFreeRenderData(svg);
		gvFreeLayout(gvc, g);
	}
	if (rc != 0)
		fputs("zonelint: graphviz could not lay out the replication graph\n", stderr);
	if (g)
		agclose(g);
	if (gvc)
		gvFreeContext(gvc);
	return rc;
}

static void legend_item(FILE *out, const char *classes, const char *text)
{
	fprintf(out, "<li><span class=\"swatch %s\"></span>%s</li>", classes, text);
}

/* The colours; the list is left open for more items. */
static void legend_colours(FILE *out)
{
	static const char *const what[] = { "no findings", "worst finding: info",
	                                    "worst finding: warning", "worst finding: error" };
	static const char *const swatch[] = { "c-none", "c-info", "c-warning", "c-error" };

	fputs("<ul class=\"legend\">", out);
	for (zl_severity s = ZL_SEVERITY_OFF; s <= ZL_SEVERITY_ERROR; s++)
		legend_item(out, swatch[s], what[s]);
}

static void legend(FILE *out)
{
	legend_colours(out);
	legend_item(out, "double", "double border, &ldquo;(fix here)&rdquo;: a partner "
	            "a repair plan names (partner-repair-plan)");
	fputs("</ul>\n<p>Boxes are the servers of the inventory, grouped by AD site. An "
	      "arrow from X to Y means Y replicates from X: data flows along the arrow; a "
	      "double-headed arrow, both ways. A connection is grey when there is no "
	      "partner finding between the two servers, else it takes the colour of the "
	      "worst one (dashed: warning). Hover for details; click a server to go to its "
	      "findings.</p>\n", out);
}

/* The graph of sites, for a forest too big to draw server by server. */
static int site_topology(const report *rp, const zl_sites *sites)
{
	FILE *out = rp->out;
	int rc;

	legend_colours(out);
	fputs("</ul>\n", out);
	fprintf(out, "<p>This forest has %zu servers and %zu replication connections, more "
	        "than a readable drawing holds (%d servers, %d connections), so the graph "
	        "shows its sites: a box a site, coloured by the worst finding of its "
	        "servers, and a line between two sites for the connections between their "
	        "servers, as wide as there are many, labelled with their number and "
	        "coloured by the worst partner finding among them. The servers are listed "
	        "in the tables below.</p>\n", rp->c->n, sites->connections,
	        ZL_GRAPH_MAX_NODES, ZL_GRAPH_MAX_EDGES);
	fputs("<input type=\"checkbox\" id=\"zoom\" class=\"zoom\"> <label for=\"zoom\" "
	      "class=\"zoom\">show the graph at full size</label>\n<figure>\n"
	      "<div class=\"graph\">\n", out);
	rc = render_graph(rp, sites);
	fputs("</div>\n<figcaption>", out);
	counted(out, sites->n, "site");
	fputs(" (", out);
	counted(out, rp->c->n, "server");
	fputs(") and the replication connections between them, laid out by Graphviz dot."
	      "</figcaption>\n</figure>\n", out);
	return rc;
}

/* Nothing Graphviz could lay out in a reasonable time. */
static void no_topology(const report *rp, const zl_sites *sites)
{
	fprintf(rp->out, "<p>The replication graph is not drawn: this forest has %zu servers "
	        "and %zu replication connections, more than a drawing holds (%d servers, "
	        "%d connections), and its servers are in %zu site%s with %zu connections "
	        "between sites (at most %d sites and %d connections are drawn as a graph of "
	        "sites). Graphviz would take minutes and draw a tangle. The servers are "
	        "listed in the tables below; <code>zonelint -f dot</code> writes the whole "
	        "graph for an offline layout (<code>sfdp -Tsvg</code>).</p>\n",
	        rp->c->n, sites->connections, ZL_GRAPH_MAX_NODES, ZL_GRAPH_MAX_EDGES,
	        sites->n, sites->n == 1 ? "" : "s", sites->links, ZL_GRAPH_MAX_SITES,
	        ZL_GRAPH_MAX_EDGES);
}

static int topology(const report *rp)
{
	FILE *out = rp->out;
	int rc = 0;

	fputs("<section id=\"topology\">\n<h2>Replication topology</h2>\n", out);
	if (rp->c->n == 0) {
		fputs("<p>No servers: zone files were linted on their own, so there is no "
		      "replication to draw.</p>\n</section>\n", out);
		return 0;
	}
	zl_sites *sites = zl_sites_new(rp->c);
	if (!sites)
		return -1;
	switch (zl_graph_choose(rp->c, sites)) {
	case ZL_GRAPH_SERVERS:
		legend(out);
		fputs("<input type=\"checkbox\" id=\"zoom\" class=\"zoom\"> <label for=\"zoom\" "
		      "class=\"zoom\">show the graph at full size</label>\n<figure>\n"
		      "<div class=\"graph\">\n", out);
		rc = render_graph(rp, NULL);
		fputs("</div>\n<figcaption>", out);
		counted(out, rp->c->n, "server");
		fputs(" and their replication connections, laid out by Graphviz dot."
		      "</figcaption>\n</figure>\n", out);
		break;
	case ZL_GRAPH_SITES:
		rc = site_topology(rp, sites);
		break;
	case ZL_GRAPH_NONE:
		no_topology(rp, sites);
		break;
	}
	fputs("</section>\n", out);
	zl_sites_free(sites);
	return rc;
}

/* ---- findings ---------------------------------------------------------------- */

static void location(FILE *out, const zl_finding *f)
{
	fputs("<span class=\"loc\">", out);
	zl_html_escape(out, f->file ? f->file : "");
	fprintf(out, ":%u:%u</span>", f->line, f->column);
}

static void about(FILE *out, const zl_finding *f)
{
	const char *const label[] = { "zone", "server", "owner" };
	const char *const value[] = { f->zone, f->server, f->owner };
	bool any = false;

	for (size_t i = 0; i < 3; i++) {
		if (!value[i])
			continue;
		fputs(any ? " &middot; " : "<p class=\"about\">", out);
		fprintf(out, "%s <code>", label[i]);
		zl_html_escape(out, value[i]);
		fputs("</code>", out);
		any = true;
	}
	if (any)
		fputs("</p>\n", out);
}

static void fix(FILE *out, const zl_finding *f)
{
	for (size_t i = 0; i < f->notes.n; i++)
		put_text(out, "<p class=\"note\">Note: %s</p>\n", f->notes.v[i]);
	if (f->fix)
		put_text(out, "<p class=\"fix\"><b>Fix:</b> %s</p>\n", f->fix);
	if (!f->commands.n)
		return;
	fputs("<pre><code>", out);
	for (size_t i = 0; i < f->commands.n; i++) {
		zl_html_escape(out, f->commands.v[i]);
		fputc('\n', out);
	}
	fputs("</code></pre>\n", out);
}

static void rule_link(FILE *out, const zl_rule *rule)
{
	fputs("<a href=\"#r-", out);
	zl_html_escape(out, rule->id);
	put_text(out, "\">%s</a>", rule->id);
}

static void finding(const report *rp, const zl_finding *f, size_t i);

/* One cause, one finding: the findings that follow from f, folded under
 * it (a cause has no cause, so this nests one level only). */
static void followers(const report *rp, const zl_finding *f)
{
	char rules[1024];
	size_t n = f->followers.n;

	if (!n)
		return;
	fprintf(rp->out, "<details class=\"followers\"><summary>%zu %s from this (", n,
	        n == 1 ? "finding follows" : "findings follow");
	zl_html_escape(rp->out, zl_follower_rules(f, rules, sizeof(rules)));
	fputs(")</summary>\n", rp->out);
	for (size_t k = 0; k < n; k++)
		finding(rp, f->followers.v[k], index_of(rp, f->followers.v[k]));
	fputs("</details>\n", rp->out);
}

static void finding(const report *rp, const zl_finding *f, size_t i)
{
	FILE *out = rp->out;

	fprintf(out, "<article class=\"finding f-%s\" id=\"f-%zu\">\n<p>",
	        sev_class(f->severity), i);
	badge(out, f->severity);
	fputc(' ', out);
	rule_link(out, f->rule);
	fputc(' ', out);
	location(out, f);
	put_text(out, "</p>\n<p class=\"msg\">%s</p>\n", f->message);
	about(out, f);
	fix(out, f);
	followers(rp, f);
	fputs("</article>\n", out);
}

/* The k-th reference in full, unless it follows from another finding:
 * then it is written inside its cause. */
static void finding_at(const report *rp, size_t k)
{
	const zl_finding *f = rp->r->findings.v[rp->refs.v[k].finding];

	if (!f->cause)
		finding(rp, f, rp->refs.v[k].finding);
}

/* A link to finding i, with its severity, rule and message. */
static void finding_ref(const report *rp, size_t i)
{
	const zl_finding *f = rp->r->findings.v[i];

	fputs("<li>", rp->out);
	badge(rp->out, f->severity);
	fprintf(rp->out, " <a href=\"#f-%zu\">", i);
	zl_html_escape(rp->out, f->rule->id);
	put_text(rp->out, "</a>: %s</li>\n", f->message);
}

static void ref_list(const report *rp, size_t from, size_t to, zl_concern_kind kind,
                     const char *title)
{
	bool any = false;

	for (size_t k = from; k < to; k++) {
		if (rp->refs.v[k].kind != kind)
			continue;
		if (!any)
			fprintf(rp->out, "<p>%s</p>\n<ul class=\"refs\">\n", title);
		finding_ref(rp, rp->refs.v[k].finding);
		any = true;
	}
	if (any)
		fputs("</ul>\n", rp->out);
}

static void server_findings(const report *rp, size_t i)
{
	FILE *out = rp->out;
	size_t from = rp->first[i], to = rp->first[i + 1];

	if (from == to)
		return;
	fprintf(out, "<section id=\"s-%zu\">\n<h3>", i);
	badge(out, rp->c->worst[i]);
	put_text(out, " %s</h3>\n", server_text(rp, i));
	for (size_t k = from; k < to; k++)
		if (rp->refs.v[k].kind == ZL_CONCERN_SERVER)
			finding_at(rp, k);
	ref_list(rp, from, to, ZL_CONCERN_SUBJECT,
	         "About its host records, in other servers&rsquo; copies (fixed there):");
	ref_list(rp, from, to, ZL_CONCERN_VIEW, "In the zone files it reads:");
	fputs("</section>\n", out);
}

static void by_server(const report *rp)
{
	FILE *out = rp->out;
	size_t other = rp->c->n;

	fputs("<section id=\"by-server\">\n<h2>Findings by server</h2>\n", out);
	if (rp->r->findings.n == 0)
		fputs("<p>No findings.</p>\n", out);
	for (size_t i = 0; i < rp->c->n; i++)
		server_findings(rp, i);
	bool shown = false;
	for (size_t k = rp->first[other]; k < rp->first[other + 1] && !shown; k++)
		shown = !rp->r->findings.v[rp->refs.v[k].finding]->cause;
	if (shown) {
		fputs("<section id=\"s-none\">\n<h3>Not tied to one server</h3>\n", out);
		for (size_t k = rp->first[other]; k < rp->first[other + 1]; k++)
			finding_at(rp, k);
		fputs("</section>\n", out);
	}
	fputs("</section>\n", out);
}

static void rule_table(const report *rp, const zl_rule *rule)
{
	FILE *out = rp->out;

	fputs("<section id=\"r-", out);
	zl_html_escape(out, rule->id);
	put_text(out, "\">\n<h3>%s</h3>\n", rule->id);
	put_text(out, "<p>%s</p>\n<table>\n<thead><tr><th>Severity</th><th>Location</th>"
	         "<th>Server</th><th>Message</th></tr></thead>\n<tbody>\n", rule->summary);
	for (size_t i = 0; i < rp->r->findings.n; i++) {
		const zl_finding *f = rp->r->findings.v[i];
		if (f->rule != rule)
			continue;
		fputs("<tr><td>", out);
		badge(out, f->severity);
		fputs("</td><td>", out);
		location(out, f);
		put_text(out, "</td><td>%s</td>", f->server ? f->server : "");
		fprintf(out, "<td><a href=\"#f-%zu\">", i);
		zl_html_escape(out, f->message);
		fputs("</a></td></tr>\n", out);
	}
	fputs("</tbody>\n</table>\n</section>\n", out);
}

static void by_rule(const report *rp)
{
	fputs("<section id=\"by-rule\">\n<h2>Findings by rule</h2>\n", rp->out);
	if (!rp->nrules)
		fputs("<p>No findings.</p>\n", rp->out);
	for (size_t k = 0; k < rp->nrules; k++)
		rule_table(rp, rp->rules[k]);
	fputs("</section>\n", rp->out);
}

/* ---- the forest ------------------------------------------------------------- */

static const char *const role_names[] = { "dc", "dns", "gc" };

static void cell_addresses(FILE *out, const zl_server *s)
{
	char addr[ZL_ADDR_TEXT_MAX];

	fputs("<td>", out);
	for (size_t k = 0; k < zl_server_address_count(s); k++) {
		const zl_prefix *p = zl_server_address(s, k);
		fprintf(out, "%s%s/%u", k ? "<br>" : "",
		        zl_addr_format(&p->addr, addr, sizeof(addr)), p->length);
	}
	fputs("</td><td>", out);
	for (size_t k = 0, n = 0; k < 3; k++)
		if (zl_server_roles(s) & (1u << k))
			fprintf(out, "%s%s", n++ ? ", " : "", role_names[k]);
	fputs("</td>", out);
}

/* The OS, and its end-of-support finding when there is one (a rule tagged
 * ZL_TAG_END_OF_SUPPORT): the support dates are that rule's, not repeated
 * here. */
static void cell_os(const report *rp, size_t i)
{
	FILE *out = rp->out;
	const char *os = zl_server_os(zl_model_server(rp->m, i));

	put_text(out, "<td>%s</td><td>", os ? os : "not given");
	for (size_t k = rp->first[i]; k < rp->first[i + 1]; k++) {
		const ref *rf = &rp->refs.v[k];
		const zl_finding *f = rp->r->findings.v[rf->finding];
		if (rf->kind == ZL_CONCERN_SERVER && (f->rule->tags & ZL_TAG_END_OF_SUPPORT)) {
			badge(out, f->severity);
			fprintf(out, " <a href=\"#f-%zu\">past end of support</a>", rf->finding);
		}
	}
	fputs("</td>", out);
}

static void cell_zones(FILE *out, const zl_model *m, const zl_server *s)
{
	size_t n = 0;

	fputs("<td>", out);
	for (size_t k = 0; k < zl_model_zone_count(m); k++) {
		const zl_zone *z = zl_model_zone(m, k);
		if (zl_zone_is_hosted_on(z, s))
			put_text(out, n++ ? ", %s" : "%s", zl_name_text(zl_zone_name(z)));
	}
	fputs("</td><td>", out);
	for (size_t k = 0; k < zl_server_inbound_count(s); k++)
		put_text(out, k ? ", %s" : "%s",
		         zl_name_text(zl_server_name(zl_server_inbound(s, k))));
	fputs("</td>", out);
}

static void server_row(const report *rp, size_t i)
{
	FILE *out = rp->out;
	const zl_server *s = zl_model_server(rp->m, i);
	const char *site = zl_server_site(s);

	fprintf(out, "<tr id=\"t-%zu\"><td>", i);
	put_text(out, "%s</td>", server_text(rp, i));
	put_text(out, "<td>%s</td>", site ? site : "");
	cell_addresses(out, s);
	cell_os(rp, i);
	cell_zones(out, rp->m, s);
	fputs("<td>", out);
	badge(out, rp->c->worst[i]);
	if (rp->c->count[i])
		fprintf(out, " <a href=\"#s-%zu\">%zu</a>", i, rp->c->count[i]);
	fprintf(out, "%s</td></tr>\n", rp->c->repair[i] ? " (fix here)" : "");
}

static void forest(const report *rp)
{
	FILE *out = rp->out;

	fputs("<section id=\"forest\">\n<h2>Forest</h2>\n", out);
	if (rp->c->n == 0) {
		fputs("<p>No servers.</p>\n</section>\n", out);
		return;
	}
	fputs("<table>\n<thead><tr><th>Server</th><th>Site</th><th>Addresses</th>"
	      "<th>Roles</th><th>OS</th><th>End of support</th><th>Zones hosted</th>"
	      "<th>Replicates from</th><th>Findings</th></tr></thead>\n<tbody>\n", out);
	for (size_t i = 0; i < rp->c->n; i++)
		server_row(rp, i);
	fputs("</tbody>\n</table>\n</section>\n", out);
}

/* ---- the document ------------------------------------------------------------ */

static void report_free(report *rp)
{
	VEC_FREE(rp->refs);
	free(rp->first);
	free(rp->rules);
	free(rp->placed);
	zl_concerns_free((zl_concerns *)rp->c);
}

int zl_write_html(FILE *out, const zl_results *r, const zl_model *m,
                  const zl_write_options *o)
{
	report rp = { .out = out, .r = r, .m = m, .c = zl_concerns_new(r, m) };
	char date[32];
	int rc = -1;

	(void)o;

	if (!rp.c || group(&rp) != 0)
		goto done;
	date_text(m, date, sizeof(date));
	page_head(out, m, date);
	fputs("<main>\n", out);
	summary(&rp);
	if (topology(&rp) != 0)
		goto done;
	by_server(&rp);
	by_rule(&rp);
	forest(&rp);
	zl_html_settings(out, m);
	fputs("</main>\n<footer><p>Written by zonelint " ZL_VERSION ". Every "
	      "finding&rsquo;s rule is explained by <code>zonelint --explain RULE</code>."
	      "</p></footer>\n</body>\n</html>\n", out);
	rc = ferror(out) ? -1 : 0;
done:
	report_free(&rp);
	return rc;
}
