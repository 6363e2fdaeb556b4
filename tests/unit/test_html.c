/* The HTML and DOT writers: escaping, the exact DOT graph of a tiny forest,
 * which servers and connections findings colour, and the report's links. */
#define _GNU_SOURCE    /* strcasestr */
#include <cgraph.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "settings.h"
#include "graph/graph.h"
#include "writers/writers.h"
#include "suites.h"

/* ---- zl_html_escape ------------------------------------------------------ */

static char *escaped(const char *in)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(zl_html_escape(f, in), 0);
	fclose(f);
	return buf;
}

static const struct {
	const char *in, *want;
} escapes[] = {
	{ "<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" },
	{ "R&D \"HQ\"", "R&amp;D &quot;HQ&quot;" },
	{ "&amp;", "&amp;amp;" },
	{ "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80",
	  "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80" },       /* UTF-8 as is */
	{ "bad \x1b[31mred\x1b[0m", "bad \\x1b[31mred\\x1b[0m" },
	{ "tab\tline\n", "tab\\x09line\\x0a" },
	{ "del\x7f", "del\\x7f" },
	{ "c1 \xc2\x85", "c1 \\xc2\\x85" },                  /* U+0085, a C1 control */
	{ "latin1 \xe9t\xe9", "latin1 \\xe9t\\xe9" },        /* not UTF-8 */
	{ "overlong \xc0\xaf", "overlong \\xc0\\xaf" },
	{ "surrogate \xed\xa0\x80", "surrogate \\xed\\xa0\\x80" },
	{ "nonchar \xef\xbf\xbe", "nonchar \\xef\\xbf\\xbe" },
	{ "cut \xe2\x86", "cut \\xe2\\x86" },
	{ "", "" },
};

START_TEST(html_escape_table)
{
	char *out = escaped(escapes[_i].in);

	ck_assert_str_eq(out, escapes[_i].want);
	free(out);
}
END_TEST

/* ---- a tiny forest ----------------------------------------------------------- */

/*
 * dc1.corp and dc2.corp in site HQ replicate from each other; dc3.corp,
 * in site Branch, replicates from dc1.  dc3's copy holds a stale address
 * of dc1 (partner-stale-address: server dc3, owner dc1), and dc1's repair
 * plan names dc3.  dc2 has no finding.
 */
static zl_model *tiny_forest(void)
{
	zl_model *m = zl_model_new();
	zl_server *s[3];

	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	s[0] = t_server(m, "dc1.corp", "10.0.0.1/24");
	s[1] = t_server(m, "dc2.corp", "10.0.0.2/24");
	s[2] = t_server(m, "dc3.corp", "10.1.0.3/24");
	zl_server_set_site(s[0], "HQ");
	zl_server_set_site(s[1], "HQ");
	zl_server_set_site(s[2], "Branch");
	zl_server_set_os(s[0], "windows-server-2022", LOC(5, 9));
	zl_server_add_inbound_name(s[0], t_name(m, "dc2.corp"), LOC(6, 9));
	zl_server_add_inbound_name(s[1], t_name(m, "dc1.corp"), LOC(9, 9));
	zl_server_add_inbound_name(s[2], t_name(m, "dc1.corp"), LOC(12, 9));
	ck_assert_int_eq(zl_model_resolve(m), 0);
	return m;
}

static zl_finding *add(zl_results *r, const zl_engine *e, const char *rule, zl_severity s,
                       const char *server, const char *owner, const char *message)
{
	zl_finding *f = calloc(1, sizeof(*f));

	ck_assert_ptr_nonnull(f);
	f->rule = zl_engine_find(e, rule);
	ck_assert_ptr_nonnull(f->rule);
	f->severity = s;
	f->file = strdup("zones/dc3/corp.dns");
	f->line = 7;
	f->column = 1;
	f->message = strdup(message);
	f->server = server ? strdup(server) : NULL;
	f->owner = owner ? strdup(owner) : NULL;
	ck_assert_int_eq(VEC_PUSH(r->findings, f), 0);
	r->count[s]++;
	return f;
}

/* A relation of f (zl_finding_involves, zl_finding_partner): a server name. */
static void relate(zl_strings *list, const char *server)
{
	char *s = strdup(server);

	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(VEC_PUSH(*list, s), 0);
}

static zl_results *tiny_results(void)
{
	zl_results *r = calloc(1, sizeof(*r));
	zl_engine *e = zl_engine_new();

	ck_assert_ptr_nonnull(r);
	zl_finding *stale = add(r, e, "partner-stale-address", ZL_SEVERITY_ERROR, "dc3.corp.",
	                        "dc1.corp.", "stale A record for dc1.corp. on dc3.corp.");
	relate(&stale->involves, "dc1.corp.");
	zl_finding *plan = add(r, e, "partner-repair-plan", ZL_SEVERITY_INFO, "dc1.corp.",
	                       NULL, "repair the host records of dc1.corp. on dc3.corp.");
	plan->data = strdup("dc3.corp.");
	relate(&plan->partners, "dc3.corp.");
	zl_engine_free(e);
	return r;
}

static char *capture(zl_writer_fn *writer, const zl_results *r, const zl_model *m)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(writer(f, r, m, NULL), 0);
	fclose(f);
	return buf;
}

/* Frees what a test made (each may be NULL). */
static void release(char *out, zl_results *r, zl_engine *e, zl_model *m)
{
	free(out);
	zl_results_free(r);
	zl_engine_free(e);
	zl_model_free(m);
}

START_TEST(concerns_of_tiny_forest)
{
	zl_model *m = tiny_forest();
	zl_results *r = tiny_results();
	zl_concerns *c = zl_concerns_new(r, m);

	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->n, 3);
	/* dc1: subject of the stale record, and its plan's server. */
	ck_assert_int_eq(c->worst[0], ZL_SEVERITY_ERROR);
	ck_assert_uint_eq(c->count[0], 2);
	ck_assert(!c->repair[0]);
	ck_assert_int_eq(c->worst[1], ZL_SEVERITY_OFF);
	ck_assert_uint_eq(c->count[1], 0);
	/* dc3: holds the stale record; the plan says fix it there. */
	ck_assert_int_eq(c->worst[2], ZL_SEVERITY_ERROR);
	ck_assert(c->repair[2]);
	ck_assert_int_eq(zl_concerns_pair(c, 0, 2), ZL_SEVERITY_ERROR);
	ck_assert_int_eq(zl_concerns_pair(c, 2, 0), ZL_SEVERITY_ERROR);
	ck_assert_int_eq(zl_concerns_pair(c, 0, 1), ZL_SEVERITY_OFF);
	ck_assert_int_eq(zl_concerns_pair(c, 1, 2), ZL_SEVERITY_OFF);   /* not partners */
	zl_concerns_free(c);
	release(NULL, r, NULL, m);
}
END_TEST

/* The graph reads relations and tags, not rule ids: every partner a plan
 * names is marked, a name that is no server is ignored, and a finding of
 * an untagged rule that involves a server counts for it but colours no
 * connection. */
START_TEST(concerns_from_relations)
{
	zl_model *m = tiny_forest();
	zl_results *r = calloc(1, sizeof(*r));
	zl_engine *e = zl_engine_new();

	ck_assert_ptr_nonnull(r);
	zl_finding *plan = add(r, e, "partner-repair-plan", ZL_SEVERITY_INFO, "dc1.corp.",
	                       NULL, "repair");
	relate(&plan->partners, "dc2.corp.");
	relate(&plan->partners, "gone.corp.");
	relate(&plan->partners, "dc3.corp.");
	zl_finding *own = add(r, e, "self-address-mismatch", ZL_SEVERITY_WARNING,
	                      "dc2.corp.", "dc1.corp.", "own copy");
	relate(&own->involves, "dc1.corp.");
	zl_concerns *c = zl_concerns_new(r, m);
	ck_assert_ptr_nonnull(c);
	ck_assert(!c->repair[0]);
	ck_assert(c->repair[1]);
	ck_assert(c->repair[2]);
	ck_assert_int_eq(c->worst[0], ZL_SEVERITY_WARNING);
	ck_assert_uint_eq(c->count[0], 2);
	ck_assert_int_eq(zl_concerns_pair(c, 0, 1), ZL_SEVERITY_OFF);
	zl_concerns_free(c);
	release(NULL, r, e, m);
}
END_TEST

START_TEST(dot_of_tiny_forest)
{
	zl_model *m = tiny_forest();
	zl_results *r = tiny_results();
	char *out = capture(zl_write_dot, r, m);

	t_assert_lines(out,
		"digraph replication {\n"
		"\tgraph [color=\"#b0b0b0\",\n"
		"\t\tconcentrate=true,\n"
		"\t\tfillcolor=\"#f7f7f7\",\n"
		"\t\tfontname=Helvetica,\n"
		"\t\tfontsize=11,\n"
		"\t\tlabeljust=l,\n"
		"\t\tnodesep=0.15,\n"
		"\t\trankdir=TB,\n"
		"\t\tranksep=0.35,\n"
		"\t\tstyle=\"rounded,filled\",\n"
		"\t\ttooltip=\"AD replication of corp. (arrows: direction data flows)\"\n"
		"\t];\n"
		"\tnode [fontname=Helvetica,\n"
		"\t\tfontsize=10,\n"
		"\t\theight=0.3,\n"
		"\t\tmargin=\"0.12,0.04\",\n"
		"\t\tpenwidth=1,\n"
		"\t\tperipheries=1,\n"
		"\t\tshape=box,\n"
		"\t\tstyle=\"rounded,filled\"\n"
		"\t];\n"
		"\tedge [arrowsize=0.6,\n"
		"\t\tcolor=\"#8c8c8c\",\n"
		"\t\tconstraint=true,\n"
		"\t\tdir=forward,\n"
		"\t\tpenwidth=1,\n"
		"\t\tstyle=solid\n"
		"\t];\n"
		"\tsubgraph cluster_HQ {\n"
		"\t\tgraph [label=HQ];\n"
		"\t\t\"dc1.corp.\"\t[color=\"#b3261e\",\n"
		"\t\t\tfillcolor=\"#fbdada\",\n"
		"\t\t\thref=\"#s-0\",\n"
		"\t\t\tlabel=dc1,\n"
		"\t\t\tpenwidth=2.5,\n"
		"\t\t\ttooltip=\"dc1.corp.\\nsite HQ\\n10.0.0.1/24\\nwindows-server-2022\\n2 "
		"findings, worst error\"];\n"
		"\t\t\"dc2.corp.\"\t[color=\"#2e7d32\",\n"
		"\t\t\tfillcolor=\"#e3f2e1\",\n"
		"\t\t\thref=\"#t-1\",\n"
		"\t\t\tlabel=dc2,\n"
		"\t\t\ttooltip=\"dc2.corp.\\nsite HQ\\n10.0.0.2/24\\nno findings\"];\n"
		"\t}\n"
		"\tsubgraph cluster_Branch {\n"
		"\t\tgraph [label=Branch];\n"
		"\t\t\"dc3.corp.\"\t[color=\"#b3261e\",\n"
		"\t\t\tfillcolor=\"#fbdada\",\n"
		"\t\t\thref=\"#s-2\",\n"
		"\t\t\tlabel=\"dc3\\n(fix here)\",\n"
		"\t\t\tpenwidth=2.5,\n"
		"\t\t\tperipheries=2,\n"
		"\t\t\ttooltip=\"dc3.corp.\\nsite Branch\\n10.1.0.3/24\\n1 finding, worst "
		"error\\na repair plan names it: run the plan's commands here\"];\n"
		"\t}\n"
		"\t\"dc1.corp.\" -> \"dc2.corp.\"\t[dir=both,\n"
		"\t\ttooltip=\"dc1.corp. and dc2.corp. replicate from each other\"];\n"
		"\t\"dc1.corp.\" -> \"dc3.corp.\"\t[color=\"#b3261e\",\n"
		"\t\tconstraint=false,\n"
		"\t\tpenwidth=2.5,\n"
		"\t\ttooltip=\"dc3.corp. replicates from dc1.corp.\\nworst partner finding "
		"between them: error\"];\n"
		"}\n");
	release(out, r, NULL, m);
}
END_TEST

/* The DOT text parses back, with Graphviz's own reader, into the graph. */
START_TEST(dot_reads_back)
{
	zl_model *m = tiny_forest();
	zl_results *r = tiny_results();
	char *out = capture(zl_write_dot, r, m);
	Agraph_t *g = agmemread(out);

	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(agnnodes(g), 3);
	ck_assert_int_eq(agnedges(g), 2);
	ck_assert_int_eq(agnsubg(g), 2);
	agclose(g);
	release(out, r, NULL, m);
}
END_TEST

static size_t occurrences(const char *text, const char *what)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, what)); p++)
		n++;
	return n;
}

/* The part of the report from `from` up to the next `to`, as a new string. */
static char *between(const char *text, const char *from, const char *to)
{
	const char *a = strstr(text, from), *b;

	ck_assert_msg(a != NULL, "no %s in the report", from);
	b = strstr(a + strlen(from), to);
	ck_assert_msg(b != NULL, "no %s after %s", to, from);
	return strndup(a, (size_t)(b - a));
}

START_TEST(html_links_servers_findings_and_graph)
{
	zl_model *m = tiny_forest();
	zl_results *r = tiny_results();
	char *out = capture(zl_write_html, r, m);

	ck_assert_msg(strncmp(out, "<!DOCTYPE html>\n<html lang=\"en\">\n", 33) == 0,
	              "report starts with %.40s", out);
	ck_assert_ptr_null(strstr(out, "<?xml"));
	ck_assert_ptr_null(strstr(out, "<!DOCTYPE svg"));
	ck_assert_ptr_null(strstr(out, "<!--"));
	ck_assert_uint_eq(occurrences(out, "<svg "), 1);
	ck_assert_uint_eq(occurrences(out, "class=\"node\""), 3);
	ck_assert_uint_eq(occurrences(out, "class=\"cluster\""), 2);
	ck_assert_uint_eq(occurrences(out, "class=\"edge\""), 2);
	/* Nodes link to a server's findings, or to its forest row when none. */
	ck_assert_ptr_nonnull(strstr(out, "xlink:href=\"#s-0\""));
	ck_assert_ptr_nonnull(strstr(out, "xlink:href=\"#t-1\""));
	ck_assert_ptr_nonnull(strstr(out, "<tr id=\"t-1\">"));
	ck_assert_ptr_null(strstr(out, "id=\"s-1\""));
	/* The stale record in full under dc3, where it is fixed; under dc1,
	 * whose record it is, a link to it. */
	ck_assert_uint_eq(occurrences(out, "<article class=\"finding f-error\" id=\"f-0\">"), 1);
	char *dc3 = between(out, "<section id=\"s-2\">", "</section>");
	ck_assert_ptr_nonnull(strstr(dc3, "id=\"f-0\""));
	ck_assert_ptr_nonnull(strstr(dc3, "dc3.corp.</h3>"));
	char *dc1 = between(out, "<section id=\"s-0\">", "</section>");
	ck_assert_ptr_nonnull(strstr(dc1, "id=\"f-1\""));
	ck_assert_ptr_nonnull(strstr(dc1, "About its host records"));
	ck_assert_ptr_nonnull(strstr(dc1, "<a href=\"#f-0\">partner-stale-address</a>"));
	char *row = between(out, "<tr id=\"t-2\">", "</tr>");
	ck_assert_ptr_nonnull(strstr(row, "<td>Branch</td><td>10.1.0.3/24</td><td>dc, dns</td>"));
	ck_assert_ptr_nonnull(strstr(row, "<td>dc1.corp.</td>"));         /* replicates from */
	ck_assert_ptr_nonnull(strstr(row, "(fix here)"));
	free(row);
	free(dc1);
	free(dc3);
	release(out, r, NULL, m);
}
END_TEST

/* Two findings that follow from the stale record: written once each,
 * inside their cause, and not again at their own place. */
START_TEST(html_nests_followers_under_their_cause)
{
	zl_model *m = tiny_forest();
	zl_engine *e = zl_engine_new();
	zl_results *r = tiny_results();
	zl_finding *cause = r->findings.v[0];

	for (int i = 0; i < 2; i++) {
		zl_finding *f = add(r, e, "target-no-address", ZL_SEVERITY_ERROR, NULL, NULL,
		                    i ? "SRV at _ldap._tcp.corp. points to dc1.corp."
		                      : "NS at corp. points to dc1.corp.");
		f->cause = cause;
		ck_assert_int_eq(VEC_PUSH(cause->followers, (const zl_finding *)f), 0);
	}
	char *out = capture(zl_write_html, r, m);
	char *nested = between(out, "<details class=\"followers\">", "</details>");

	ck_assert_ptr_nonnull(strstr(nested, "<summary>2 findings follow from this "
	                                     "(target-no-address)</summary>"));
	ck_assert_ptr_nonnull(strstr(nested, "id=\"f-2\""));
	ck_assert_ptr_nonnull(strstr(nested, "id=\"f-3\""));
	ck_assert_uint_eq(occurrences(out, "id=\"f-2\""), 1);
	ck_assert_uint_eq(occurrences(out, "id=\"f-3\""), 1);
	/* The details sit inside the cause's own article, under dc3. */
	char *cause_html = between(out, "id=\"f-0\"", "</article>\n</details>");
	ck_assert_ptr_nonnull(strstr(cause_html, "<details class=\"followers\">"));
	/* Nothing else is left without a server: no empty section. */
	ck_assert_ptr_null(strstr(out, "id=\"s-none\""));
	/* The by-rule table still lists them, linked to their entries. */
	ck_assert_ptr_nonnull(strstr(out, "<a href=\"#f-3\">SRV at _ldap._tcp.corp."));
	free(cause_html);
	free(nested);
	release(out, r, e, m);
}
END_TEST

/* A forest whose names, site and messages try to be markup. */
START_TEST(html_escapes_hostile_input)
{
	zl_model *m = zl_model_new();
	zl_engine *e = zl_engine_new();
	zl_results *r = calloc(1, sizeof(*r));

	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	zl_server *s = t_server(m, "a<b>&c.corp", "10.0.0.1/24");
	zl_server_set_site(s, "<script>alert(1)</script> & \"HQ\" R&amp;D");
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_finding *f = add(r, e, "eol-os", ZL_SEVERITY_WARNING, "a<b>&c.corp.", NULL,
	                    "<script>alert('m')</script> & \"q\"");
	f->fix = strdup("run <this> & that");
	VEC_PUSH(f->commands, strdup("dnscmd a<b>&c.corp /Info \"x\""));
	char *out = capture(zl_write_html, r, m);

	ck_assert_ptr_null(strcasestr(out, "<script"));
	ck_assert_ptr_nonnull(strstr(out, "<p class=\"msg\">&lt;script&gt;alert(&#39;m&#39;)"
	                                  "&lt;/script&gt; &amp; &quot;q&quot;</p>"));
	ck_assert_ptr_nonnull(strstr(out, "<b>Fix:</b> run &lt;this&gt; &amp; that</p>"));
	ck_assert_ptr_nonnull(strstr(out, "<pre><code>dnscmd a&lt;b&gt;&amp;c.corp /Info "
	                                  "&quot;x&quot;\n</code></pre>"));
	ck_assert_ptr_nonnull(strstr(out, "<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	                                  "&quot;HQ&quot; R&amp;amp;D</td>"));
	/* In the SVG too, the site reads as written, "&amp;" included. */
	ck_assert_ptr_nonnull(strstr(out, "<title>a&lt;b&gt;&amp;c.corp.</title>"));
	ck_assert_ptr_nonnull(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	                                  "&quot;HQ&quot; R&amp;amp;D</text>"));
	release(out, r, e, m);
}
END_TEST

/* A forest without findings: every node green, linked to its table row. */
START_TEST(html_clean_forest)
{
	zl_model *m = tiny_forest();
	zl_results *r = calloc(1, sizeof(*r));
	char *out = capture(zl_write_html, r, m);

	ck_assert_uint_eq(occurrences(out, "class=\"node\""), 3);
	ck_assert_uint_eq(occurrences(out, "fill=\"#e3f2e1\""), 3);
	ck_assert_uint_eq(occurrences(out, "xlink:href=\"#t-"), 3);
	ck_assert_uint_eq(occurrences(out, "<p>No findings.</p>"), 2);
	ck_assert_ptr_null(strstr(out, "<section id=\"s-"));
	release(out, r, NULL, m);
}
END_TEST

/* tiny_forest with zone corp on the three servers, dynamic update secure,
 * and dc3's own registry saying nonsecure. */
static zl_model *tiny_forest_settings(void)
{
	zl_model *m = zl_model_new();
	zl_zone *z;
	zl_zone_cfg *cfg;
	zl_zone_settings *o;

	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	t_server(m, "dc1.corp", "10.0.0.1/24");
	t_server(m, "dc2.corp", "10.0.0.2/24");
	zl_server *dc3 = t_server(m, "dc3.corp", "10.1.0.3/24");
	z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	cfg = zl_zone_cfg_mut(m, z);
	cfg->own.dynamic_update = ZL_UPDATE_SECURE;
	o = zl_server_add_zone_settings(m, dc3, t_name(m, "corp"), LOC(20, 7));
	o->dynamic_update = ZL_UPDATE_NONSECURE;
	ck_assert_int_eq(zl_model_resolve(m), 0);
	return m;
}

/* The zone settings section: each hosting server's value side by side,
 * the one differing from most servers marked, unknown said so. */
START_TEST(html_zone_settings_side_by_side)
{
	zl_model *m = tiny_forest_settings();
	zl_results *r = calloc(1, sizeof(*r));
	char *out = capture(zl_write_html, r, m);
	char *sec = between(out, "<section id=\"settings\">", "</section>");

	ck_assert_ptr_nonnull(strstr(out, "<a href=\"#settings\">Zone settings</a>"));
	ck_assert_ptr_nonnull(strstr(sec, "<th scope=\"col\">dc1.corp.</th>"
	                                  "<th scope=\"col\">dc2.corp.</th>"
	                                  "<th scope=\"col\">dc3.corp.</th>"));
	ck_assert_ptr_nonnull(strstr(sec, "<tr><th scope=\"row\">Dynamic update</th>"
	                                  "<td>secure</td><td>secure</td><td class=\"differ\">"
	                                  "<span title=\"differs from the other servers\">&ne;"
	                                  "</span> nonsecure</td></tr>"));
	ck_assert_ptr_nonnull(strstr(sec, "<tr><th scope=\"row\">Transfers</th>"
	                                  "<td>unknown</td><td>unknown</td><td>unknown</td></tr>"));
	ck_assert_uint_eq(occurrences(sec, "class=\"differ\""), 1);
	free(sec);
	release(out, r, NULL, m);
}
END_TEST

/* -z: zone files alone, no servers, so no graph; findings still listed. */
START_TEST(html_without_servers)
{
	zl_model *m = zl_model_new();
	zl_engine *e = zl_engine_new();
	zl_results *r = calloc(1, sizeof(*r));

	add(r, e, "zone-syntax", ZL_SEVERITY_ERROR, NULL, NULL, "bad record");
	char *out = capture(zl_write_html, r, m);
	char *dot = capture(zl_write_dot, r, m);

	ck_assert_ptr_null(strstr(out, "<svg"));
	ck_assert_ptr_nonnull(strstr(out, "No servers: zone files were linted on their own"));
	char *other = between(out, "<section id=\"s-none\">", "</section>");
	ck_assert_ptr_nonnull(strstr(other, "<p class=\"msg\">bad record</p>"));
	ck_assert_ptr_nonnull(strstr(dot, "digraph replication {"));
	ck_assert_ptr_null(strstr(dot, "->"));
	free(other);
	free(dot);
	release(out, r, e, m);
}
END_TEST

/*
 * A forest of n servers, dc001.corp..., sites of `per_site` servers each
 * (0: no sites); each server replicates from the one before it (a ring)
 * or, with `mesh`, from every other server.
 */
static zl_model *big_forest(size_t n, size_t per_site, bool mesh)
{
	zl_model *m = zl_model_new();
	zl_server **s = calloc(n, sizeof(*s));
	char name[64];

	ck_assert_ptr_nonnull(s);
	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	for (size_t i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "dc%03zu.corp", i + 1);
		s[i] = t_server(m, name, NULL);
		if (per_site) {
			snprintf(name, sizeof(name), "site%02zu", i / per_site + 1);
			zl_server_set_site(s[i], zl_model_strdup(m, name));
		}
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			if (j == i || (!mesh && j != (i + n - 1) % n))
				continue;
			snprintf(name, sizeof(name), "dc%03zu.corp", j + 1);
			zl_server_add_inbound_name(s[i], t_name(m, name), LOC(3, 9));
		}
	free(s);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	return m;
}

static zl_graph_kind kind_of(size_t n, size_t per_site, bool mesh)
{
	zl_model *m = big_forest(n, per_site, mesh);
	zl_results *r = calloc(1, sizeof(*r));
	zl_concerns *c = zl_concerns_new(r, m);
	zl_sites *s = zl_sites_new(c);

	ck_assert_ptr_nonnull(s);
	zl_graph_kind k = zl_graph_choose(c, s);
	zl_sites_free(s);
	zl_concerns_free(c);
	release(NULL, r, NULL, m);
	return k;
}

/* Up to 250 servers and 600 connections the servers are drawn; above, the
 * sites; a mesh too dense, or servers without sites, are not laid out. */
START_TEST(graph_kind_by_size)
{
	ck_assert_int_eq(kind_of(ZL_GRAPH_MAX_NODES, 10, false), ZL_GRAPH_SERVERS);
	ck_assert_int_eq(kind_of(ZL_GRAPH_MAX_NODES + 1, 10, false), ZL_GRAPH_SITES);
	ck_assert_int_eq(kind_of(ZL_GRAPH_MAX_NODES + 1, 0, false), ZL_GRAPH_NONE);
	ck_assert_int_eq(kind_of(40, 5, true), ZL_GRAPH_SITES);      /* 780 connections */
	ck_assert_int_eq(kind_of(35, 0, true), ZL_GRAPH_SERVERS);    /* 595 */
	ck_assert_int_eq(kind_of(36, 0, true), ZL_GRAPH_NONE);       /* 630 */
	/* 50 servers in 50 sites, all connected: 1,225 lines between sites. */
	ck_assert_int_eq(kind_of(50, 1, true), ZL_GRAPH_NONE);
}
END_TEST

/* 300 servers in 15 sites: a box a site, not a server, and the servers in
 * the forest table; a line a pair of neighbouring sites, labelled with
 * the number of connections between them. */
START_TEST(html_big_forest_draws_sites)
{
	zl_model *m = big_forest(300, 20, false);
	zl_results *r = calloc(1, sizeof(*r));
	char *out = capture(zl_write_html, r, m);

	ck_assert_ptr_nonnull(strstr(out, "so the graph shows its sites"));
	ck_assert_ptr_nonnull(strstr(out, "<figcaption>15 sites (300 servers) and the "
	                              "replication connections between them"));
	ck_assert_uint_eq(occurrences(out, "class=\"node\""), 15);
	ck_assert_ptr_nonnull(strstr(out, "site05: 20 servers, 19 connections inside"));
	/* The ring: fifteen lines between sites, each one connection. */
	ck_assert_uint_eq(occurrences(out, "class=\"edge\""), 15);
	ck_assert_ptr_nonnull(strstr(out, "1 connection between site01 and site02"));
	ck_assert_uint_eq(occurrences(out, "<tr id=\"t-"), 300);
	release(out, r, NULL, m);
}
END_TEST

/* A full mesh of 300 servers without sites (issue 19: Graphviz ran past ten
 * minutes on it): not laid out, the report says why and still comes out. */
START_TEST(html_full_mesh_not_laid_out)
{
	zl_model *m = big_forest(300, 0, true);
	zl_results *r = calloc(1, sizeof(*r));
	char *out = capture(zl_write_html, r, m);

	ck_assert_ptr_null(strstr(out, "<svg"));
	ck_assert_ptr_nonnull(strstr(out, "<p>The replication graph is not drawn: this "
	                              "forest has 300 servers and 44850 replication "
	                              "connections"));
	ck_assert_ptr_nonnull(strstr(out, "in 1 site with 0 connections between sites"));
	ck_assert_uint_eq(occurrences(out, "<tr id=\"t-"), 300);
	release(out, r, NULL, m);
}
END_TEST


Suite *html_suite(void)
{
	Suite *s = suite_create("html");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, html_escape_table, 0, sizeof(escapes) / sizeof(*escapes));
	tcase_add_test(tc, concerns_of_tiny_forest);
	tcase_add_test(tc, concerns_from_relations);
	tcase_add_test(tc, dot_of_tiny_forest);
	tcase_add_test(tc, dot_reads_back);
	tcase_add_test(tc, html_links_servers_findings_and_graph);
	tcase_add_test(tc, html_escapes_hostile_input);
	tcase_add_test(tc, html_nests_followers_under_their_cause);
	tcase_add_test(tc, html_clean_forest);
	tcase_add_test(tc, html_without_servers);
	tcase_add_test(tc, html_zone_settings_side_by_side);
	tcase_add_test(tc, graph_kind_by_size);
	/* The 300-server mesh is 89,700 replication entries to resolve: seconds
	 * under the sanitizers on a busy machine, not the default four. */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, html_big_forest_draws_sites);
	tcase_add_test(tc, html_full_mesh_not_laid_out);
	suite_add_tcase(s, tc);
	return s;
}
